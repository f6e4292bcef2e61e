import { Construct } from 'constructs';
import {
  AllowCidr, AllowEgressTo, AllowFromPods, DefaultDeny, LabelSelector, Peer, PolicyTarget, Port,
} from '../../lib';
import { GUESTBOOK_NAMESPACE } from './addresses';

const tier = (name: string): LabelSelector => LabelSelector.of({ tier: name });
const pods = (name: string): PolicyTarget => PolicyTarget.pods(GUESTBOOK_NAMESPACE, tier(name));

/**
 * The guestbook's own policies, all Kubernetes NetworkPolicies: default deny (ingress and egress,
 * DNS still allowed), then the three paths the app needs, each allowed at both ends (the
 * sender's egress and the receiver's ingress):
 *
 * - internet -> frontend `http` (what the NodePort forwards to),
 * - frontend -> backend `api`,
 * - backend -> db `postgres`.
 */
export function labGuestbookPolicies(scope: Construct): void {
  new DefaultDeny(scope, 'default-deny', { target: PolicyTarget.namespace(GUESTBOOK_NAMESPACE), allowDns: true });
  new AllowCidr(scope, 'frontend-from-internet', {
    target: pods('frontend'), cidrs: ['0.0.0.0/0'], ports: [Port.named('http')],
  });
  new AllowFromPods(scope, 'backend-from-frontend', {
    target: pods('backend'), fromPods: tier('frontend'), ports: [Port.named('api')],
  });
  new AllowEgressTo(scope, 'frontend-to-backend', {
    target: pods('frontend'), to: [Peer.pods(tier('backend'))], ports: [Port.named('api')],
  });
  new AllowFromPods(scope, 'db-from-backend', {
    target: pods('db'), fromPods: tier('backend'), ports: [Port.named('postgres')],
  });
  new AllowEgressTo(scope, 'backend-to-db', {
    target: pods('backend'), to: [Peer.pods(tier('db'))], ports: [Port.named('postgres')],
  });
}
