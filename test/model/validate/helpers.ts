import { CalicoRule, GlobalNetworkPolicy, GlobalNetworkPolicySpec, K8sNetworkPolicy, K8sNetworkPolicySpec, NetsecResource } from '../../../lib/model/resources';
import { formatIssue, validateResource } from '../../../lib/model/validate';

/** All issues of a resource, formatted with `where` = `r`. */
export function messages(r: NetsecResource): string[] {
  return validateResource(r).map((i) => formatIssue('r', i));
}

export function gnp(spec: GlobalNetworkPolicySpec, name = 'test-policy'): GlobalNetworkPolicy {
  return { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec };
}

/** A GlobalNetworkPolicy with the given ingress rule. */
export function withRule(rule: CalicoRule): GlobalNetworkPolicy {
  return gnp({ ingress: [rule] });
}

export function knp(spec: K8sNetworkPolicySpec): K8sNetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec };
}
