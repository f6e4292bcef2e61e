import { AdminNetworkPolicy, BaselineAdminNetworkPolicy } from './admin-policy';
import { CalicoNetworkPolicyResource, FelixConfiguration, GlobalNetworkPolicy, GlobalNetworkSet, HostEndpoint, IpPool, NetworkSet, Tier } from './calico';
import { ClusterNetworkPolicy } from './cluster-network-policy';
import { K8sNetworkPolicy } from './k8s';
import { CALICO_API_VERSION, K8S_NETWORKING_API_VERSION } from './meta';

/** Every resource kind the model understands. Internal: public props never take this union. */
export type NetsecResource =
  | K8sNetworkPolicy
  | CalicoNetworkPolicyResource
  | GlobalNetworkPolicy
  | HostEndpoint
  | GlobalNetworkSet
  | NetworkSet
  | Tier
  | FelixConfiguration
  | IpPool
  | AdminNetworkPolicy
  | BaselineAdminNetworkPolicy
  | ClusterNetworkPolicy;

/** The sig-network admin policy kinds (v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy, v1alpha2 ClusterNetworkPolicy). */
export type AdminPolicyResource = AdminNetworkPolicy | BaselineAdminNetworkPolicy | ClusterNetworkPolicy;

/** The admin policy kinds, all cluster-scoped. */
const ADMIN_POLICY_KINDS: readonly string[] = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'];

/** True for an AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy. */
export function isAdminPolicyResource(r: NetsecResource): r is AdminPolicyResource {
  return r.apiVersion.startsWith('policy.networking.k8s.io/') && ADMIN_POLICY_KINDS.includes(r.kind);
}

/** True when the resource is cluster-scoped (never carries a namespace). */
export function isClusterScoped(r: NetsecResource): boolean {
  return isAdminPolicyResource(r) || (r.apiVersion === CALICO_API_VERSION && CLUSTER_SCOPED_CALICO_KINDS.includes(r.kind));
}

/** The Calico kinds that are cluster-scoped (never carry a namespace). */
export const CLUSTER_SCOPED_CALICO_KINDS: readonly string[] = [
  'GlobalNetworkPolicy', 'HostEndpoint', 'GlobalNetworkSet', 'Tier', 'FelixConfiguration', 'IPPool',
];

/** True when the resource is a Kubernetes (not Calico) resource. */
export function isKubernetesResource(r: NetsecResource): r is K8sNetworkPolicy {
  return r.apiVersion === K8S_NETWORKING_API_VERSION;
}

/**
 * Identity used for duplicate detection and messages: `<group>/<kind>/<namespace>/<name>`, or
 * `<group>/<kind>/<name>` for cluster-scoped kinds (e.g. `projectcalico.org/GlobalNetworkPolicy/allow-icmp`).
 */
export function resourceId(r: NetsecResource): string {
  const group = r.apiVersion.split('/')[0];
  const ns = r.metadata.namespace;
  return ns ? `${group}/${r.kind}/${ns}/${r.metadata.name}` : `${group}/${r.kind}/${r.metadata.name}`;
}
