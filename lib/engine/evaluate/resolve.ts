// Resolving `namespace/pod`, `hostendpoint/<name>` or an IP address into a flow party; building flows.
import { PROTOCOL_ALLOWED, canonicalAddress, ipVersionOf, protocolCanonicalName, protocolNumber } from '../../model/net';
import { InputError } from '../input/errors';
import { EngineModel, Endpoint } from '../model/types';
import { Flow, FlowParty } from './types';
import { INTERFACE_NAME_ALLOWED, isInterfaceName } from '../../model/validate/names';

/** What `--protocol` accepts. */
/** The IP protocol number of a name of the one protocol table (any case) or digits 1-255. */
export function parseProtocol(text: string): number {
  const n = protocolNumber(text);
  if (n === undefined) throw new InputError(`protocol ${JSON.stringify(text)} is not one of ${PROTOCOL_ALLOWED}`);
  return n;
}

/** The canonical name of a protocol number (TCP, UDP, SCTP, ICMP, ICMPv6) or its digits. */
export function protocolName(n: number): string {
  return protocolCanonicalName(n);
}

/** Finds the endpoint or address a REF names; `version` picks the endpoint's address of that IP version. */
export function resolveParty(model: EngineModel, written: string, version?: number): FlowParty {
  // `2001:DB8::11` names the pod at 2001:db8::11: addresses are compared in their canonical form
  const ref = canonicalAddress(written);
  if (ipVersionOf(ref) !== undefined) {
    const ep = model.endpoints.find((e) => e.ips.includes(ref));
    return ep ? { endpoint: ep, ip: ref, id: ep.id } : { ip: ref, id: ref };
  }
  const ep = model.endpoints.find((e) => e.id === ref);
  if (!ep) {
    throw new InputError(`${JSON.stringify(ref)} is not a pod or host endpoint of the inputs (expected namespace/pod, hostendpoint/<name> or an IP address)`);
  }
  return { endpoint: ep, ip: pickIp(ep, version), id: ep.id };
}

function pickIp(ep: Endpoint, version: number | undefined): string | undefined {
  return ep.ips.find((ip) => version === undefined || ipVersionOf(ip) === version) ?? ep.ips[0];
}

/** What a flow is made from. */
export interface FlowSpec {
  readonly from: string;
  readonly to: string;
  /** TCP, UDP, SCTP, ICMP, ICMPv6 or a number. */
  readonly protocol: string;
  /** @default - none (protocols without ports) */
  readonly port?: number;
  /** The node interface the traffic crosses (see Flow.via). @default - see Flow.via */
  readonly via?: string;
}

/** What `--via` accepts. */
const INTERFACE_NAME_CHOICES = `a Linux interface name: ${INTERFACE_NAME_ALLOWED} (e.g. eth1)`;

/** Resolves both ends (addresses of one IP version when possible) and the protocol. */
export function buildFlow(model: EngineModel, spec: FlowSpec): Flow {
  const protocol = parseProtocol(spec.protocol);
  if (spec.port !== undefined && (!Number.isInteger(spec.port) || spec.port < 0 || spec.port > 65535)) {
    throw new InputError(`port ${spec.port} is not a port number 0-65535`);
  }
  const hint = ipVersionOf(spec.to) ?? ipVersionOf(spec.from) ?? (protocol === 58 ? 6 : undefined);
  let source = resolveParty(model, spec.from, hint);
  const destination = resolveParty(model, spec.to, hint ?? (source.ip ? ipVersionOf(source.ip) : undefined));
  if (destination.ip && source.endpoint && hint === undefined) {
    source = resolveParty(model, spec.from, ipVersionOf(destination.ip));
  }
  if (spec.via !== undefined && !isInterfaceName(spec.via)) {
    throw new InputError(`via ${JSON.stringify(spec.via)} is not ${INTERFACE_NAME_CHOICES}`);
  }
  return { source, destination, protocol, port: spec.port, ...(spec.via !== undefined ? { via: spec.via } : {}) };
}
