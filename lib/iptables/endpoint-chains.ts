// Endpoint chains (Felix's endpointIptablesChain in felix/rules/endpoints.go).
import { CompiledPolicy, CompiledTier } from '../engine/model/types';
import { MarkBits } from './marks';
import * as m from './match';
import { Direction, policyChain, profileChain } from './policy-chains';
import { groupPolicies, isInlined, policyGroupChainName } from './policy-groups';
import { Chain, Rule, rule } from './rule';

/** normal (filter), forward (filter, applyOnForward), untracked (raw) or preDNAT (mangle). */
export type EndpointChainKind = 'normal' | 'forward' | 'untracked' | 'preDNAT';

/** The policies of one tier that apply to an endpoint in one direction, in order. */
export interface TierPolicies {
  readonly tier: CompiledTier;
  readonly policies: readonly CompiledPolicy[];
}

/** What an endpoint chain is made of. */
export interface EndpointChainSpec {
  readonly name: string;
  readonly kind: EndpointChainKind;
  readonly dir: Direction;
  /** Endpoint ID, named in comments. */
  readonly endpoint: string;
  readonly tiers: readonly TierPolicies[];
  /** Profiles, evaluated after the tiers (normal chains only). */
  readonly profiles: readonly string[];
  /** `cali-failsafe-in|out` for host endpoint chains. @default - none */
  readonly failsafeChain?: string;
  readonly marks: MarkBits;
  /** `--jump DROP` or `--jump REJECT`. */
  readonly denyAction: string;
}

/** Which tiers end with a drop: normal and forward chains, unless the tier's default is Pass. */
function endsWithDrop(kind: EndpointChainKind, tier: CompiledTier): boolean {
  return (kind === 'normal' || kind === 'forward') && tier.defaultAction.toLowerCase() !== 'pass';
}

/**
 * Renders the chain: conntrack, failsafe, mark reset, tiers (one jump per policy group: a policy, or
 * a chain of consecutive policies with the same selector, see policy-groups.ts), profiles, final drop.
 */
export function endpointChain(s: EndpointChainSpec): Chain {
  const who = `${s.endpoint} ${s.dir}`;
  const out: Rule[] = [];
  if (s.kind === 'normal' || s.kind === 'forward') {
    out.push(rule([m.conntrackState('RELATED,ESTABLISHED')], m.ACCEPT, `${who}: allow established`));
    out.push(rule([m.conntrackState('INVALID')], s.denyAction, `${who}: drop invalid`));
  }
  if (s.failsafeChain) out.push(rule([], m.jump(s.failsafeChain), `${who}: failsafe ports`));
  out.push(rule([], m.clearMark(s.marks.accept), `${who}: clear accept mark`));
  const tiers = s.tiers.filter((t) => t.policies.length > 0);
  for (const t of tiers) {
    out.push(rule([], m.clearMark(s.marks.pass), `Start of tier ${t.tier.name}`));
    // As Felix: the jump carries no readable comment (the target chain's first rule names the policy
    // or group), the return only "Return if policy accepted". Comments cost iptables-restore time.
    for (const g of groupPolicies(t.tier.name, s.dir, t.policies)) {
      const target = isInlined(g) ? policyChain(g.policies[0], s.dir) : policyGroupChainName(g);
      out.push(rule([m.markClear(s.marks.pass)], m.jump(target)));
      if (s.kind === 'untracked') out.push(rule([m.markSet(s.marks.accept)], m.NOTRACK));
      out.push(rule([m.markSet(s.marks.accept)], m.RETURN, 'Return if policy accepted'));
    }
    if (endsWithDrop(s.kind, t.tier)) {
      out.push(rule([m.markClear(s.marks.pass)], s.denyAction, `End of tier ${t.tier.name}. DROP if no policies passed packet`));
    }
  }
  if (s.kind === 'forward' && tiers.length === 0) {
    out.push(rule([], m.setMark(s.marks.accept), `${who}: allow forwarded traffic by default`));
    out.push(rule([], m.RETURN, `${who}: allow forwarded traffic by default`));
  }
  if (s.kind === 'normal') {
    for (const p of s.profiles) {
      out.push(rule([], m.jump(profileChain(p, s.dir)), `Profile ${p} ${s.dir}`));
      out.push(rule([m.markSet(s.marks.accept)], m.RETURN, `Return if profile accepted: ${p}`));
    }
    out.push(rule([], s.denyAction, `${who}: DROP if no profiles matched`));
  }
  return { name: s.name, rules: out };
}
