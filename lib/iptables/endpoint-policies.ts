// Which tiers and policies apply to an endpoint, per chain kind and direction (Felix's
// calc/event_sequencer.go tier placement).
import { EngineModel, Endpoint, endpointLabelKey, placedIn } from '../engine';
import { EndpointChainKind, TierPolicies } from './endpoint-chains';
import { Direction } from './policy-chains';

/** Results per model, by chain kind, direction and the endpoint's label key (what selection reads). */
const cache = new WeakMap<EngineModel, Map<string, TierPolicies[]>>();

/**
 * Tiers in model order with the policies that select the endpoint, have rules for the direction
 * (their types include it) and belong in this kind of chain. Workloads get only normal policies.
 */
export function tiersFor(model: EngineModel, ep: Endpoint, kind: EndpointChainKind, dir: Direction): TierPolicies[] {
  if (ep.kind === 'workload' && kind !== 'normal') return [];
  let byKey = cache.get(model);
  if (!byKey) {
    byKey = new Map();
    cache.set(model, byKey);
  }
  const key = `${kind}|${dir}|${endpointLabelKey(ep)}`;
  let out = byKey.get(key);
  if (!out) {
    out = [];
    for (const tier of model.tiers) {
      const policies = tier.policies.filter((p) => (dir === 'ingress' ? p.ingress : p.egress) !== undefined
        && placedIn(p, kind, dir) && p.appliesTo(ep));
      if (policies.length > 0) out.push({ tier, policies });
    }
    byKey.set(key, out);
  }
  return out;
}
