// Flows and the traces evaluation produces.
import { Endpoint } from '../model/types';

/** One end of a flow: a Calico endpoint (pod or host endpoint) or an external address. */
export interface FlowParty {
  /** The endpoint, when the address belongs to one. @default - an external address */
  readonly endpoint?: Endpoint;
  /** The address used on the wire. @default - none (endpoint without addresses) */
  readonly ip?: string;
  /** `namespace/pod`, `hostendpoint/<name>` or the IP address. */
  readonly id: string;
}

/** A new connection from source to destination. */
export interface Flow {
  readonly source: FlowParty;
  readonly destination: FlowParty;
  /** IP protocol number (6 TCP, 17 UDP, 132 SCTP, 1 ICMP, 58 ICMPv6, ...). */
  readonly protocol: number;
  /** Destination port, for TCP, UDP and SCTP. @default - none */
  readonly port?: number;
  /** Source port. @default - unknown: rules with source ports do not match */
  readonly sourcePort?: number;
  /** ICMP type. @default 8 for ICMP, 128 for ICMPv6 (echo request) */
  readonly icmpType?: number;
  /** ICMP code. @default 0 */
  readonly icmpCode?: number;
  /**
   * The node interface (e.g. `eth1`) the traffic crosses between the node and the off-node party:
   * the interface it arrives on when the source is off the destination's node, the one it leaves
   * by when the destination is off the source's node. Felix picks host endpoint chains by
   * interface, so this decides which host endpoint polices forwarded traffic and the host's own
   * traffic (none when no host endpoint names the interface and the node has no `*` one).
   * @default - for an off-node address: the interface of the node address (a host endpoint's
   * expectedIPs, or a Node address no host endpoint claims, which means no host endpoint) of the
   * same scope (private: 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fe80::/10; else public)
   * sharing the longest prefix with it; for the host's own traffic: the host endpoint owning the
   * node address; otherwise the node's `*` host endpoint, else its only host endpoint.
   */
  readonly via?: string;
}

/** A policy consulted in a tier, and what it did. */
export interface PolicyTrace {
  /** The name Felix sees (`knp.default.<name>` for a Kubernetes policy under Calico 3.31). */
  readonly policy: string;
  /** metadata.name as written in the manifest. @default - the same as `policy` */
  readonly writtenName?: string;
  readonly namespace?: string;
  /** Kind as written: NetworkPolicy (Kubernetes), CalicoNetworkPolicy or GlobalNetworkPolicy. */
  readonly kind: string;
  /** Indexes of Log rules that matched. */
  readonly logged: readonly number[];
  /** Defaults the API servers filled in for this policy (`spec.policyTypes defaulted to [Ingress, Egress] (kube-apiserver)`). @default - none */
  readonly defaults?: readonly string[];
  /** The rule that decided, when one did. */
  readonly matchedRule?: number;
  /** When the deciding rule has an HTTP match, what Felix enforces of it (nothing: see httpMatchNote). @default - none */
  readonly httpMatch?: string;
  /** When the deciding rule has a `services` match, which Service it matched. @default - none */
  readonly serviceMatch?: string;
  readonly action?: string;
}

/** A tier consulted for one stage. */
export interface TierTrace {
  readonly tier: string;
  readonly policies: readonly PolicyTrace[];
  /** `allow`, `deny`, `pass` (a Pass rule), `end-of-tier-drop` or `end-of-tier-pass` (defaultAction Pass). */
  readonly outcome: string;
}

/** The profiles consulted for one stage. */
export interface ProfileTrace {
  readonly profiles: readonly string[];
  readonly matchedProfile?: string;
  readonly matchedRule?: number;
  readonly action?: string;
}

/** One place where policy is enforced along the path. */
export interface StageTrace {
  /**
   * `workload`, `host`, `host-forward`, `host-untracked`, `host-prednat`, `host-failsafe` (a failsafe
   * port skipped untracked and pre-DNAT policy of forwarded traffic), `workload-to-host`, `unpoliced`.
   */
  readonly stage: string;
  readonly endpoint: string;
  readonly tiers: readonly TierTrace[];
  readonly profiles?: ProfileTrace;
  /** Set when a failsafe port decided. */
  readonly failsafe?: string;
  /** `allow`, `deny` or `continue` (no decision; the next stage decides). */
  readonly verdict: string;
  readonly reason: string;
}

/** Everything enforced at one side: the source's egress or the destination's ingress. */
export interface DirectionTrace {
  readonly direction: string;
  readonly endpoint: string;
  readonly stages: readonly StageTrace[];
  readonly allowed: boolean;
  readonly reason: string;
}

/** The verdict for a flow with both traces. */
export interface FlowVerdict {
  readonly allowed: boolean;
  readonly source: string;
  readonly destination: string;
  readonly protocol: number;
  readonly port?: number;
  readonly egress: DirectionTrace;
  readonly ingress: DirectionTrace;
  readonly reason: string;
}
