// Does one compiled rule match a flow, seen from a given endpoint and direction?
import { PortSpec, protocolCanonicalName } from '../../model/net';
import { CidrMatcher, ipFamily } from '../model/address-match';
import { CompiledEntity } from '../model/entity';
import { BuiltModel } from '../model/build';
import { NetworkSetParty, Party, endpointParty } from '../model/party';
import { CompiledRule } from '../model/policy';
import { Endpoint } from '../model/types';
import { findMatchedService } from '../input/service-lookup';
import { destinationInService, sourceInService } from './service-match';
import { Flow, FlowParty } from './types';


/** True when every field of the rule matches the flow. */
export function ruleMatches(model: BuiltModel, rule: CompiledRule, flow: Flow): boolean {
  if (!protocolPartMatches(rule, flow)) return false;
  if (rule.ipVersion !== undefined && ipVersion(flow) !== rule.ipVersion) return false;
  if (!entityMatches(model, rule.source, flow.source, flow.sourcePort, flow)) return false;
  return entityMatches(model, rule.destination, flow.destination, flow.port, flow);
}

/** The parts of a rule that read only the flow's protocol and ICMP type/code (not addresses or ports). */
export function protocolPartMatches(rule: CompiledRule, flow: Flow): boolean {
  const r = rule.rule;
  if (rule.protocol !== undefined && rule.protocol !== flow.protocol) return false;
  if (rule.notProtocol !== undefined && rule.notProtocol === flow.protocol) return false;
  if (r.icmp && !icmpMatches(r.icmp, flow)) return false;
  return !(r.notICMP && icmpMatches(r.notICMP, flow));
}

function ipVersion(flow: Flow): number | undefined {
  const ip = flow.destination.ip ?? flow.source.ip;
  return ip === undefined ? undefined : ipFamily(ip);
}

function icmpMatches(icmp: { readonly type?: number; readonly code?: number }, flow: Flow): boolean {
  if (flow.protocol !== 1 && flow.protocol !== 58) return false;
  const type = flow.icmpType ?? (flow.protocol === 1 ? 8 : 128);
  const code = flow.icmpCode ?? 0;
  if (icmp.type !== undefined && icmp.type !== type) return false;
  return icmp.code === undefined || icmp.code === code;
}

/** Matches services, nets, notNets, selectors (endpoints and network sets by address), notSelector, ports. */
export function entityMatches(model: BuiltModel, e: CompiledEntity, party: FlowParty, port: number | undefined, flow: Flow): boolean {
  return entityAddressMatches(model, e, party) && entityPortMatches(model, e, party, port, flow);
}

/**
 * The parts of an entity that read only the party (its address and labels), not the flow's
 * protocol or ports: a source services match, nets, notNets, selectors and notSelector.
 */
export function entityAddressMatches(model: BuiltModel, e: CompiledEntity, party: FlowParty): boolean {
  const ip = party.ip;
  if (e.service && e.service.side !== 'destination' && !sourceInService(findMatchedService(model.services, e.service.match), ip)) return false;
  if (e.nets && (ip === undefined || !e.nets.some((n) => n.contains(ip)))) return false;
  if (e.notNets && ip !== undefined && !notNetsMatch(e.notNets, ip)) return false;
  // Felix's IP sets (felix/calc/rule_scanner.go combineMatchesIfPossible): with a label part, one
  // set for `(label part) && (!(notSelector))`; without one, a negated set for the notSelector
  if (e.hasLabelPart && !heldBy(model, party, (p) => e.setMatches(p))) return false;
  return !(!e.hasLabelPart && e.notSelector && heldBy(model, party, (p) => e.notSelectorMatches(p)));
}

/** The parts of an entity that read the flow's protocol and port: a destination services match, ports, notPorts. */
export function entityPortMatches(model: BuiltModel, e: CompiledEntity, party: FlowParty, port: number | undefined, flow: Flow): boolean {
  if (e.service?.side === 'destination' && !destinationInService(findMatchedService(model.services, e.service.match), party.ip, flow.protocol, port)) return false;
  if (e.ports && (port === undefined || !e.ports.some((p) => portMatches(p, port, party.endpoint, flow)))) return false;
  return !(e.notPorts && port !== undefined && e.notPorts.some((p) => portMatches(p, port, party.endpoint, flow)));
}

/**
 * notNets for an address: false when it is in one of them, and also when none is of the address's
 * IP version: Felix (felix/rules/policy.go FilterRuleToIPVersion) renders no rule for that version
 * then, so the rule matches no packet of it.
 */
function notNetsMatch(notNets: readonly CidrMatcher[], ip: string): boolean {
  const family = ipFamily(ip);
  const same = notNets.filter((n) => n.version === family);
  return same.length > 0 && !same.some((n) => n.contains(ip));
}

function onEndpointAddress(party: FlowParty): Endpoint | undefined {
  const ep = party.endpoint;
  return ep && party.ip !== undefined && ep.ips.includes(party.ip) ? ep : undefined;
}

const holding = new WeakMap<BuiltModel, Map<string, readonly NetworkSetParty[]>>();

/** The network sets whose nets contain the address, in model order (cached per model and address). */
function networkSetsHolding(model: BuiltModel, ip: string): readonly NetworkSetParty[] {
  let byIp = holding.get(model);
  if (!byIp) {
    byIp = new Map();
    holding.set(model, byIp);
  }
  let found = byIp.get(ip);
  if (!found) {
    found = model.networkSetParties.filter((n) => n.nets.some((c) => c.contains(ip)));
    if (byIp.size > 200000) byIp.clear();
    byIp.set(ip, found);
  }
  return found;
}

/** True when the party's own endpoint (on its address) or a network set holding its address passes the test. */
function heldBy(model: BuiltModel, party: FlowParty, test: (p: Party) => boolean): boolean {
  const ep = onEndpointAddress(party);
  if (ep && test(endpointParty(ep))) return true;
  const ip = party.ip;
  if (ip === undefined) return false;
  return networkSetsHolding(model, ip).some((n) => test(n.party));
}

function portMatches(spec: PortSpec, port: number, endpoint: Endpoint | undefined, flow: Flow): boolean {
  if (spec.kind !== 'named') return port >= spec.min && port <= spec.max;
  if (!endpoint) return false;
  const proto = protocolCanonicalName(flow.protocol);
  return endpoint.namedPorts.some((p) => p.name === spec.name && p.protocol.toUpperCase() === proto && p.port === port);
}
