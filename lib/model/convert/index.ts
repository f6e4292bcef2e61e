// Kubernetes NetworkPolicy -> Calico, as libcalico-go converts it: the one conversion, used by the
// engine (policies read from files) and by the constructs (intents that emit Calico rules).
export { convertK8sNetworkPolicy, ConversionResult } from './policy';
export { simplifyPorts } from './simplify-ports';
export { ProtocolGroup, ruleProduct } from './rules';
export {
  Profile, namespaceProfile, namespaceProfileLabels, serviceAccountProfile, serviceAccountProfileName, serviceAccountLabels, serviceAccountProfileLabels, CALICO_NAMESPACE_NAME_LABEL,
  NAMESPACE_PROFILE_PREFIX, SERVICE_ACCOUNT_LABEL_PREFIX,
} from './profile';
export { compareStrings, namespaceSelectorToCalico, podSelectorToCalico } from './selector';
export { AdminConversionResult, convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy } from './admin-policy';
export { convertClusterNetworkPolicy } from './cluster-network-policy';
export { AdminPolicyVersionError, adminTiers } from './admin-policy-version';
export { subjectSelectors } from './admin-rules';
