import { Construct } from 'constructs';
import { GuardrailAllowDns, GuardrailDelegate, GuardrailDeny, GuardrailDenyCidr, GuardrailTier, LabelSelector, Peer } from '../../lib';
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
 * 4. `baseline-kube-system-closed` (Baseline 10): kube-system, which has no policies of its own,
 *    accepts nothing from the pods of any namespace beyond what a guardrail accepts (DNS). Pod
 *    egress to the internet never reaches the baseline in this lab: IBM's
 *    `allow-egress-pods-public` selects every pod in the default tier.
 *
 * The lab has no tenant namespaces and no monitoring namespace, so there is no tenant isolation
 * and no "always in" rule (one for kube-system would open the guestbook to it, against its own
 * policies).
 */
export function labGuardrails(scope: Construct): void {
  new GuardrailAllowDns(scope, 'always-allow-dns', { priority: 10 });
  new GuardrailDelegate(scope, 'delegate-partner-block', { to: [Peer.cidr(DELEGATED_CIDR)], priority: 20 });
  new GuardrailDenyCidr(scope, 'deny-guarded-block', { cidrs: [GUARDED_CIDR], priority: 30 });
  new GuardrailDeny(scope, 'baseline-kube-system-closed', {
    namespaces: LabelSelector.of({ 'kubernetes.io/metadata.name': 'kube-system' }),
    from: [Peer.namespaces(LabelSelector.all())],
    tier: GuardrailTier.BASELINE, priority: 10,
  });
}
