import { ObjectMeta, StringMap } from './meta';

/**
 * Kubernetes `networking.k8s.io/v1` NetworkPolicy, as typed data.
 *
 * Integer-or-string fields (`port`) are held as strings: a value made only of digits is a port
 * number and renders as a YAML integer; anything else is a named port.
 */
export interface LabelSelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** One of `In`, `NotIn`, `Exists`, `DoesNotExist`. */
  readonly operator: string;
  /** Values for `In`/`NotIn`; must be empty for `Exists`/`DoesNotExist`. @default - none */
  readonly values?: string[];
}

/** A Kubernetes label selector: matchLabels AND matchExpressions. An empty selector selects all. */
export interface K8sLabelSelector {
  /** @default - no label equalities */
  readonly matchLabels?: StringMap;
  /** @default - no expressions */
  readonly matchExpressions?: LabelSelectorRequirement[];
}

/** An IP block peer: `cidr` minus each `except` (which must lie inside `cidr`). */
export interface IpBlock {
  /** The address block, e.g. `192.0.2.0/24` (network form, no host bits). */
  readonly cidr: string;
  /** @default - no exceptions */
  readonly except?: string[];
}

/** One peer of a rule: podSelector and/or namespaceSelector, or an ipBlock alone. */
export interface NetworkPolicyPeer {
  /** @default - not a pod peer (unless namespaceSelector is given, then all pods of those namespaces) */
  readonly podSelector?: K8sLabelSelector;
  /** @default - the policy's own namespace */
  readonly namespaceSelector?: K8sLabelSelector;
  /** @default - not an ipBlock peer */
  readonly ipBlock?: IpBlock;
}

/** A port of a rule. */
export interface NetworkPolicyPort {
  /** `TCP`, `UDP` or `SCTP`. @default 'TCP' */
  readonly protocol?: string;
  /** A port number (digits) or a named container port. @default - all ports of the protocol */
  readonly port?: string;
  /** Inclusive end of a port range; needs a numeric `port` and must be >= it. @default - single port */
  readonly endPort?: number;
}

/** An ingress rule: traffic from any of `from` on any of `ports`. */
export interface NetworkPolicyIngressRule {
  /** @default - all peers */
  readonly from?: NetworkPolicyPeer[];
  /** @default - all ports */
  readonly ports?: NetworkPolicyPort[];
}

/** An egress rule: traffic to any of `to` on any of `ports`. */
export interface NetworkPolicyEgressRule {
  /** @default - all peers */
  readonly to?: NetworkPolicyPeer[];
  /** @default - all ports */
  readonly ports?: NetworkPolicyPort[];
}

/** The spec of a Kubernetes NetworkPolicy. */
export interface K8sNetworkPolicySpec {
  /** Pods the policy applies to, within its namespace. Empty selects all pods. */
  readonly podSelector: K8sLabelSelector;
  /** `Ingress` and/or `Egress`. @default - Ingress, plus Egress when egress rules are present */
  readonly policyTypes?: string[];
  /** @default - no ingress rules */
  readonly ingress?: NetworkPolicyIngressRule[];
  /** @default - no egress rules */
  readonly egress?: NetworkPolicyEgressRule[];
}

/** A whole Kubernetes NetworkPolicy resource. */
export interface K8sNetworkPolicy {
  /** Always `networking.k8s.io/v1`. */
  readonly apiVersion: 'networking.k8s.io/v1';
  /** Always `NetworkPolicy`. */
  readonly kind: 'NetworkPolicy';
  /** Name, namespace (required), labels and annotations. */
  readonly metadata: ObjectMeta;
  /** The policy itself. */
  readonly spec: K8sNetworkPolicySpec;
}
