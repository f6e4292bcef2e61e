// Endpoint chains (Felix's endpointIptablesChain in felix/rules/endpoints.go): Felix's jumps (a
// "return if accepted" after each policy or policy-group jump) or the compact layout (see compactTierJumps).
import { CompiledPolicy, CompiledTier, PolicyChainKind } from '../engine';
import { MarkBits } from './marks';
import * as m from './match';
import { endOfTierNflogPrefix, nflogAction, noMatchProfileNflogPrefix } from './nflog';
import { Direction, policyChain, profileChain } from './policy-chains';
import { PlanLayout } from './plan-layout';
import { RETURN_STRIDE, groupPolicies, isInlined, policyGroupChainName } from './policy-groups';
import { Chain, Rule, rule } from './rule';

/** normal (filter), forward (filter, applyOnForward), untracked (raw) or preDNAT (mangle). */
/** The engine's chain kinds (one placement definition: engine/evaluate/placement). */
export type EndpointChainKind = PolicyChainKind;

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
  /**
   * Workload egress only: drop VXLAN (UDP to this port) before policy (AllowVXLANPacketsFromWorkloads
   * false). @default - no VXLAN drop
   */
  readonly dropVxlanPort?: number;
  /** Workload egress only: drop IP-in-IP (protocol 4) before policy (AllowIPIPPacketsFromWorkloads false). @default false */
  readonly dropIpip?: boolean;
  /**
   * Forward chains: the endpoint has applyOnForward policy in some tier, in either direction.
   * Felix (endpointIptablesChain) writes "Allow forwarded traffic by default" only when its
   * forward tier list is empty, whatever the chain's direction. @default false
   */
  readonly hasForwardTiers?: boolean;
  /**
   * The allow action is RETURN, not ACCEPT (the mangle egress chain, HostEndpointToMangleEgressChains):
   * established traffic gets the accept mark and returns. @default false
   */
  readonly allowReturns?: boolean;
  /** Leave out the drop of conntrack INVALID packets (DisableConntrackInvalidCheck true). @default false */
  readonly keepInvalid?: boolean;
  /** @default 'felix' */
  readonly layout?: PlanLayout;
  /**
   * Flow logs on: normal and forward chains NFLOG a tier's end (its drop, or its pass) and, normal
   * chains, the drop when no profile matched (v3.32.1 endpointIptablesChain). @default false
   */
  readonly flowLogs?: boolean;
}

/**
 * The end of a tier: nothing in untracked and pre-DNAT chains; in normal and forward chains a drop
 * while the pass mark is clear, unless the tier's default is Pass; with flow logs an NFLOG on the
 * same match first (`DP<dir>|<tier>`), or, for a Pass tier, the NFLOG alone (`PP<dir>|<tier>`).
 */
function tierEnd(s: EndpointChainSpec, tier: CompiledTier): Rule[] {
  if (s.kind !== 'normal' && s.kind !== 'forward') return [];
  const passClear = [m.markClear(s.marks.pass)];
  if (tier.defaultAction.toLowerCase() === 'pass') {
    return s.flowLogs ? [rule(passClear, nflogAction(s.dir, endOfTierNflogPrefix('P', s.dir, tier.name)))] : [];
  }
  return [
    ...(s.flowLogs ? [rule(passClear, nflogAction(s.dir, endOfTierNflogPrefix('D', s.dir, tier.name)))] : []),
    rule(passClear, s.denyAction, `End of tier ${tier.name}. DROP if no policies passed packet`),
  ];
}

/** Untracked chains NOTRACK an accepted packet before returning (Felix maps allow to "NOTRACK and ALLOW"). */
function returnIfAccepted(s: EndpointChainSpec): Rule[] {
  const ret = rule([m.markSet(s.marks.accept)], m.RETURN, 'Return if policy accepted');
  return s.kind === 'untracked' ? [rule([m.markSet(s.marks.accept)], m.NOTRACK), ret] : [ret];
}

/**
 * Felix's jumps of one tier (v3.32.1 endpointIptablesChain): for each policy group (policy-groups.ts)
 * a jump, while the pass mark is clear, to the policy's chain (a group of one) or to the group's
 * chain, each followed by "Return if policy accepted" (with NOTRACK first in raw). The jumps carry no
 * comment: the target chain's first rule names the policy or group.
 */
function felixTierJumps(s: EndpointChainSpec, t: TierPolicies): Rule[] {
  return groupPolicies(t.tier.name, s.dir, t.policies).flatMap((g) => {
    const target = isInlined(g) ? policyChain(g.policies[0], s.dir) : policyGroupChainName(g);
    return [rule([m.markClear(s.marks.pass)], m.jump(target)), ...returnIfAccepted(s)];
  });
}

