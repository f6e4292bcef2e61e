// Which tiers and policies apply to an endpoint, per chain kind and direction (Felix's
// calc/event_sequencer.go tier placement).
import { CompiledPolicy, EngineModel, Endpoint } from '../engine';
import { EndpointChainKind, TierPolicies } from './endpoint-chains';
import { Direction } from './policy-chains';

function placed(p: CompiledPolicy, kind: EndpointChainKind, dir: Direction): boolean {
  switch (kind) {
    case 'untracked': return p.doNotTrack;
    case 'preDNAT': return !p.doNotTrack && p.preDNAT && dir === 'ingress';
    case 'forward': return !p.doNotTrack && !p.preDNAT && p.applyOnForward;
    case 'normal': return !p.doNotTrack && !p.preDNAT;
  }
}

/**
 * Tiers in model order with the policies that select the endpoint, have rules for the direction
 * (their types include it) and belong in this kind of chain. Workloads get only normal policies.
 */
export function tiersFor(model: EngineModel, ep: Endpoint, kind: EndpointChainKind, dir: Direction): TierPolicies[] {
  if (ep.kind === 'workload' && kind !== 'normal') return [];
  const out: TierPolicies[] = [];
  for (const tier of model.tiers) {
    const policies = tier.policies.filter((p) => (dir === 'ingress' ? p.ingress : p.egress) !== undefined
      && placed(p, kind, dir) && p.appliesTo(ep));
    if (policies.length > 0) out.push({ tier, policies });
  }
  return out;
}
