// Felix's ordering of tiers and policies: order ascending, nil last, equal orders broken by a key
// whose form depends on the Calico release (felix/calc/policy_sorter.go PolKVLess, TierLess).
import { CalicoVersion } from '../../model/calico-version';

/** Compares (order, key) pairs as Felix's PolKVLess / TierLess do: order first, then the key as a string. */
export function compareOrderThenName(aOrder: number | undefined, aName: string, bOrder: number | undefined, bName: string): number {
  const a = aOrder ?? Number.POSITIVE_INFINITY;
  const b = bOrder ?? Number.POSITIVE_INFINITY;
  if (a !== b) return a < b ? -1 : 1;
  return aName < bName ? -1 : aName > bName ? 1 : 0;
}

/**
 * The key Felix breaks equal policy orders by. 3.31 compares the v1 policy key's Name, which is
 * `<namespace>/<name>` for namespaced policies and `<name>` for global ones; 3.32 compares
 * `<name>/<namespace>/<kind>` (kind `GlobalNetworkPolicy`, `NetworkPolicy`,
 * `KubernetesNetworkPolicy` or `KubernetesClusterNetworkPolicy`; the namespace empty for global policies).
 */
export function policySortKey(version: CalicoVersion, felixKind: string, name: string, namespace: string | undefined): string {
  if (version === '3.31') return namespace ? `${namespace}/${name}` : name;
  return `${name}/${namespace ?? ''}/${felixKind}`;
}

/**
 * The kind Felix gives a policy of origin kind `kind` (PolicyOrigin.kind): from 3.32 a converted
 * Kubernetes policy is `KubernetesNetworkPolicy`, a Calico one `NetworkPolicy` and a converted
 * ClusterNetworkPolicy `KubernetesClusterNetworkPolicy` (v3.32.1 libcalico-go/lib/backend/model/
 * kubenetworkpolicy.go and kubeclusternetworkpolicy.go; the key conversion/clusternetworkpolicy.go gives).
 */
export function felixPolicyKind(kind: string): string {
  if (kind === 'NetworkPolicy') return 'KubernetesNetworkPolicy';
  if (kind === 'ClusterNetworkPolicy') return 'KubernetesClusterNetworkPolicy';
  if (kind === 'CalicoNetworkPolicy') return 'NetworkPolicy';
  return kind;
}
