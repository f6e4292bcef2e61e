// Every rule the model enforces: each policy's and each profile's, in tier and policy order.
import { CalicoRule } from '../../model/resources';
import { EngineModel } from './types';

/** Rules of every policy (both directions) and profile of the model. */
export function modelRules(model: EngineModel): CalicoRule[] {
  const out: CalicoRule[] = [];
  for (const t of model.tiers) for (const p of t.policies) out.push(...(p.ingress ?? []), ...(p.egress ?? []));
  for (const p of model.profiles.values()) out.push(...p.ingress, ...p.egress);
  return out;
}
