import { ObjectMeta } from './meta';

/**
 * Calico `projectcalico.org/v3` resources, as typed data.
 *
 * Integer-or-string fields (`protocol`, `ports`) are held as strings: a value made only of
 * digits renders as a YAML integer (`112`, `80`); `"2040:2041"` is a range and other strings are
 * protocol names or named ports.
 */

/** ICMP type and code. A code needs a type. */
export interface IcmpFields {
  /** ICMP type, 0-254. @default - any type */
  readonly type?: number;
  /** ICMP code, 0-255. @default - any code */
  readonly code?: number;
}

/** Match on service accounts of the endpoint. */
export interface ServiceAccountMatch {
  /** @default - any name */
  readonly names?: string[];
  /** A Calico selector over service account labels. @default - any labels */
  readonly selector?: string;
}

/** Match on a Kubernetes Service (egress destinations or ingress sources). */
export interface ServiceMatch {
  /** The Service name (Calico requires it whenever `services` is set). @default - none */
  readonly name?: string;
  /** @default - the policy's namespace */
  readonly namespace?: string;
}

/** The source or destination of a rule. All given fields are ANDed; list entries are ORed. */
export interface EntityRule {
  /** CIDRs the address must be in. @default - any address */
  readonly nets?: string[];
  /** CIDRs the address must not be in. @default - no exclusion */
  readonly notNets?: string[];
  /** Calico selector over endpoint (and network set) labels. @default - any endpoint */
  readonly selector?: string;
  /** Calico selector that must not match. @default - no exclusion */
  readonly notSelector?: string;
  /** Calico selector over namespace labels. @default - see Calico: own namespace / all namespaces */
  readonly namespaceSelector?: string;
  /** Port numbers, `"min:max"` ranges or named ports. Needs protocol TCP, UDP or SCTP. @default - any port */
  readonly ports?: string[];
  /** Ports that must not match. @default - no exclusion */
  readonly notPorts?: string[];
  /** @default - any service account */
  readonly serviceAccounts?: ServiceAccountMatch;
  /** @default - no service match */
  readonly services?: ServiceMatch;
}

/** One HTTP path match: exactly one of `exact` and `prefix`. */
export interface HttpPath {
  /** The path, matched exactly. @default - none (set prefix) */
  readonly exact?: string;
  /** A path prefix. @default - none (set exact) */
  readonly prefix?: string;
}

/**
 * A rule's HTTP match (Calico application layer policy). Felix's iptables and eBPF rules do not
 * program it: the rule matches on its L3/L4 fields alone, and only the Dikastes/Envoy sidecar of
 * application layer policy refuses requests outside it.
 */
export interface HttpMatch {
  /** HTTP methods, OR'd. @default - any method */
  readonly methods?: string[];
  /** HTTP paths, OR'd. @default - any path */
  readonly paths?: HttpPath[];
}

/** Rule metadata, carried through but not enforced. */
export interface RuleMetadata {
  /** @default - none */
  readonly annotations?: { readonly [key: string]: string };
}

/** One Calico policy rule. */
export interface CalicoRule {
  /** `Allow`, `Deny`, `Log` or `Pass`. */
  readonly action: string;
  /** 4 or 6. @default - both */
  readonly ipVersion?: number;
  /** `TCP`, `UDP`, `ICMP`, `ICMPv6`, `SCTP`, `UDPLite` or a number 1-255 (as digits). @default - any */
  readonly protocol?: string;
  /** Protocol that must not match. @default - no exclusion */
  readonly notProtocol?: string;
  /** Needs protocol ICMP or ICMPv6. @default - any ICMP type/code */
  readonly icmp?: IcmpFields;
  /** @default - no exclusion */
  readonly notICMP?: IcmpFields;
  /** @default - any source */
  readonly source?: EntityRule;
  /** @default - any destination */
  readonly destination?: EntityRule;
  /** Allow rules of ingress only, protocol TCP or unset. @default - no HTTP match */
  readonly http?: HttpMatch;
  /** @default - none */
  readonly metadata?: RuleMetadata;
}

/** Fields shared by NetworkPolicy and GlobalNetworkPolicy. */
export interface CalicoPolicySpec {
  /** @default 'default' */
  readonly tier?: string;
  /** Lower orders are evaluated first. @default - last (nil order sorts after every number) */
  readonly order?: number;
  /** Endpoints the policy applies to. @default 'all()' */
  readonly selector?: string;
  /** `Ingress` and/or `Egress`. @default - derived from which rule lists are present */
  readonly types?: string[];
  /** @default - none */
  readonly ingress?: CalicoRule[];
  /** @default - none */
  readonly egress?: CalicoRule[];
  /** @default - any service account */
  readonly serviceAccountSelector?: string;
  /** @default - none */
  readonly performanceHints?: string[];
}

