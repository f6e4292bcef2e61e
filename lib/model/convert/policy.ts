// Kubernetes NetworkPolicy -> Calico NetworkPolicy (libcalico-go K8sNetworkPolicyToCalico, per release line).
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../calico-version';
import { CALICO_API_VERSION, CalicoNetworkPolicyResource, CalicoRule, K8sNetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../model/resources';
import { RuleConversionError, k8sRuleToCalico } from './rules';
import { podSelectorToCalico } from './selector';

/**
 * The prefix Calico 3.31 gives converted Kubernetes policies (libcalico-go/lib/names/policy.go
 * K8sNetworkPolicyNamePrefix); 3.32 keeps the Kubernetes name and tells them apart by kind.
 */
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

/** The name a converted Kubernetes policy gets: `knp.default.<name>` in 3.31, the name itself from 3.32. */
function convertedK8sPolicyName(name: string, version: CalicoVersion): string {
  return version === '3.31' ? `${K8S_POLICY_PREFIX}${name}` : name;
}

/**
 * Converts a Kubernetes NetworkPolicy exactly as the declared Calico release does: 3.31 names it
 * `knp.default.<name>` and leaves the tier unset, 3.32 keeps the name and sets `tier: default`.
 */
export function convertK8sNetworkPolicy(np: K8sNetworkPolicy, version: CalicoVersion = DEFAULT_CALICO_VERSION): ConversionResult {
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
    metadata: { name: convertedK8sPolicyName(np.metadata.name, version), namespace: np.metadata.namespace ?? 'default' },
    spec: {
      order: K8S_POLICY_ORDER, ...(version === '3.31' ? {} : { tier: 'default' }), selector: podSelectorToCalico(np.spec.podSelector), ingress, egress, types,
    },
  };
  return { policy, warnings };
}
