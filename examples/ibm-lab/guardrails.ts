import { Construct } from 'constructs';
import { GuardrailAllowDns, GuardrailDelegate, GuardrailDenyCidr, GuardrailTier, Peer } from '../../lib';
import { DELEGATED_CIDR, GUARDED_CIDR } from './addresses';

/**
 * The platform team's guardrails, ClusterNetworkPolicies (Calico 3.32 tiers `kube-admin` before
 * the namespaces' policies, `kube-baseline` after them):
 *
 * 1. `always-allow-dns` (Admin 10): every pod can always ask kube-dns, UDP and TCP 53.
 * 2. `delegate-partner-block` (Admin 20): egress to {@link DELEGATED_CIDR} is passed down to the
 *    namespace owners, before the deny below.
 * 3. `deny-guarded-block` (Admin 30): no pod sends to {@link GUARDED_CIDR}, whatever its
 *    namespace's policies allow.
 * 4. `baseline-close-partner-block` (Baseline 10): where no namespace policy decided (a namespace
 *    without policies, such as kube-system), the delegated block stays closed.
 *
 * The lab has no tenant namespaces and no monitoring namespace, so there is no tenant isolation
 * and no "always in" rule (one for kube-system would open the guestbook to it, against its own
 * policies).
 */
export function labGuardrails(scope: Construct): void {
  new GuardrailAllowDns(scope, 'always-allow-dns', { priority: 10 });
  new GuardrailDelegate(scope, 'delegate-partner-block', { to: [Peer.cidr(DELEGATED_CIDR)], priority: 20 });
  new GuardrailDenyCidr(scope, 'deny-guarded-block', { cidrs: [GUARDED_CIDR], priority: 30 });
  new GuardrailDenyCidr(scope, 'baseline-close-partner-block', { cidrs: [DELEGATED_CIDR], tier: GuardrailTier.BASELINE, priority: 10 });
}