/** Spec of a GlobalNetworkPolicy: the shared fields plus host-endpoint placement flags. */
export interface GlobalNetworkPolicySpec extends CalicoPolicySpec {
  /** Selects namespaces whose endpoints the policy applies to. @default - all */
  readonly namespaceSelector?: string;
  /** Untracked policy (raw table). Needs applyOnForward. @default false */
  readonly doNotTrack?: boolean;
  /** Applied before DNAT (mangle table), ingress only. Needs applyOnForward. @default false */
  readonly preDNAT?: boolean;
  /** Also applies to traffic forwarded through host endpoints. @default false */
  readonly applyOnForward?: boolean;
}

/** A Calico NetworkPolicy: applies to the workload endpoints of its namespace. */
export interface CalicoNetworkPolicyResource {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `NetworkPolicy`. */
  readonly kind: 'NetworkPolicy';
  /** Name, labels and annotations (the namespace is required). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: CalicoPolicySpec;
}

/** A Calico GlobalNetworkPolicy: cluster-scoped, applies to workload and host endpoints. */
export interface GlobalNetworkPolicy {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `GlobalNetworkPolicy`. */
  readonly kind: 'GlobalNetworkPolicy';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: GlobalNetworkPolicySpec;
}

/** A named port on a host endpoint. */
export interface EndpointPort {
  /** The port name that rules refer to (a Kubernetes IANA service name). */
  readonly name: string;
  /** The port number, 1-65535. */
  readonly port: number;
  /** `TCP`, `UDP` or `SCTP`. */
  readonly protocol: string;
}

/** Spec of a HostEndpoint. */
export interface HostEndpointSpec {
  /** The Calico node name (required by Calico). @default - none */
  readonly node?: string;
  /** `"*"` for all interfaces, a name, or empty to find it by expectedIPs. @default - by expectedIPs */
  readonly interfaceName?: string;
  /** The IPs selectors resolve this endpoint to. @default - none */
  readonly expectedIPs?: string[];
  /** Profiles applied when no policy selects the endpoint. @default - none (default deny) */
  readonly profiles?: string[];
  /** @default - none */
  readonly ports?: EndpointPort[];
}

/** A Calico HostEndpoint: one interface (or every interface) of a node, which policies can select. */
export interface HostEndpoint {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `HostEndpoint`. */
  readonly kind: 'HostEndpoint';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: HostEndpointSpec;
}

/** Spec of a GlobalNetworkSet or NetworkSet. */
export interface NetworkSetSpec {
  /** @default - none */
  readonly nets?: string[];
}

/** A Calico GlobalNetworkSet: cluster-scoped named CIDRs that rule selectors match by label. */
export interface GlobalNetworkSet {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `GlobalNetworkSet`. */
  readonly kind: 'GlobalNetworkSet';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: NetworkSetSpec;
}

/** A Calico NetworkSet: namespaced named CIDRs, matched by policies of its namespace. */
export interface NetworkSet {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `NetworkSet`. */
  readonly kind: 'NetworkSet';
  /** Name, labels and annotations (the namespace is required). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: NetworkSetSpec;
}

/** Spec of a Tier. */
export interface TierSpec {
  /** @default - last */
  readonly order?: number;
  /** `Deny` or `Pass`. @default 'Deny' */
  readonly defaultAction?: string;
}

/** A Calico Tier: an ordered group of policies with a default action. */
export interface Tier {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `Tier`. */
  readonly kind: 'Tier';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: TierSpec;
}

/** A failsafe entry: protocol and port, optionally limited to a net. */
export interface ProtoPort {
  /** `tcp`, `udp` or `sctp` (any case). */
  readonly protocol: string;
  /** The port number, 1-65535. */
  readonly port: number;
  /** @default - any address */
  readonly net?: string;
}

/** The FelixConfiguration fields that change enforcement. */
export interface FelixConfigurationSpec {
  /** @default - Felix's defaults (tcp:22, udp:68, tcp:179, tcp:2379, tcp:2380, tcp:5473, tcp:6443, tcp:6666, tcp:6667) */
  readonly failsafeInboundHostPorts?: ProtoPort[];
  /** @default - Felix's defaults (udp:53, udp:67, tcp:179, tcp:2379, tcp:2380, tcp:5473, tcp:6443, tcp:6666, tcp:6667) */
  readonly failsafeOutboundHostPorts?: ProtoPort[];
  /** `Drop`, `Accept` or `Return`. @default 'Drop' */
  readonly defaultEndpointToHostAction?: string;
  /** @default 0xffff0000 */
  readonly iptablesMarkMask?: number;
  /** `Drop` or `Reject` (any case, as Calico's CRD pattern). @default 'Drop' */
  readonly iptablesFilterDenyAction?: string;
  /** Let VXLAN packets (UDP to Felix's VXLAN port, 4789) leave workloads. @default false */
  readonly allowVXLANPacketsFromWorkloads?: boolean;
  /** Let IP-in-IP packets (IP protocol 4) leave workloads. @default false */
  readonly allowIPIPPacketsFromWorkloads?: boolean;
  /** The prefix of Log rules' `--log-prefix`. @default 'calico-packet' */
  readonly logPrefix?: string;
  /** Rate limit of Log rules, `N/second`, `N/minute`, `N/hour` or `N/day` (N from 1 to 9999). @default - no limit */
  readonly logActionRateLimit?: string;
  /** Burst of the Log rules' rate limit (0 to 9999; 0 renders no `--limit-burst`). Used only with logActionRateLimit. @default 5 */
  readonly logActionRateLimitBurst?: number;
  /** Leave out the drop of conntrack INVALID packets at the start of endpoint chains. @default false */
  readonly disableConntrackInvalidCheck?: boolean;
  /** Overrides whether IP-in-IP host rules are programmed. @default - on when any IPv4 IPPool has ipipMode other than Never */
  readonly ipipEnabled?: boolean;
  /** Overrides whether IPv4 VXLAN is on (IPv6 VXLAN follows the IPv6 pools alone). @default - from the IPv4 IPPools */
  readonly vxlanEnabled?: boolean;
  /** `Accept` only: `Return` is not modelled. @default 'Accept' */
  readonly iptablesFilterAllowAction?: string;
  /** `Accept` only: `Return` is not modelled. @default 'Accept' */
  readonly iptablesMangleAllowAction?: string;
  /** IPv4 WireGuard: Felix accepts UDP to wireguardListeningPort in cali-INPUT and cali-OUTPUT. @default false */
  readonly wireguardEnabled?: boolean;
  /** IPv6 WireGuard: the same in ip6tables, with wireguardListeningPortV6. @default false */
  readonly wireguardEnabledV6?: boolean;
  /** The IPv4 WireGuard UDP port (1-65535). @default 51820 */
  readonly wireguardListeningPort?: number;
  /** The IPv6 WireGuard UDP port (1-65535). @default 51821 */
  readonly wireguardListeningPortV6?: number;
  /** The IPv4 WireGuard device (its tunnel-source masquerade in nat cali-POSTROUTING). @default 'wireguard.cali' */
  readonly wireguardInterfaceName?: string;
  /** The IPv6 WireGuard device. @default 'wg-v6.cali' */
  readonly wireguardInterfaceNameV6?: string;
  /** Host-to-host encryption: with WireGuard on, raw cali-PREROUTING marks packets from host interfaces (cali-wireguard-incoming-mark). @default false */
  readonly wireguardHostEncryptionEnabled?: boolean;
  /** `false` only: the eBPF dataplane is not modelled. @default false */
  readonly bpfEnabled?: boolean;
  /**
   * The source ports natOutgoing maps TCP and UDP to: a port or `min:max`. Felix then masquerades
   * TCP and UDP `--to-ports min-max` and everything else without ports. @default - the kernel's choice
   */
  readonly natPortRange?: string;
  /** An IPv4 address natOutgoing SNATs to instead of masquerading (the outgoing interface's address). @default - masquerade */
  readonly natOutgoingAddress?: string;
  /**
   * `IPPoolsOnly` (destinations in no IPPool are masqueraded) or `IPPoolsAndHostIPs` (the nodes'
   * addresses are left alone too). @default 'IPPoolsOnly'
   */
  readonly natOutgoingExclusions?: string;
  /** Empty only: masquerading on some host interfaces only is not modelled. @default - every interface */
  readonly iptablesNATOutgoingInterfaceFilter?: string;
  /**
   * The flow server (Goldmane) Felix publishes flow logs to; any non-empty value turns flow logs on,
   * and with them Felix's NFLOG rules (group 1 ingress, 2 egress). @default - none
   */
  readonly flowLogsGoldmaneServer?: string;
  /** `Enabled` or `Disabled`: the local flow-log reporter; `Enabled` turns flow logs (the NFLOG rules) on. @default 'Disabled' */
  readonly flowLogsLocalReporter?: string;
  /** The UDP port of VXLAN (1-65535): the VXLAN host rules and the drop of VXLAN from workloads match it. @default 4789 */
  readonly vxlanPort?: number;
  /**
   * `false`: Felix programs no ip6tables rules at all. Refused when an endpoint of the cluster has an
   * IPv6 address (its traffic would be unpoliced, which the plan and the engine do not model). @default true
   */
  readonly ipv6Support?: boolean;
  /**
   * Scopes a FelixConfiguration that is neither `default` nor `node.<name>` to the nodes this selector
   * matches (Calico 3.32). The plan and the engine use one Felix configuration for every node, so a
   * scoped one may set only fields that change no rule. @default - not scoped
   */
  readonly nodeSelector?: string;
  /** `Insert` only: with `Append` rules already in the kernel's chains would decide first. @default 'Insert' */
  readonly chainInsertMode?: string;
  /** `cali` only: the plan matches workload interfaces as `cali+`. @default 'cali' */
  readonly interfacePrefix?: string;
  /** `kube-ipvs0` only. @default 'kube-ipvs0' */
  readonly interfaceExclude?: string;
  /** `true` only: an external dataplane driver is not modelled. @default true */
  readonly useInternalDataplaneDriver?: boolean;
  /** `Disabled` or `Auto` (iptables unless kube-proxy runs in nftables mode); `Enabled` is not modelled. @default 'Auto' */
  readonly nftablesMode?: string;
  /** `Disabled` only: Istio ambient mode's rules are not modelled. @default 'Disabled' */
  readonly istioAmbientMode?: string;
  /** `Disabled` only: source spoofing by workloads is not modelled. @default 'Disabled' */
  readonly workloadSourceSpoofing?: string;
  /** `Disabled` only: floating IPs are not modelled. @default 'Disabled' */
  readonly floatingIPs?: string;
  /** Empty only: non-Calico nodes in all-hosts-net are not modelled. @default - none */
  readonly externalNodesList?: string[];
  /** `Name=value,...`; `SNATFullyRandom`, `MASQFullyRandom` and `NFLogSize` may not be set to false. @default - none */
  readonly featureDetectOverride?: string;
  /** `1048576` only: the plan creates every IP set with that maxelem. @default 1048576 */
  readonly maxIpsetSize?: number;
  /** `127.0.0.1` or empty only: another address turns on OpenStack support. @default '127.0.0.1' */
  readonly metadataAddr?: string;
  /** `8775` or `0` only: another port turns on OpenStack support. @default 8775 */
  readonly metadataPort?: number;
}

/** A Calico IPPool's settings (libcalico-go api/pkg/apis/projectcalico/v3 IPPoolSpec). */
export interface IpPoolSpec {
  /** The pool's CIDR, strictly masked. */
  readonly cidr: string;
  /** `Always`, `CrossSubnet` or `Never` (IPv4 pools only). @default 'Never' */
  readonly ipipMode?: string;
  /** `Always`, `CrossSubnet` or `Never`. @default 'Never' */
  readonly vxlanMode?: string;
  /** Masquerade traffic from the pool's pods to destinations outside every pool. @default false */
  readonly natOutgoing?: boolean;
  /** No new addresses from this pool. @default false */
  readonly disabled?: boolean;
  /** @default false */
  readonly disableBGPExport?: boolean;
  /** Prefix length of the pool's blocks: 20-32 for IPv4, 116-128 for IPv6. @default - 26 (IPv4) or 122 (IPv6) */
  readonly blockSize?: number;
  /** The nodes that take addresses from the pool. @default 'all()' */
  readonly nodeSelector?: string;
  /** The namespaces whose pods take addresses from the pool. @default - every namespace */
  readonly namespaceSelector?: string;
  /** `Workload`, `Tunnel` or `LoadBalancer`. @default - Workload and Tunnel */
  readonly allowedUses?: string[];
  /** `Automatic` or `Manual`. @default 'Automatic' */
  readonly assignmentMode?: string;
}

/** A Calico IPPool: a range pods (and tunnels) take addresses from, with its encapsulation. */
export interface IpPool {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `IPPool`. */
  readonly kind: 'IPPool';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: IpPoolSpec;
}

/** A Calico FelixConfiguration (`default` for the cluster, `node.<name>` for one node). */
export interface FelixConfiguration {
  /** Always `projectcalico.org/v3`. */
  readonly apiVersion: 'projectcalico.org/v3';
  /** Always `FelixConfiguration`. */
  readonly kind: 'FelixConfiguration';
  /** Name, labels and annotations (no namespace). */
  readonly metadata: ObjectMeta;
  /** The resource's settings. */
  readonly spec: FelixConfigurationSpec;
}