/**
 * The compact layout's jumps of one tier: one jump per policy group, as in Felix's layout, but, as in
 * Felix's own policy-group chains (returnStride), a jump runs only while neither the pass nor the
 * accept mark is set, and the accept check (with NOTRACK first in raw) comes before every 5th jump and
 * at the end of the tier. A policy or group chain returns as soon as it sets either mark, so once one
 * is set no later jump of the tier runs and the packet reaches the next accept check with the same
 * marks as in Felix's layout: the verdict is the same, with fewer rules (each costs iptables-restore time).
 */
function compactTierJumps(s: EndpointChainSpec, t: TierPolicies): Rule[] {
  const out: Rule[] = [];
  groupPolicies(t.tier.name, s.dir, t.policies).forEach((g, i) => {
    if (i !== 0 && i % RETURN_STRIDE === 0) out.push(...returnIfAccepted(s));
    const target = isInlined(g) ? policyChain(g.policies[0], s.dir) : policyGroupChainName(g);
    out.push(rule([m.markClear(s.marks.pass + s.marks.accept)], m.jump(target)));
  });
  out.push(...returnIfAccepted(s));
  return out;
}

/**
 * Renders the chain: conntrack, failsafe, mark reset, tiers (Felix's layout: one jump per policy
 * group, a policy or a chain of consecutive policies with the same selector, see policy-groups.ts;
 * the compact layout spaces the accept checks), profiles, final drop.
 */
export function endpointChain(s: EndpointChainSpec): Chain {
  const who = `${s.endpoint} ${s.dir}`;
  const felix = (s.layout ?? 'felix') === 'felix';
  const out: Rule[] = [];
  // Every tracked chain (all but raw) starts with Felix's appendConntrackRules; the pre-DNAT chain
  // in mangle too (IptablesMangleAllowAction ACCEPT, Felix's default, so no accept mark is set).
  if (s.kind !== 'untracked') {
    if (s.allowReturns) out.push(rule([m.conntrackState('RELATED,ESTABLISHED')], m.setMark(s.marks.accept), `${who}: mark established`));
    out.push(rule([m.conntrackState('RELATED,ESTABLISHED')], s.allowReturns ? m.RETURN : m.ACCEPT, `${who}: allow established`));
    if (!s.keepInvalid) out.push(rule([m.conntrackState('INVALID')], s.denyAction, `${who}: drop invalid`));
  }
  if (s.failsafeChain) out.push(rule([], m.jump(s.failsafeChain), `${who}: failsafe ports`));
  // Felix clears the accept and pass marks in one rule; the compact layout clears the accept mark (each tier clears pass).
  if (felix) out.push(rule([], m.clearMark(s.marks.accept + s.marks.pass)));
  else out.push(rule([], m.clearMark(s.marks.accept), `${who}: clear accept mark`));
  // endpoints.go endpointIptablesChain: the encapsulation drops follow the mark reset.
  if (s.dropVxlanPort !== undefined) {
    out.push(rule([m.protocolMatch('17'), m.destPorts([{ first: s.dropVxlanPort, last: s.dropVxlanPort }])], s.denyAction, `${who}: VXLAN encapped packets originating in workloads`));
  }
  if (s.dropIpip) out.push(rule([m.protocolMatch('4')], s.denyAction, `${who}: IPinIP encapped packets originating in workloads`));
  const tiers = s.tiers.filter((t) => t.policies.length > 0);
  for (const t of tiers) {
    out.push(rule([], m.clearMark(s.marks.pass), `Start of tier ${t.tier.name}`));
    out.push(...(felix ? felixTierJumps(s, t) : compactTierJumps(s, t)));
    out.push(...tierEnd(s, t.tier));
  }
  if (s.kind === 'forward' && !s.hasForwardTiers) {
    out.push(rule([], m.setMark(s.marks.accept), `${who}: allow forwarded traffic by default`));
    out.push(rule([], m.RETURN, `${who}: allow forwarded traffic by default`));
  }
  if (s.kind === 'normal') {
    for (const p of s.profiles) {
      out.push(rule([], m.jump(profileChain(p, s.dir)), `Profile ${p} ${s.dir}`));
      out.push(rule([m.markSet(s.marks.accept)], m.RETURN, `Return if profile accepted: ${p}`));
    }
    if (s.flowLogs) out.push(rule([], nflogAction(s.dir, noMatchProfileNflogPrefix(s.dir))));
    out.push(rule([], s.denyAction, `${who}: DROP if no profiles matched`));
  }
  return { name: s.name, rules: out };
}
