// Which policies go in which chain (felix/calc/event_sequencer.go placement): the one definition,
// used by evaluation here and by the iptables renderer.
import { ChainOptions } from './chain';

/** The kinds of endpoint chain Felix fills with policies. */
export type PolicyChainKind = 'normal' | 'forward' | 'untracked' | 'preDNAT';

/** The placement flags of a policy. */
export interface PlacementFlags {
  readonly doNotTrack: boolean;
  readonly preDNAT: boolean;
  readonly applyOnForward: boolean;
}

/**
 * True when Felix puts the policy in this kind of chain for the direction: untracked (raw) chains
 * hold doNotTrack policies; pre-DNAT (mangle) chains, ingress only, preDNAT ones; forward chains
 * applyOnForward ones that are neither; normal chains every policy that is neither.
 */
export function placedIn(p: PlacementFlags, kind: PolicyChainKind, direction: string): boolean {
  switch (kind) {
    case 'untracked': return p.doNotTrack;
    case 'preDNAT': return !p.doNotTrack && p.preDNAT && direction === 'ingress';
    case 'forward': return !p.doNotTrack && !p.preDNAT && p.applyOnForward;
    case 'normal': return !p.doNotTrack && !p.preDNAT;
  }
}

/** Workload chains and host endpoint filter chains. */
export const NORMAL: ChainOptions = { kind: 'normal', tiersPass: false, after: 'profiles' };
/** Host endpoint forward chains: allowed when no applyOnForward policy applies. */
export const FORWARD: ChainOptions = { kind: 'forward', tiersPass: false, after: 'allow' };
/** Raw-table chains: tiers pass by default. */
export const UNTRACKED: ChainOptions = { kind: 'untracked', tiersPass: true, after: 'continue' };
/** Mangle-table ingress chains: tiers pass by default. */
export const PRE_DNAT: ChainOptions = { kind: 'preDNAT', tiersPass: true, after: 'continue' };
