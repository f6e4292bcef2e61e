import { EntityRule, NetworkPolicyPeer } from '../../model/resources';

/** Where a peer is rendered into a Calico rule. */
export interface PeerContext {
  /**
   * The namespace of the namespaced policy holding the rule.
   * @default - a cluster-wide policy (GlobalNetworkPolicy)
   */
  readonly policyNamespace?: string;
}

/**
 * The other side of a rule: who may send (ingress) or receive (egress) the traffic.
 * Made by the static factories of {@link Peer}.
 */
export interface IPeer {
  /** The factory call that made this peer, for messages, e.g. `Peer.cidr('192.0.2.0/24')`. */
  readonly description: string;
  /** True when a Kubernetes NetworkPolicy can express this peer. */
  readonly kubernetesExpressible: boolean;
  /** The IP version the peer is limited to (4 or 6), or 0 when it is not limited. */
  readonly ipVersion: number;
  /** The Kubernetes NetworkPolicyPeer. Throws when {@link kubernetesExpressible} is false. */
  toKubernetes(): NetworkPolicyPeer;
  /** The Calico source or destination of a rule, in the given policy. Throws when it has no meaning there. */
  toCalico(context: PeerContext): EntityRule;
}
