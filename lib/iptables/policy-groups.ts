// Policy groups (Felix's rules.PolicyGroup in felix/rules/endpoints.go; grouping in
// felix/dataplane/linux/endpoint_mgr.go groupPolicies): consecutive policies of a tier with the same
// selector text apply to the same endpoints, so Felix puts them in one `cali-gi-`/`cali-go-` chain that
// every endpoint chain jumps to once, instead of repeating a jump and a return per policy (both layouts).
import { createHash } from 'crypto';
import { CompiledPolicy, felixPolicyKind } from '../engine';
import { MarkBits } from './marks';
import * as m from './match';
import { MAX_CHAIN_NAME_LENGTH } from './names';
import { Direction, policyChain } from './policy-chains';
import { Chain, Rule, rule } from './rule';

const POLICY_GROUP_IN_PREFIX = 'cali-gi-';
const POLICY_GROUP_OUT_PREFIX = 'cali-go-';
/** Felix's returnStride: a group chain checks for a verdict before every 5th jump (endpoint chains do the same). */
export const RETURN_STRIDE = 5;

/** A run of consecutive policies of one tier with the same selector text (Felix's v1 selector). */
export interface PolicyGroup {
  readonly tier: string;
  readonly dir: Direction;
  readonly selector: string;
  readonly policies: readonly CompiledPolicy[];
}

/** Splits a tier's policies (in order) into runs with the same selector text (CompiledPolicy.felixSelector). */
export function groupPolicies(tier: string, dir: Direction, policies: readonly CompiledPolicy[]): PolicyGroup[] {
  const out: { tier: string; dir: Direction; selector: string; policies: CompiledPolicy[] }[] = [];
  for (const p of policies) {
    const last = out[out.length - 1];
    if (last && last.selector === p.felixSelector) last.policies.push(p);
    else out.push({ tier, dir, selector: p.felixSelector, policies: [p] });
  }
  return out;
}

/**
 * What Felix hashes for each policy of a group: 3.32 the PolicyID's String()
 * (`{Name: <name>, Namespace: <ns>, Kind: <kind>}`, felix/types/policy_id.go), 3.31 its v1 name
 * (`<ns>/<name>` for a namespaced policy).
 */
function hashedPolicy(p: CompiledPolicy): string {
  if (p.calicoVersion === '3.31') return p.namespace ? `${p.namespace}/${p.name}` : p.name;
  // libcalico-go model.KindKubernetesClusterNetworkPolicy for a converted ClusterNetworkPolicy
  const kind = p.origin.kind === 'ClusterNetworkPolicy' ? 'KubernetesClusterNetworkPolicy' : felixPolicyKind(p.origin.kind);
  return `{Name: ${p.name}, Namespace: ${p.namespace ?? ''}, Kind: ${kind}}`;
}

/** Felix renders a group of one policy inline (a jump to the policy chain), larger ones as a chain. */
export function isInlined(g: PolicyGroup): boolean {
  return g.policies.length <= 1;
}

/**
 * `cali-gi-`/`cali-go-` plus the group's UniqueID: SHA3-224 over, one per line, (3.31 only: the
 * tier,) the selector, the direction (`inbound`/`outbound`), the number of policies and each
 * policy (hashedPolicy); base64url without padding, cut to fill 28 characters.
 */
export function policyGroupChainName(g: PolicyGroup): string {
  const prefix = g.dir === 'ingress' ? POLICY_GROUP_IN_PREFIX : POLICY_GROUP_OUT_PREFIX;
  const hash = createHash('sha3-224');
  const v331 = g.policies[0]?.calicoVersion === '3.31';
  for (const line of [...(v331 ? [g.tier] : []), g.selector, g.dir === 'ingress' ? 'inbound' : 'outbound', `${g.policies.length}`,
    ...g.policies.map(hashedPolicy)]) {
    hash.update(`${line}\n`, 'utf8');
  }
  return prefix + hash.digest('base64url').slice(0, MAX_CHAIN_NAME_LENGTH - prefix.length);
}

/**
 * The group's chain: a jump to each policy chain, the first of every block of 5 unconditional and the
 * others only while no policy set the accept or pass mark, and before each new block a RETURN when one did.
 */
export function policyGroupChain(g: PolicyGroup, marks: MarkBits): Chain {
  const verdictBits = marks.pass + marks.accept;
  const rules: Rule[] = [];
  g.policies.forEach((p, i) => {
    if (i !== 0 && i % RETURN_STRIDE === 0) rules.push(rule([m.markNotClear(verdictBits)], m.RETURN, 'Return on verdict'));
    const match = i % RETURN_STRIDE === 0 ? [] : [m.markClear(verdictBits)];
    // As Felix: the jumps carry no comment (each policy chain's first rule names its policy).
    rules.push(rule(match, m.jump(policyChain(p, g.dir))));
  });
  return { name: policyGroupChainName(g), rules };
}
