// Per node: its host endpoints, the policies that apply to them and what an outside address may open.
import { ipVersionOf } from '../model/net';
import { BuiltModel, Endpoint } from '../engine';
import { connectionClasses, connectionsBetween } from '../connectivity';
import { NodeSummary } from './data';

/** The outside address used to probe host endpoints (TEST-NET-3, RFC 5737). */
/** The outside address the report judges from (host endpoints, Services' external paths). */
export const OUTSIDE = { name: 'outside 203.0.113.10', ip: '203.0.113.10' };

function policiesFor(model: BuiltModel, hep: Endpoint): string[] {
  const out: string[] = [];
  for (const tier of model.tiers) {
    for (const p of tier.policies) {
      if (!p.appliesTo(hep)) continue;
      const types = [p.ingress ? 'Ingress' : '', p.egress ? 'Egress' : ''].filter((t) => t).join(', ');
      const flags = [p.preDNAT ? 'preDNAT' : '', p.doNotTrack ? 'doNotTrack' : '', p.applyOnForward ? 'applyOnForward' : ''].filter((t) => t);
      out.push(`${tier.name}/${p.namespace ? `${p.namespace}/` : ''}${p.name} (${[types, ...flags].join(', ')})`);
    }
  }
  return out;
}

/**
 * Summaries of every node of the inventory, plus nodes named only by host endpoints. What the
 * outside address may open on a host endpoint is its whole connection set over every protocol and
 * port (failsafe ports included), computed as `netsec connectivity` does.
 */
export function buildNodeSummaries(model: BuiltModel): NodeSummary[] {
  const heps = model.endpoints.filter((e) => e.kind === 'host');
  const classes = connectionClasses(model);
  const openFrom = (h: Endpoint): string | undefined => {
    const ip = h.ips.find((a) => ipVersionOf(a) === 4);
    return ip === undefined ? undefined
      : connectionsBetween(model, classes, { ip: OUTSIDE.ip, id: OUTSIDE.ip }, { endpoint: h, ip, id: h.id }, 4);
  };
  const names = [...new Set([...model.nodes.map((n) => n.name), ...heps.map((h) => h.node)])].sort();
  return names.map((name) => ({
    name,
    addresses: (model.nodes.find((n) => n.name === name)?.addresses ?? []).map((a) => `${a.type} ${a.address}`),
    hostEndpoints: heps.filter((h) => h.node === name).sort((a, b) => (a.name < b.name ? -1 : 1)).map((h) => ({
      name: h.name, interfaceName: h.interfaceName, ips: h.ips, policies: policiesFor(model, h), openFromOutside: openFrom(h),
    })),
  }));
}
