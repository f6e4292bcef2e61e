// Changed flows grouped by source and destination group (same namespace and labels).
import { Endpoint } from '../engine';
import { groupKeyOf, groupLabelOf } from './groups';
import { ChangedFlow } from './compare';
import { portKeyText } from './ports';
import { DecidingPolicy, describeDeciding } from './responsible';

/** Changed flows from one group to another. */
export interface FlowGroup {
  readonly from: string;
  readonly to: string;
  /** Distinct `TCP/80` texts, in flow order. */
  readonly ports: readonly string[];
  readonly flows: readonly ChangedFlow[];
  /** Distinct deciding policies over the group's flows, in first-seen order. */
  readonly policies: readonly DecidingPolicy[];
}

/** Groups flows by (source group, destination group), in order of first flow. */
export function groupFlows(flows: readonly ChangedFlow[], endpoints: readonly Endpoint[]): FlowGroup[] {
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const key = (id: string): string => { const e = byId.get(id); return e ? groupKeyOf(e) : id; };
  const label = (id: string): string => { const e = byId.get(id); return e ? groupLabelOf(e) : id; };
  const groups = new Map<string, { from: string; to: string; flows: ChangedFlow[] }>();
  for (const f of flows) {
    const k = `${key(f.from)}\u0000${key(f.to)}`;
    let g = groups.get(k);
    if (!g) {
      g = { from: label(f.from), to: label(f.to), flows: [] };
      groups.set(k, g);
    }
    g.flows.push(f);
  }
  return [...groups.values()].map((g) => {
    const ports = [...new Set(g.flows.map((f) => portKeyText(f)))];
    const seen = new Map<string, DecidingPolicy>();
    for (const f of g.flows) for (const p of f.policies) seen.set(`${p.side} ${describeDeciding(p)}`, p);
    return { from: g.from, to: g.to, ports, flows: g.flows, policies: [...seen.values()] };
  });
}
