// What Felix puts in the IP sets of a Calico rule's `services` match (felix/serviceindex
// serviceindex.go membersFromEndpointSlice): every address of every endpoint of the Service's
// EndpointSlices, whatever its conditions; for a destination match one `ip,proto:port` member per
// address and slice port that has a number (TCP when the protocol is unset), for a source match the
// addresses alone. Addresses that are not IPs (FQDN slices) are skipped.
import { Cidr } from '../../model/net';
import { EndpointSlice, Endpoints } from '../../model/resources';
import { ConditionedEndpoint } from './derive-endpoints';

/** One `hash:ip,port` member of a destination `services` set. */
export interface ServiceIpPort {
  readonly address: string;
  /** `TCP`, `UDP` or `SCTP`. */
  readonly protocol: string;
  readonly port: number;
}

/** The members of a Service's two Calico IP sets. */
export interface ServiceSetMembers {
  /** The `svcnoport` set (a source match): endpoint addresses. */
  readonly addresses: readonly string[];
  /** The `svc` set (a destination match): endpoint address, protocol and port. */
  readonly ipPorts: readonly ServiceIpPort[];
}

const isIp = (text: string): boolean => {
  try {
    Cidr.parseCidrOrIp(text);
    return true;
  } catch {
    return false;
  }
};

function collect(entries: readonly { addresses: readonly string[]; ports: readonly { protocol?: string; port?: number }[] }[]): ServiceSetMembers {
  const addresses = new Set<string>();
  const ipPorts = new Map<string, ServiceIpPort>();
  for (const e of entries) {
    for (const address of e.addresses.filter(isIp)) {
      addresses.add(address);
      for (const p of e.ports) {
        if (p.port === undefined) continue;
        const protocol = p.protocol === 'UDP' || p.protocol === 'SCTP' ? p.protocol : 'TCP';
        ipPorts.set(`${address},${protocol},${p.port}`, { address, protocol, port: p.port });
      }
    }
  }
  return { addresses: [...addresses], ipPorts: [...ipPorts.values()] };
}

/** The members from the Service's EndpointSlices (what Felix watches). */
export function sliceMembers(slices: readonly EndpointSlice[]): ServiceSetMembers {
  return collect(slices.flatMap((s) => (s.endpoints ?? []).map((e) => ({ addresses: e.addresses, ports: s.ports ?? [] }))));
}

/**
 * The members from a v1 Endpoints object, through the slices the EndpointSlice mirroring controller
 * makes of it: ready and not-ready addresses with the subset's ports.
 */
export function endpointsMembers(e: Endpoints): ServiceSetMembers {
  return collect((e.subsets ?? []).map((s) => ({
    addresses: [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((a) => a.ip), ports: s.ports ?? [],
  })));
}

/** The members from the endpoints derived per Service port (ready or not: the slices hold them all). */
export function derivedMembers(perPort: readonly { protocol: string; endpoints: readonly ConditionedEndpoint[] }[]): ServiceSetMembers {
  return collect(perPort.flatMap((p) => p.endpoints.map((e) => ({ addresses: [e.backend.address], ports: [{ protocol: p.protocol, port: e.backend.port }] }))));
}
