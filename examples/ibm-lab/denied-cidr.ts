import { Construct } from 'constructs';
import { DenyCidr, PolicyTarget, TrafficDirection } from '../../lib';
import { DENIED_CIDR, GUESTBOOK_NAMESPACE } from './addresses';

/**
 * The guestbook never talks to {@link DENIED_CIDR}, in either direction, whatever the other
 * policies allow: a Calico policy in the `netsec-deny` tier, evaluated before every allow.
 */
export function labDeniedCidr(scope: Construct): void {
  new DenyCidr(scope, 'deny-bad-block', {
    target: PolicyTarget.namespace(GUESTBOOK_NAMESPACE),
    cidrs: [DENIED_CIDR],
    direction: TrafficDirection.BOTH,
  });
}
