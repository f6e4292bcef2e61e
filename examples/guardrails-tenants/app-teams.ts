import { Construct } from 'constructs';
import { DefaultDeny, KubeNetworkPolicy, PolicyTarget } from '../../lib';

/**
 * What the app teams write in their own namespaces, trying to undo the guardrails:
 * - tenant-a denies all its ingress and egress (no DNS exception): DNS and monitoring still work;
 * - tenant-b allows all ingress, from anywhere: tenant-c (which writes no policy, so its egress is
 *   open) still cannot reach it.
 */
export function appTeamPolicies(scope: Construct): void {
  new DefaultDeny(scope, 'tenant-a-default-deny', { target: PolicyTarget.namespace('tenant-a') });
  new KubeNetworkPolicy(scope, 'tenant-b-allow-all', {
    metadata: { name: 'allow-all-ingress', namespace: 'tenant-b' },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] },
  });
}
