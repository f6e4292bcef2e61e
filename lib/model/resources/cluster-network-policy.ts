import { AdminPolicySubject, NamespacedPodSelector } from './admin-policy';
import { K8sLabelSelector } from './k8s';
import { ObjectMeta } from './meta';

/**
 * Kubernetes sig-network `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy, as typed data
 * (sigs.k8s.io/network-policy-api apis/v1alpha2). Calico 3.32 converts it into its `kube-admin`
 * (tier `Admin`) and `kube-baseline` (tier `Baseline`) tiers.
 */
export const CLUSTER_NETWORK_POLICY_API_VERSION = 'policy.networking.k8s.io/v1alpha2';

/** A single port or an inclusive range: exactly one of `number` and `range`. */
export interface ClusterNetworkPolicyPort {
  /** 1-65535. @default - not a single port */
  readonly number?: number;
  /** start < end, both 1-65535. @default - not a range */
  readonly range?: ClusterNetworkPolicyPortRange;
}

/** An inclusive port range. */
export interface ClusterNetworkPolicyPortRange {
  /** First port, 1-65535, below `end`. */
  readonly start: number;
  /** Last port, 1-65535. */
  readonly end: number;
}

/** A protocol's destination port match. */
export interface ClusterNetworkPolicyProtocolPorts {
  /** @default - every port of the protocol */
  readonly destinationPort?: ClusterNetworkPolicyPort;
}

/** One protocol match: exactly one of the four. */
export interface ClusterNetworkPolicyProtocol {
  /** @default - not a TCP match */
  readonly tcp?: ClusterNetworkPolicyProtocolPorts;
  /** @default - not a UDP match */
  readonly udp?: ClusterNetworkPolicyProtocolPorts;
  /** @default - not an SCTP match */
  readonly sctp?: ClusterNetworkPolicyProtocolPorts;
  /** A container port name of the destination pod. @default - not a named port */
  readonly destinationNamedPort?: string;
}

/** A source of ingress traffic: exactly one of `namespaces` and `pods`. */
export interface ClusterNetworkPolicyIngressPeer {
  /** @default - not a namespace peer */
  readonly namespaces?: K8sLabelSelector;
  /** @default - not a pod peer */
  readonly pods?: NamespacedPodSelector;
}

/** A destination of egress traffic: exactly one field. */
export interface ClusterNetworkPolicyEgressPeer {
  /** @default - not a namespace peer */
  readonly namespaces?: K8sLabelSelector;
  /** @default - not a pod peer */
  readonly pods?: NamespacedPodSelector;
  /** @default - not a node peer */
  readonly nodes?: K8sLabelSelector;
  /** CIDRs (1-25). @default - not a network peer */
  readonly networks?: string[];
  /** Domain names (1-25). @default - not a domain peer */
  readonly domainNames?: string[];
}

/** An ingress rule: action `Accept`, `Deny` or `Pass`. */
export interface ClusterNetworkPolicyIngressRule {
  /** At most 100 characters. @default - no name */
  readonly name?: string;
  /** The rule's action. */
  readonly action: string;
  /** 1-25 sources. */
  readonly from: ClusterNetworkPolicyIngressPeer[];
  /** 1-25 protocol matches. @default - every protocol and port */
  readonly protocols?: ClusterNetworkPolicyProtocol[];
}

/** An egress rule: action `Accept`, `Deny` or `Pass`. */
export interface ClusterNetworkPolicyEgressRule {
  /** At most 100 characters. @default - no name */
  readonly name?: string;
  /** The rule's action. */
  readonly action: string;
  /** 1-25 destinations. */
  readonly to: ClusterNetworkPolicyEgressPeer[];
  /** 1-25 protocol matches. @default - every protocol and port */
  readonly protocols?: ClusterNetworkPolicyProtocol[];
}

/** The spec of a ClusterNetworkPolicy. */
export interface ClusterNetworkPolicySpec {
  /** `Admin` or `Baseline`. */
  readonly tier: string;
  /** 0-1000; lower is evaluated first within the tier. */
  readonly priority: number;
  /** The pods the policy applies to. */
  readonly subject: AdminPolicySubject;
  /** At most 25 rules. @default - none */
  readonly ingress?: ClusterNetworkPolicyIngressRule[];
  /** At most 25 rules. @default - none */
  readonly egress?: ClusterNetworkPolicyEgressRule[];
}

/** A cluster-scoped ClusterNetworkPolicy (v1alpha2). */
export interface ClusterNetworkPolicy {
  /** Always `policy.networking.k8s.io/v1alpha2`. */
  readonly apiVersion: 'policy.networking.k8s.io/v1alpha2';
  /** Always `ClusterNetworkPolicy`. */
  readonly kind: 'ClusterNetworkPolicy';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The policy itself. */
  readonly spec: ClusterNetworkPolicySpec;
}
