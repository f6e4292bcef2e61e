// NS011 a GlobalNetworkPolicy on every endpoint with a Deny; NS012 order ties between conflicting policies.
import { protocolNumber } from '../../model/net';
import { CalicoRule, EntityRule } from '../../model/resources';
import { CompiledPolicy, EntityMembers } from '../../engine';
import { nonEmpty } from '../analysis/lists';
import { netsIntersect } from '../analysis/nets';
import { portsIntersect } from '../analysis/ports';
import { selectorImplies, selectsAll } from '../analysis/selector-implies';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

/** NS011: GlobalNetworkPolicies with an empty/all() selector and no namespaceSelector that deny. */
function globalDenyOnAll(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    if (p.origin.kind !== 'GlobalNetworkPolicy' || !selectsAll(p.selector)) continue;
    if (ctx.rawSpecString(p, 'namespaceSelector') !== undefined || ctx.rawSpecString(p, 'serviceAccountSelector') !== undefined) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      const i = (p[direction] ?? []).findIndex((r) => r.action === 'Deny');
      if (i < 0) continue;
      out.push(finding(GLOBAL_DENY_ON_ALL, `${policyLabel(p)} selects every endpoint of the cluster (selector ${JSON.stringify(p.selector || '')}) `
        + `and ${direction} rule ${i} denies: a mistake here cuts off every pod and node; scope the selector`,
      policyLocation(p, ruleField(p, direction, i))));
    }
  }
  return out;
}

/** NS012: same tier, same order, overlapping endpoints, an Allow and a Deny on overlapping traffic. */
function orderTieConflicts(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const tier of ctx.model.tiers) {
    const ps = tier.policies;
    // policies are sorted by order, so each order is one run; only pairs inside a run tie
    for (let start = 0, end = 1; start < ps.length; start = end, end = start + 1) {
      while (end < ps.length && ps[end].order === ps[start].order) end++;
      const partners = tiePartners(ps, start, end);
      for (let i = start; i < end; i++) {
        for (const j of partners(i)) {
          const clash = conflict(ctx, ps[i], ps[j]);
          if (clash) {
            out.push(finding(ORDER_TIE_CONFLICT, `${policyLabel(ps[i])} and ${policyLabel(ps[j])} share order ${ps[i].order ?? '(none)'} in tier `
              + `${tier.name}, select overlapping endpoints and ${clash}; only their names decide which wins: give them different orders`,
            policyLocation(ps[j])));
          }
        }
      }
    }
  }
  return out;
}

/**
 * For policy i of the run [start, end), the later policies of the run, ascending, that can share an
 * endpoint with it: two policies of different namespaces never do (a namespaced policy applies only
 * to workloads of its namespace), so a namespaced policy pairs with its namespace and global policies.
 */
function tiePartners(ps: readonly CompiledPolicy[], start: number, end: number): (i: number) => number[] {
  const byNamespace = new Map<string, number[]>();
  const all: number[] = [];
  for (let k = start; k < end; k++) {
    all.push(k);
    const key = ps[k].namespace;
    if (key === undefined) continue;
    const list = byNamespace.get(key);
    if (list) list.push(k);
    else byNamespace.set(key, [k]);
  }
  const globals = all.filter((k) => ps[k].namespace === undefined);
  const merged = new Map<string, number[]>();
  return (i) => {
    const ns = ps[i].namespace;
    if (ns === undefined) return all.filter((k) => k > i);
    let list = merged.get(ns);
    if (!list) {
      list = [...(byNamespace.get(ns) ?? []), ...globals].sort((x, y) => x - y);
      merged.set(ns, list);
    }
    return list.filter((k) => k > i);
  };
}

function conflict(ctx: LintContext, a: CompiledPolicy, b: CompiledPolicy): string | undefined {
  if (a.preDNAT !== b.preDNAT || a.doNotTrack !== b.doNotTrack || !mayOppose(a, b) || !endpointsOverlap(ctx, a, b)) return undefined;
  for (const direction of ['ingress', 'egress'] as const) {
    for (const [ra, ia] of (a[direction] ?? []).map((r, k) => [r, k] as const)) {
      for (const [rb, ib] of (b[direction] ?? []).map((r, k) => [r, k] as const)) {
        const opposite = (ra.action === 'Allow' && rb.action === 'Deny') || (ra.action === 'Deny' && rb.action === 'Allow');
        if (opposite && rulesOverlap(ctx, ra, a, rb, b)) {
          return `${direction} rule ${ia} (${ra.action}) and rule ${ib} (${rb.action}) match overlapping traffic`;
        }
      }
    }
  }
  return undefined;
}

