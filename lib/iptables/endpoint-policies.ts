// Which tiers and policies apply to an endpoint, per chain kind and direction (Felix's
// calc/event_sequencer.go tier placement).
import { CompiledPolicy, CompiledTier, EngineModel, Endpoint, endpointLabelKey, placedIn } from '../engine';
import { EndpointChainKind, TierPolicies } from './endpoint-chains';
import { Direction } from './policy-chains';

/** Results per model, by chain kind, direction and the endpoint's label key (what selection reads). */
const cache = new WeakMap<EngineModel, Map<string, TierPolicies[]>>();
/** Per tier: its policies placed in a chain kind with rules for the direction, global or of one namespace. */
const candidatesCache = new WeakMap<CompiledTier, Map<string, CompiledPolicy[]>>();

function candidates(tier: CompiledTier, kind: EndpointChainKind, dir: Direction, namespace: string | undefined): CompiledPolicy[] {
  let byKey = candidatesCache.get(tier);
  if (!byKey) {
    byKey = new Map();
    candidatesCache.set(tier, byKey);
  }
  const key = `${kind}|${dir}|${namespace === undefined ? '' : `/${namespace}`}`;
  let out = byKey.get(key);
  if (!out) {
    // a namespaced policy applies only to workloads of its own namespace (appliesTo)
    out = tier.policies.filter((p) => (p.namespace === undefined || p.namespace === namespace)
      && (dir === 'ingress' ? p.ingress : p.egress) !== undefined && placedIn(p, kind, dir));
    byKey.set(key, out);
  }
  return out;
}

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
      const policies = candidates(tier, kind, dir, ep.kind === 'workload' ? ep.namespace : undefined).filter((p) => p.appliesTo(ep));
      if (policies.length > 0) out.push({ tier, policies });
    }
    byKey.set(key, out);
  }
  return out;
}
