// A Calico rule's `services` match, as Felix enforces it: the rule names a Service, and its IP set
// holds the Service's EndpointSlice endpoints (felix/calc/rule_scanner.go: a destination match is a
// `hash:ip,port` set of endpoint address, protocol and port; a source match a `hash:net` set of the
// endpoint addresses). The ClusterIP is not in either set: kube-proxy has DNATed it away before
// policy sees the packet.
import { protocolCanonicalName } from '../../model/net';
import { ServiceMatch } from '../../model/resources';
import { findMatchedService, serviceKey } from '../input/service-lookup';
import { InputService } from '../input/services';
import { CidrMatcher, ipv4ToNumber } from '../model/address-match';

const sameIp = (a: string, b: string): boolean => a === b || CidrMatcher.parse(a).contains(b);

/** The destination (post-DNAT address, protocol, port) is a member of the Service's `svc` set. */
export function destinationInService(service: InputService | undefined, ip: string | undefined, protocol: number, port: number | undefined): boolean {
  if (!service || ip === undefined || port === undefined) return false;
  const name = protocolCanonicalName(protocol);
  return service.setMembers.ipPorts.some((m) => m.port === port && m.protocol === name && sameIp(m.address, ip));
}

/** The source address is a member of the Service's `svcnoport` set. */
export function sourceInService(service: InputService | undefined, ip: string | undefined): boolean {
  if (!service || ip === undefined) return false;
  return service.setMembers.addresses.some((a) => sameIp(a, ip));
}

/** A Service's set members parsed once (for serviceMembershipKey, asked once per address of a table). */
const parsedMembers = new WeakMap<InputService, { readonly addresses: CidrMatcher[]; readonly ipPorts: { readonly net: CidrMatcher; readonly key: string }[] }>();

/**
 * What the Service's two sets hold of one address: whether `svcnoport` holds it and the protocols
 * and ports `svc` holds it with, as one key (addresses with equal keys match its rules alike).
 */
export function serviceMembershipKey(service: InputService | undefined, ip: string): string {
  if (!service) return '';
  let members = parsedMembers.get(service);
  if (!members) {
    members = {
      addresses: service.setMembers.addresses.map((a) => CidrMatcher.parse(a)),
      ipPorts: service.setMembers.ipPorts.map((m) => ({ net: CidrMatcher.parse(m.address), key: `${m.protocol}/${m.port}` })),
    };
    parsedMembers.set(service, members);
  }
  // sameIp: an address is its own one-address net
  const v4 = ipv4ToNumber(ip);
  const holds = (net: CidrMatcher): boolean => (v4 !== undefined ? net.containsV4(v4) : net.contains(ip));
  const ports = members.ipPorts.filter((m) => holds(m.net)).map((m) => m.key).sort();
  return `${members.addresses.some(holds) ? 1 : 0}${ports.join(',')}`;
}

/** For explain: which Service a rule's services match named, and what its set held. */
export function serviceMatchNote(services: readonly InputService[], side: 'source' | 'destination', match: ServiceMatch): string {
  const service = findMatchedService(services, match);
  const key = serviceKey(match);
  if (!service) return `${side}.services ${key}: no such Service in the inputs (Felix's IP set is empty)`;
  const count = side === 'destination' ? service.setMembers.ipPorts.length : service.setMembers.addresses.length;
  return `${side}.services ${key}: matched one of its EndpointSlice endpoints (IP set of ${count} member${count === 1 ? '' : 's'})`;
}
