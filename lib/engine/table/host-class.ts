// Host classes: host endpoints keyed by what they do to forwarded workload traffic, so that truth
// tables group nodes by that instead of by name (compute-cells.ts).
import { BuiltModel } from '../model/build';
import { PolicyImpl } from '../model/policy';
import { Endpoint } from '../model/types';
import { ChainOptions, applicableTiers } from '../evaluate/chain';
import { FORWARD, PRE_DNAT, UNTRACKED } from '../evaluate/placement';

/** Ids of policies, for keys that must tell policies apart by identity. */
const policyIds = new WeakMap<PolicyImpl, number>();
let nextPolicyId = 0;

function policyId(p: PolicyImpl): number {
  let id = policyIds.get(p);
  if (id === undefined) {
    id = nextPolicyId++;
    policyIds.set(p, id);
  }
  return id;
}

const HOST_CHAINS: readonly (readonly [ChainOptions, string])[] = [[FORWARD, 'egress'], [FORWARD, 'ingress'], [UNTRACKED, 'ingress'], [PRE_DNAT, 'ingress']];

/**
 * What a host endpoint contributes to forwarded workload traffic: whether it names an interface (the
 * untracked chain exists) and which policies each of its forward, untracked and pre-DNAT chains holds.
 * Two host endpoints with the same key police forwarded traffic alike, whatever their labels or node.
 */
export function hostClassKey(model: BuiltModel, hep: Endpoint | undefined): string {
  if (!hep) return 'none';
  const parts = [hep.interfaceName === '*' ? '*' : 'iface'];
  for (const [opts, direction] of HOST_CHAINS) {
    parts.push(applicableTiers(model, hep, direction, opts)
      .map(({ tier, applicable }) => `${tier.name}:${applicable.map(policyId).join(',')}`).join(';'));
  }
  return parts.join('|');
}
