// Felix's CalculateRuleMatch: the match fragments of a rule, in Felix's order.
import * as m from './match';
import { splitPortList } from './ports';
import { ProtoRule } from './proto-rule';

/**
 * Positive matches first (protocol, source CIDR, source sets, source ports, source named port,
 * destination likewise, ICMP), then the negated ones. At most one CIDR per side is left here;
 * more are handled by match blocks (see matchBlocks).
 */
export function calculateRuleMatch(r: ProtoRule, version: m.IpVersion): string[] {
  const out: string[] = [];
  if (r.protocol !== undefined) out.push(m.protocolMatch(r.protocol));
  if (r.src.nets.length === 1) out.push(m.sourceNet(r.src.nets[0]));
  for (const s of r.src.ipSets) out.push(m.sourceIpSet(s));
  if (r.src.ports.length > 0) out.push(m.sourcePorts(r.src.ports));
  for (const s of r.src.namedPortSets) out.push(m.sourceIpPortSet(s));
  if (r.dst.nets.length === 1) out.push(m.destNet(r.dst.nets[0]));
  for (const s of r.dst.ipSets) out.push(m.destIpSet(s));
  for (const s of r.dst.ipPortSets ?? []) out.push(m.destIpPortSet(s));
  if (r.dst.ports.length > 0) out.push(m.destPorts(r.dst.ports));
  for (const s of r.dst.namedPortSets) out.push(m.destIpPortSet(s));
  if (r.icmp) out.push(m.icmpMatch(version, r.icmp.type, r.icmp.code, false));

  if (r.notProtocol !== undefined) out.push(m.notProtocolMatch(r.notProtocol));
  if (r.src.notNets.length === 1) out.push(m.notSourceNet(r.src.notNets[0]));
  for (const s of r.src.notIpSets) out.push(m.notSourceIpSet(s));
  for (const split of splitPortList(r.src.notPorts)) out.push(m.notSourcePorts(split));
  for (const s of r.src.notNamedPortSets) out.push(m.notSourceIpPortSet(s));
  if (r.dst.notNets.length === 1) out.push(m.notDestNet(r.dst.notNets[0]));
  for (const s of r.dst.notIpSets) out.push(m.notDestIpSet(s));
  for (const split of splitPortList(r.dst.notPorts)) out.push(m.notDestPorts(split));
  for (const s of r.dst.notNamedPortSets) out.push(m.notDestIpPortSet(s));
  if (r.notIcmp) out.push(m.icmpMatch(version, r.notIcmp.type, r.notIcmp.code, true));
  return out;
}
