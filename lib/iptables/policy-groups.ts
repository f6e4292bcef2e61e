// Policy groups (Felix's rules.PolicyGroup, felix/rules/rule_defs.go and endpoints.go; grouping in
// felix/dataplane/linux/endpoint_mgr.go groupPolicies): consecutive policies of a tier with the same
// selector apply to the same endpoints, so Felix puts them in one `cali-gi-`/`cali-go-` chain that
// every endpoint chain jumps to once, instead of repeating a jump and a return per policy.
import { createHash } from 'crypto';
import { CompiledPolicy } from '../engine';
import { MarkBits } from './marks';
import * as m from './match';
import { MAX_CHAIN_NAME_LENGTH } from './names';
import { Direction, policyChain, policyLabel } from './policy-chains';
import { Chain, Rule, rule } from './rule';

const POLICY_GROUP_IN_PREFIX = 'cali-gi-';
const POLICY_GROUP_OUT_PREFIX = 'cali-go-';
/** Felix's returnStride: a group chain checks for a verdict before every 5th jump (endpoint chains do the same). */
export const RETURN_STRIDE = 5;

/** A run of consecutive policies of one tier with the same selector. */
export interface PolicyGroup {
  readonly tier: string;
  readonly dir: Direction;
  readonly selectorKey: string;
  readonly policies: readonly CompiledPolicy[];
}

/** Splits a tier's policies (in order) into runs with the same selector. */
export function groupPolicies(tier: string, dir: Direction, policies: readonly CompiledPolicy[]): PolicyGroup[] {
  const out: { tier: string; dir: Direction; selectorKey: string; policies: CompiledPolicy[] }[] = [];
  for (const p of policies) {
    const last = out[out.length - 1];
    if (last && last.selectorKey === p.selectorKey) last.policies.push(p);
    else out.push({ tier, dir, selectorKey: p.selectorKey, policies: [p] });
  }
  return out;
}

/** Felix renders a group of one policy inline (a jump to the policy chain), larger ones as a chain. */
export function isInlined(g: PolicyGroup): boolean {
  return g.policies.length <= 1;
}

/**
 * `cali-gi-`/`cali-go-` plus the group's unique id: SHA3-224 over the tier, selector, direction, the
 * number of policies and each policy's chain name, one per line; base64url, cut to fill 28 characters.
 */
export function policyGroupChainName(g: PolicyGroup): string {
  const prefix = g.dir === 'ingress' ? POLICY_GROUP_IN_PREFIX : POLICY_GROUP_OUT_PREFIX;
  const hash = createHash('sha3-224');
  for (const line of [g.tier, g.selectorKey, g.dir === 'ingress' ? 'inbound' : 'outbound', `${g.policies.length}`,
    ...g.policies.map((p) => policyChain(p, g.dir))]) {
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
    const comments = i === 0 ? [`Policy group of ${g.policies.length} policies (tier ${g.tier}, ${g.dir})`, policyLabel(p)] : [policyLabel(p)];
    rules.push(rule(match, m.jump(policyChain(p, g.dir)), ...comments));
  });
  return { name: policyGroupChainName(g), rules };
}
