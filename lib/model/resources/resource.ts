import { CalicoNetworkPolicyResource, FelixConfiguration, GlobalNetworkPolicy, GlobalNetworkSet, HostEndpoint, IpPool, NetworkSet, Tier } from './calico';
import { K8sNetworkPolicy } from './k8s';
import { K8S_NETWORKING_API_VERSION } from './meta';

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
  | IpPool;

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
