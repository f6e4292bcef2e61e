// Kubernetes NetworkPolicy -> Calico NetworkPolicy (libcalico-go K8sNetworkPolicyToCalico, v3.31).
import { CALICO_API_VERSION, CalicoNetworkPolicyResource, CalicoRule, K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../model/resources';
import { RuleConversionError, k8sRuleToCalico } from './rules';
import { podSelectorToCalico } from './selector';

/** The prefix Calico v3.31 gives converted Kubernetes policies. */
const K8S_POLICY_PREFIX = 'knp.default.';
/** The order every converted Kubernetes policy gets. */
const K8S_POLICY_ORDER = 1000;

/** A converted policy and the rules Calico dropped because their ports did not convert. */
export interface ConversionResult {
  readonly policy: CalicoNetworkPolicyResource;
  /** One message per dropped rule, e.g. `ingress[1]: invalid port "http:90"; Calico drops this rule`. */
  readonly warnings: readonly string[];
}

interface GenericRule {
  readonly peers?: NetworkPolicyPeer[];
  readonly ports?: NetworkPolicyPort[];
}

/** Converts a Kubernetes NetworkPolicy exactly as Calico v3.31 does. */
export function convertK8sNetworkPolicy(np: K8sNetworkPolicy): ConversionResult {
  const warnings: string[] = [];
  const convert = (list: readonly GenericRule[], direction: string): CalicoRule[] => {
    const out: CalicoRule[] = [];
    list.forEach((r, i) => {
      try {
        out.push(...k8sRuleToCalico(r.peers, r.ports, direction === 'ingress'));
      } catch (e) {
        if (!(e instanceof RuleConversionError)) throw e;
        warnings.push(`${direction}[${i}]: ${e.message}; Calico drops this rule`);
      }
    });
    return out;
  };
  const ingress = convert((np.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })), 'ingress');
  const egress = convert((np.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })), 'egress');
  const listed = np.spec.policyTypes ?? [];
  const types: string[] = [];
  if (listed.includes('Ingress')) types.push('Ingress');
  if (listed.includes('Egress')) types.push('Egress');
  if (types.length === 0) types.push('Ingress');
  const policy: CalicoNetworkPolicyResource = {
    apiVersion: CALICO_API_VERSION,
    kind: 'NetworkPolicy',
    metadata: { name: `${K8S_POLICY_PREFIX}${np.metadata.name}`, namespace: np.metadata.namespace ?? 'default' },
    spec: { order: K8S_POLICY_ORDER, selector: podSelectorToCalico(np.spec.podSelector), ingress, egress, types },
  };
  return { policy, warnings };
}
