// The spec KubeNetworkPolicy takes: the model's NetworkPolicy spec with `port` as an IntOrString
// (cdk8s's convention); `kube-spec-conversion.ts` turns it into model data (ports as text).
import { K8sLabelSelector, NetworkPolicyPeer } from '../../model/resources';
import { IntOrString } from './int-or-string';

/** A port of a {@link KubeNetworkPolicy} rule. */
export interface KubeNetworkPolicyPort {
  /** `TCP`, `UDP` or `SCTP`. @default 'TCP' */
  readonly protocol?: string;
  /**
   * A port number (`IntOrString.fromNumber(8080)`) or a named container port
   * (`IntOrString.fromString('http')`).
   * @default - all ports of the protocol
   */
  readonly port?: IntOrString;
  /** Inclusive end of a port range; needs a numeric `port` and must be >= it. @default - single port */
  readonly endPort?: number;
}

/** An ingress rule of a {@link KubeNetworkPolicy}: traffic from any of `from` on any of `ports`. */
export interface KubeNetworkPolicyIngressRule {
  /** @default - all peers */
  readonly from?: NetworkPolicyPeer[];
  /** @default - all ports */
  readonly ports?: KubeNetworkPolicyPort[];
}

/** An egress rule of a {@link KubeNetworkPolicy}: traffic to any of `to` on any of `ports`. */
export interface KubeNetworkPolicyEgressRule {
  /** @default - all peers */
  readonly to?: NetworkPolicyPeer[];
  /** @default - all ports */
  readonly ports?: KubeNetworkPolicyPort[];
}

/** The spec of a {@link KubeNetworkPolicy}. */
export interface KubeNetworkPolicySpec {
  /** Pods the policy applies to, within its namespace. Empty selects all pods. */
  readonly podSelector: K8sLabelSelector;
  /** `Ingress` and/or `Egress`. @default - Ingress, plus Egress when egress rules are present */
  readonly policyTypes?: string[];
  /** @default - no ingress rules */
  readonly ingress?: KubeNetworkPolicyIngressRule[];
  /** @default - no egress rules */
  readonly egress?: KubeNetworkPolicyEgressRule[];
}
