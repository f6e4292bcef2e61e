// NS011 a GlobalNetworkPolicy on every endpoint with a Deny; NS012 order ties between conflicting policies.
import { protocolNumber } from '../../model/net';
import { CalicoRule, EntityRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { netsIntersect } from '../analysis/nets';
import { portsIntersect } from '../analysis/ports';
import { selectorImplies, selectsAll } from '../analysis/selector-implies';
import { LintContext, finding, policyLabel, policyLocation, ruleField } from '../context';
import { LintFinding } from '../types';

/** NS011: GlobalNetworkPolicies with an empty/all() selector and no namespaceSelector that deny. */
export function globalDenyOnAll(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    if (p.origin.kind !== 'GlobalNetworkPolicy' || !selectsAll(p.selector)) continue;
    if (ctx.rawSpecString(p, 'namespaceSelector') !== undefined || ctx.rawSpecString(p, 'serviceAccountSelector') !== undefined) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      const i = (p[direction] ?? []).findIndex((r) => r.action === 'Deny');
      if (i < 0) continue;
      out.push(finding('NS011', `${policyLabel(p)} selects every endpoint of the cluster (selector ${JSON.stringify(p.selector || '')}) `
        + `and ${direction} rule ${i} denies: a mistake here cuts off every pod and node; scope the selector`,
      policyLocation(p, ruleField(ctx, p, direction, i))));
    }
  }
  return out;
}

/** NS012: same tier, same order, overlapping endpoints, an Allow and a Deny on overlapping traffic. */
export function orderTieConflicts(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const tier of ctx.model.tiers) {
    const ps = tier.policies;
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length && ps[j].order === ps[i].order; j++) {
        const clash = conflict(ctx, ps[i], ps[j]);
        if (clash) {
          out.push(finding('NS012', `${policyLabel(ps[i])} and ${policyLabel(ps[j])} share order ${ps[i].order ?? '(none)'} in tier `
            + `${tier.name}, select overlapping endpoints and ${clash}; only their names decide which wins: give them different orders`,
          policyLocation(ps[j])));
        }
      }
    }
  }
  return out;
}

function conflict(ctx: LintContext, a: CompiledPolicy, b: CompiledPolicy): string | undefined {
  if (a.preDNAT !== b.preDNAT || a.doNotTrack !== b.doNotTrack || !endpointsOverlap(ctx, a, b)) return undefined;
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

function endpointsOverlap(ctx: LintContext, a: CompiledPolicy, b: CompiledPolicy): boolean {
  if (ctx.hasInventory || ctx.model.endpoints.length > 0) {
    if (ctx.model.endpoints.some((e) => a.appliesTo(e) && b.appliesTo(e))) return true;
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
  if (a.ports && b.ports && !portsIntersect(a.ports, b.ports)) return false;
  if (a.nets && b.nets && !netsIntersect(a.nets, b.nets)) return false;
  const ma = ctx.model.entityMembers(pa, a);
  const mb = ctx.model.entityMembers(pb, b);
  if (!ma || !mb) return true;
  if (ctx.hasInventory) {
    const ids = new Set([...ma.endpoints.map((e) => e.id), ...ma.networkSets.map((n) => n.id)]);
    return [...mb.endpoints.map((e) => e.id), ...mb.networkSets.map((n) => n.id)].some((id) => ids.has(id));
  }
  if (pa.namespace !== pb.namespace) return false;
  return selectorImplies(a.selector, b.selector) || selectorImplies(b.selector, a.selector);
}
