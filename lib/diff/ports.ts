// The protocol/port pairs to compare: those named by --ports, or by default every port and
// protocol that the policies (either side) or the inventory's container ports name.
import { CalicoRule } from '../model/resources';
import { parsePortSpec, protocolHasPorts, protocolNumber } from '../model/net';
import { BuiltModel, EngineModel, modelRules, protocolName } from '../engine';

/** One protocol and destination port to compare (no port for ICMP and other portless protocols). */
export interface PortKey {
  /** Canonical protocol name: TCP, UDP, SCTP, ICMP, ICMPv6 or digits. */
  readonly protocol: string;
  /** @default - none (protocol without ports) */
  readonly port?: number;
  /**
   * The last port of the interval the key stands for, when it is more than one port: every port of
   * `port`..`toPort` gets the same verdicts. @default - `port` alone
   */
  readonly toPort?: number;
}

/** `TCP/80`, `TCP/81-442` for an interval, or `ICMP` for a portless protocol. */
export function portKeyText(k: PortKey): string {
  if (k.port === undefined) return k.protocol;
  return k.toPort !== undefined && k.toPort !== k.port ? `${k.protocol}/${k.port}-${k.toPort}` : `${k.protocol}/${k.port}`;
}

const PORTS_ALLOWED = 'a comma-separated list of PROTOCOL/PORT (TCP, UDP or SCTP, port 1-65535) or a portless protocol (ICMP, ICMPv6 or a number)';

/** Parses `TCP/80,UDP/53,ICMP`; throws an Error naming the bad entry and what is allowed. */
export function parsePortList(text: string): PortKey[] {
  const out: PortKey[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const m = /^([A-Za-z0-9]+)(?:\/([0-9]{1,5}))?$/.exec(entry);
    const n = m ? protocolNumber(m[1]) : undefined;
    if (!m || n === undefined) throw new Error(`--ports: ${JSON.stringify(entry)} is not valid; expected ${PORTS_ALLOWED}`);
    const hasPorts = protocolHasPorts(m[1]);
    if (hasPorts !== (m[2] !== undefined)) {
      throw new Error(`--ports: ${JSON.stringify(entry)} ${hasPorts ? 'needs a port' : 'cannot have a port'}; expected ${PORTS_ALLOWED}`);
    }
    const port = m[2] === undefined ? undefined : Number(m[2]);
    if (port !== undefined && (port < 1 || port > 65535)) {
      throw new Error(`--ports: port ${port} in ${JSON.stringify(entry)} is out of range; expected ${PORTS_ALLOWED}`);
    }
    out.push({ protocol: protocolName(n), ...(port !== undefined ? { port } : {}) });
  }
  return sortPortKeys(dedupe(out));
}

function dedupe<K extends PortKey>(keys: readonly K[]): K[] {
  const seen = new Map<string, K>();
  for (const k of keys) seen.set(portKeyText(k), k);
  return [...seen.values()];
}

/** Sorted by protocol name, then port (portless first). */
export function sortPortKeys<K extends PortKey>(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => (a.protocol !== b.protocol ? (a.protocol < b.protocol ? -1 : 1) : (a.port ?? -1) - (b.port ?? -1)));
}

/** The ports a rule names: destination ports (numbers, both ends of ranges, named ports resolved over the inventory). */
function ruleKeys(rule: CalicoRule, model: EngineModel): PortKey[] {
  if (rule.protocol === undefined) return [];
  const n = protocolNumber(rule.protocol);
  if (n === undefined) return [];
  const protocol = protocolName(n);
  if (!protocolHasPorts(rule.protocol)) return [{ protocol }];
  const out: PortKey[] = [];
  for (const text of [...(rule.destination?.ports ?? []), ...(rule.destination?.notPorts ?? [])]) {
    const spec = parsePortSpec(text);
    if (spec.kind === 'named') {
      for (const e of model.endpoints) {
        for (const np of e.namedPorts) if (np.name === spec.name && np.protocol === protocol) out.push({ protocol, port: np.port });
      }
    } else {
      for (const port of new Set([spec.min, spec.max])) if (port > 0) out.push({ protocol, port });
    }
  }
  return out;
}

/**
 * Every port and protocol that the models' rules name or that a container of an inventory pod
 * declares (named or not, init containers and pods that are no workload endpoint included), sorted.
 */
export function defaultPortKeys(models: readonly BuiltModel[]): PortKey[] {
  const keys: PortKey[] = [];
  for (const model of models) {
    for (const rule of modelRules(model)) keys.push(...ruleKeys(rule, model));
    for (const pod of model.pods) for (const p of pod.containerPorts) keys.push({ protocol: p.protocol, port: p.port });
  }
  return sortPortKeys(dedupe(keys));
}
