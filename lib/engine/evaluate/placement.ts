// Which policies go in which chain (felix/calc/event_sequencer.go placement).
import { PolicyImpl } from '../model/policy';
import { ChainOptions } from './chain';

/** Workload chains and host endpoint filter chains: every policy except untracked and pre-DNAT ones. */
export const NORMAL: ChainOptions = { include: (p: PolicyImpl) => !p.doNotTrack && !p.preDNAT, tiersPass: false, after: 'profiles' };
/** Host endpoint forward chains: applyOnForward policies; allowed when none applies. */
export const FORWARD: ChainOptions = {
  include: (p: PolicyImpl) => p.applyOnForward && !p.doNotTrack && !p.preDNAT, tiersPass: false, after: 'allow',
};
/** Raw-table chains: doNotTrack policies, tiers pass by default. */
export const UNTRACKED: ChainOptions = { include: (p: PolicyImpl) => p.doNotTrack, tiersPass: true, after: 'continue' };
/** Mangle-table ingress chains: preDNAT policies, tiers pass by default. */
export const PRE_DNAT: ChainOptions = { include: (p: PolicyImpl) => p.preDNAT, tiersPass: true, after: 'continue' };
