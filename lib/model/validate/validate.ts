import { NetsecResource, isAdminPolicyResource, isKubernetesResource } from '../resources';
import { checkAdminPolicy } from './admin-policy';
import { checkDscpAnnotation } from './dscp';
import { checkFelixConfiguration } from './felix';
import { checkHostEndpointSpec, checkNetworkSetSpec, checkTierSpec } from './infra';
import { checkIpPoolSpec } from './ippool';
import { Issues, ValidationIssue } from './issue';
import { checkK8sSpec } from './k8s';
import { checkMetadata } from './names';
import { checkGlobalPolicySpec, checkPolicySpec } from './policy';

/**
 * Semantic checks of one resource, following Calico's and Kubernetes' validators: every issue
 * names the field, the bad value, what is wrong and what is allowed. An empty list means valid.
 */
export function validateResource(r: NetsecResource): ValidationIssue[] {
  const issues: Issues = [];
  checkMetadata(issues, r);
  if (isKubernetesResource(r)) {
    checkK8sSpec(issues, r.spec);
    return issues;
  }
  if (isAdminPolicyResource(r)) {
    checkAdminPolicy(issues, r);
    return issues;
  }
  switch (r.kind) {
    case 'NetworkPolicy': checkPolicySpec(issues, r.spec); break;
    case 'GlobalNetworkPolicy': checkGlobalPolicySpec(issues, r.spec); break;
    case 'HostEndpoint':
      checkHostEndpointSpec(issues, r.spec);
      checkDscpAnnotation(issues, r.metadata.annotations);
      break;
    case 'GlobalNetworkSet':
    case 'NetworkSet': checkNetworkSetSpec(issues, r.spec); break;
    case 'Tier': checkTierSpec(issues, r.spec); break;
    case 'FelixConfiguration': checkFelixConfiguration(issues, r); break;
    case 'IPPool': checkIpPoolSpec(issues, r.spec); break;
  }
  return issues;
}