/** The actions of a policy's rules, per direction (computed once per policy). */
const actionSets = new WeakMap<CompiledPolicy, { readonly ingress: ReadonlySet<string>; readonly egress: ReadonlySet<string> }>();

function actionsOf(p: CompiledPolicy): { readonly ingress: ReadonlySet<string>; readonly egress: ReadonlySet<string> } {
  let a = actionSets.get(p);
  if (!a) {
    a = { ingress: new Set((p.ingress ?? []).map((r) => r.action)), egress: new Set((p.egress ?? []).map((r) => r.action)) };
    actionSets.set(p, a);
  }
  return a;
}

/** True when, in some direction, one policy has an Allow rule and the other a Deny rule (else no conflict is possible). */
function mayOppose(a: CompiledPolicy, b: CompiledPolicy): boolean {
  const x = actionsOf(a);
  const y = actionsOf(b);
  return (['ingress', 'egress'] as const).some((d) => (x[d].has('Allow') && y[d].has('Deny')) || (x[d].has('Deny') && y[d].has('Allow')));
}

function endpointsOverlap(ctx: LintContext, a: CompiledPolicy, b: CompiledPolicy): boolean {
  if (ctx.hasInventory || ctx.model.endpoints.length > 0) {
    const [small, large] = [ctx.appliedEndpoints(a), ctx.appliedEndpoints(b)].sort((x, y) => x.size - y.size);
    for (const e of small) if (large.has(e)) return true;
    if (ctx.hasInventory) return false;
  }
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return false;
  return selectorImplies(a.selector, b.selector) || selectorImplies(b.selector, a.selector);
}

function rulesOverlap(ctx: LintContext, ra: CalicoRule, pa: CompiledPolicy, rb: CalicoRule, pb: CompiledPolicy): boolean {
  if (ra.ipVersion !== undefined && rb.ipVersion !== undefined && ra.ipVersion !== rb.ipVersion) return false;
  if (ra.protocol !== undefined && rb.protocol !== undefined && protocolNumber(ra.protocol) !== protocolNumber(rb.protocol)) return false;
  return entitiesOverlap(ctx, ra.source ?? {}, pa, rb.source ?? {}, pb)
    && entitiesOverlap(ctx, ra.destination ?? {}, pa, rb.destination ?? {}, pb);
}

function entitiesOverlap(ctx: LintContext, a: EntityRule, pa: CompiledPolicy, b: EntityRule, pb: CompiledPolicy): boolean {
  const [aPorts, bPorts, aNets, bNets] = [nonEmpty(a.ports), nonEmpty(b.ports), nonEmpty(a.nets), nonEmpty(b.nets)];
  if (aPorts && bPorts && !portsIntersect(aPorts, bPorts)) return false;
  if (aNets && bNets && !netsIntersect(aNets, bNets)) return false;
  const ma = ctx.entityMembers(pa, a);
  const mb = ctx.entityMembers(pb, b);
  if (!ma || !mb) return true;
  if (ctx.hasInventory) {
    const ids = memberIds(ma);
    return mb.endpoints.some((e) => ids.has(e.id)) || mb.networkSets.some((n) => ids.has(n.id));
  }
  if (pa.namespace !== pb.namespace) return false;
  return selectorImplies(a.selector, b.selector) || selectorImplies(b.selector, a.selector);
}

const idSets = new WeakMap<EntityMembers, ReadonlySet<string>>();

/** The ids of the members' endpoints and network sets (computed once per members object). */
function memberIds(m: EntityMembers): ReadonlySet<string> {
  let ids = idSets.get(m);
  if (!ids) {
    ids = new Set([...m.endpoints.map((e) => e.id), ...m.networkSets.map((n) => n.id)]);
    idSets.set(m, ids);
  }
  return ids;
}

/** NS011. */
export const GLOBAL_DENY_ON_ALL = defineLintRule('NS011', 'global-deny-on-all', 'warning',
  'A GlobalNetworkPolicy that selects every endpoint and denies traffic risks a cluster-wide outage, including nodes and kube-system.',
  globalDenyOnAll);

/** NS012. */
export const ORDER_TIE_CONFLICT = defineLintRule('NS012', 'order-tie-conflict', 'warning',
  'Two policies with the same order, overlapping endpoints and opposite actions on overlapping traffic are decided by their names alone.',
  orderTieConflicts);
