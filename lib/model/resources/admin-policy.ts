import { K8sLabelSelector } from './k8s';
import { ObjectMeta } from './meta';

/**
 * Kubernetes sig-network `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy, as typed data (sigs.k8s.io/network-policy-api apis/v1alpha1).
 * Calico 3.31 converts them into its `adminnetworkpolicy` and `baselineadminnetworkpolicy` tiers.
 */
export const ADMIN_POLICY_V1ALPHA1_API_VERSION = 'policy.networking.k8s.io/v1alpha1';

/** Pods by the labels of their namespace and their own labels (both must match). */
export interface NamespacedPodSelector {
  /** Namespaces whose pods may match; empty selects every namespace. */
  readonly namespaceSelector: K8sLabelSelector;
  /** Pods within those namespaces; empty selects every pod. */
  readonly podSelector: K8sLabelSelector;
}

/** What a policy applies to: exactly one of `namespaces` and `pods`. */
export interface AdminPolicySubject {
  /** Every pod of the namespaces this selects. @default - not a namespace subject */
  readonly namespaces?: K8sLabelSelector;
  /** The pods this selects. @default - not a pod subject */
  readonly pods?: NamespacedPodSelector;
}

/** A port number with its protocol. */
export interface AdminPolicyPortNumber {
  /** `TCP`, `UDP` or `SCTP`. @default 'TCP' */
  readonly protocol?: string;
  /** 1-65535. */
  readonly port: number;
}

/** An inclusive port range with its protocol. */
export interface AdminPolicyPortRange {
  /** `TCP`, `UDP` or `SCTP`. @default 'TCP' */
  readonly protocol?: string;
  /** First port, 1-65535. */
  readonly start: number;
  /** Last port, 1-65535. */
  readonly end: number;
}

/** One destination port match: exactly one of the three. */
export interface AdminPolicyPort {
  /** @default - not a number match */
  readonly portNumber?: AdminPolicyPortNumber;
  /** A container port name of the destination pod. @default - not a named port */
  readonly namedPort?: string;
  /** @default - not a range */
  readonly portRange?: AdminPolicyPortRange;
}

/** A source of ingress traffic: exactly one of `namespaces` and `pods`. */
export interface AdminPolicyIngressPeer {
  /** @default - not a namespace peer */
  readonly namespaces?: K8sLabelSelector;
  /** @default - not a pod peer */
  readonly pods?: NamespacedPodSelector;
}

/** A destination of egress traffic: exactly one field. */
export interface AdminPolicyEgressPeer {
  /** @default - not a namespace peer */
  readonly namespaces?: K8sLabelSelector;
  /** @default - not a pod peer */
  readonly pods?: NamespacedPodSelector;
  /** Nodes by their labels (their node IPs). @default - not a node peer */
  readonly nodes?: K8sLabelSelector;
  /** CIDRs (1-25). @default - not a network peer */
  readonly networks?: string[];
  /** Domain names, `*.` wildcards allowed (AdminNetworkPolicy only, 1-25). @default - not a domain peer */
  readonly domainNames?: string[];
}

/** An ingress rule of an AdminNetworkPolicy (`Allow`, `Deny`, `Pass`) or BaselineAdminNetworkPolicy (`Allow`, `Deny`). */
export interface AdminPolicyIngressRule {
  /** At most 100 characters. @default - no name */
  readonly name?: string;
  /** The rule's action. */
  readonly action: string;
  /** 1-100 sources. */
  readonly from: AdminPolicyIngressPeer[];
  /** 1-100 destination ports. @default - every port and protocol */
  readonly ports?: AdminPolicyPort[];
}

/** An egress rule of an AdminNetworkPolicy or BaselineAdminNetworkPolicy. */
export interface AdminPolicyEgressRule {
  /** At most 100 characters. @default - no name */
  readonly name?: string;
  /** The rule's action. */
  readonly action: string;
  /** 1-100 destinations. */
  readonly to: AdminPolicyEgressPeer[];
  /** 1-100 destination ports. @default - every port and protocol */
  readonly ports?: AdminPolicyPort[];
}

/** The spec of an AdminNetworkPolicy. */
export interface AdminNetworkPolicySpec {
  /** 0-1000; lower is evaluated first. */
  readonly priority: number;
  /** The pods the policy applies to. */
  readonly subject: AdminPolicySubject;
  /** At most 100 rules. @default - none */
  readonly ingress?: AdminPolicyIngressRule[];
  /** At most 100 rules. @default - none */
  readonly egress?: AdminPolicyEgressRule[];
}

/** A cluster-scoped AdminNetworkPolicy (v1alpha1). */
export interface AdminNetworkPolicy {
  /** Always `policy.networking.k8s.io/v1alpha1`. */
  readonly apiVersion: 'policy.networking.k8s.io/v1alpha1';
  /** Always `AdminNetworkPolicy`. */
  readonly kind: 'AdminNetworkPolicy';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The policy itself. */
  readonly spec: AdminNetworkPolicySpec;
}

/** The spec of a BaselineAdminNetworkPolicy (no priority: there is only one, named `default`). */
export interface BaselineAdminNetworkPolicySpec {
  /** The pods the policy applies to. */
  readonly subject: AdminPolicySubject;
  /** At most 100 rules, actions `Allow` or `Deny`. @default - none */
  readonly ingress?: AdminPolicyIngressRule[];
  /** At most 100 rules, actions `Allow` or `Deny`. @default - none */
  readonly egress?: AdminPolicyEgressRule[];
}

/** The cluster's one BaselineAdminNetworkPolicy (v1alpha1), named `default`. */
export interface BaselineAdminNetworkPolicy {
  /** Always `policy.networking.k8s.io/v1alpha1`. */
  readonly apiVersion: 'policy.networking.k8s.io/v1alpha1';
  /** Always `BaselineAdminNetworkPolicy`. */
  readonly kind: 'BaselineAdminNetworkPolicy';
  /** Name (must be `default`), labels and annotations. */
  readonly metadata: ObjectMeta;
  /** The policy itself. */
  readonly spec: BaselineAdminNetworkPolicySpec;
}
