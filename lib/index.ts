// The package entry of cdk8s-netsec: the constructs, and the model's resource types that their props
// and methods use. jsii-compatible, checked by `npm run jsii`. The engine, lint, iptables plan, diff
// and report are the TypeScript-only entry `cdk8s-netsec/engine` (lib/engine-entry.ts).
export * from './constructs';
export * from './app';
export type {
  StringMap, ObjectMeta,
  K8sLabelSelector, LabelSelectorRequirement, IpBlock, NetworkPolicyPeer, NetworkPolicyPort,
  NetworkPolicyIngressRule, NetworkPolicyEgressRule, K8sNetworkPolicySpec, K8sNetworkPolicy,
  IcmpFields, ServiceAccountMatch, ServiceMatch, EntityRule, HttpPath, HttpMatch, RuleMetadata, CalicoRule,
  CalicoPolicySpec, GlobalNetworkPolicySpec, CalicoNetworkPolicyResource, GlobalNetworkPolicy,
  EndpointPort, HostEndpointSpec, HostEndpoint, NetworkSetSpec, GlobalNetworkSet, NetworkSet,
  TierSpec, Tier, ProtoPort, FelixConfigurationSpec, FelixConfiguration, IpPoolSpec, IpPool, NetsecResource,
  NamespacedPodSelector, AdminPolicySubject, AdminPolicyPortNumber, AdminPolicyPortRange, AdminPolicyPort, AdminPolicyIngressPeer,
  AdminPolicyEgressPeer, AdminPolicyIngressRule, AdminPolicyEgressRule, AdminNetworkPolicySpec, AdminNetworkPolicy,
  BaselineAdminNetworkPolicySpec, BaselineAdminNetworkPolicy, ClusterNetworkPolicyPort, ClusterNetworkPolicyPortRange,
  ClusterNetworkPolicyProtocolPorts, ClusterNetworkPolicyProtocol, ClusterNetworkPolicyIngressPeer, ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyIngressRule, ClusterNetworkPolicyEgressRule, ClusterNetworkPolicySpec, ClusterNetworkPolicy,
  ServicePort, ServiceSpec, ServiceSessionAffinityConfig, ServiceClientIPConfig,
} from './model/resources';
