// Per node: its host endpoints, the policies that apply to them and what an outside address may open.
import { BuiltModel, Endpoint, buildTruthTable } from '../engine';
import { PortKey, portKeyText, sortPortKeys } from '../diff/ports';
import { NodeSummary } from './data';

/** The outside address used to probe host endpoints (TEST-NET-3, RFC 5737). */
const OUTSIDE = { name: 'outside 203.0.113.10', ip: '203.0.113.10' };
/** Always probed: SSH and the kubelet. */
const HOST_PORTS: readonly PortKey[] = [{ protocol: 'TCP', port: 22 }, { protocol: 'TCP', port: 10250 }];

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

/** Summaries of every node of the inventory, plus nodes named only by host endpoints. */
export function buildNodeSummaries(model: BuiltModel, ports: readonly PortKey[]): NodeSummary[] {
  const heps = model.endpoints.filter((e) => e.kind === 'host');
  const probe = sortPortKeys([...new Map([...ports, ...HOST_PORTS].filter((k) => k.port !== undefined).map((k) => [portKeyText(k), k])).values()]);
  const open = new Map<string, string[]>();
  if (heps.length > 0) {
    for (const key of probe) {
      const table = buildTruthTable(model, { protocol: key.protocol, port: key.port, includeHostEndpoints: true, externalAddresses: [OUTSIDE] });
      for (const h of heps) {
        if (h.ips.length === 0 || !table.allowed(OUTSIDE.name, h.id)) continue;
        const list = open.get(h.id) ?? [];
        list.push(portKeyText(key));
        open.set(h.id, list);
      }
    }
  }
  const names = [...new Set([...model.nodes.map((n) => n.name), ...heps.map((h) => h.node)])].sort();
  return names.map((name) => ({
    name,
    addresses: (model.nodes.find((n) => n.name === name)?.addresses ?? []).map((a) => `${a.type} ${a.address}`),
    hostEndpoints: heps.filter((h) => h.node === name).sort((a, b) => (a.name < b.name ? -1 : 1)).map((h) => ({
      name: h.name, interfaceName: h.interfaceName, ips: h.ips, policies: policiesFor(model, h),
      openFromOutside: open.get(h.id) ?? [], tested: h.ips.length > 0 ? probe.map(portKeyText) : [],
    })),
  }));
}
