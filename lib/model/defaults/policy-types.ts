/**
 * Kubernetes' default for an empty `policyTypes` (SetDefaults_NetworkPolicy in
 * pkg/apis/networking/v1/defaults.go): Ingress always, plus Egress when there are egress rules.
 */
export function defaultK8sPolicyTypes(egressRules: number): string[] {
  return egressRules > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/**
 * Calico's default for an empty `types` (libcalico-go clientv3 defaultPolicyTypesField): Ingress
 * when there are no egress rules (even with no rules at all), Egress when there are only egress
 * rules, both when both exist.
 */
export function defaultCalicoPolicyTypes(ingressRules: number, egressRules: number): string[] {
  if (egressRules === 0) return ['Ingress'];
  return ingressRules === 0 ? ['Egress'] : ['Ingress', 'Egress'];
}
