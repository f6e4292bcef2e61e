// The engine's resolved view of a cluster: what evaluation, the iptables plan and lint read.
// Built from manifests plus an inventory by the engine (never from construct objects).
import { CalicoVersion } from '../../model/calico-version';
import { CalicoRule, EntityRule, ProtoPort, ServiceMatch, StringMap } from '../../model/resources';
import { ServiceSetMembers } from '../input/service-members';
import { Profile } from '../../model/convert';
import { NamedPort, NodeInfo } from '../input/inventory';

export { NamedPort, NodeInfo, Profile };

/** A pod (workload endpoint) or a Calico host endpoint. */
export interface Endpoint {
  /** `namespace/pod` for workloads, `hostendpoint/<name>` for host endpoints. */
  readonly id: string;
  readonly kind: 'workload' | 'host';
  /** Pod or HostEndpoint name. */
  readonly name: string;
  /** The pod's namespace; undefined for host endpoints. */
  readonly namespace?: string;
  /** Node the endpoint lives on. */
  readonly node: string;
  /** Workloads: `cali` + 11 hex chars (Calico's veth name); hosts: spec.interfaceName. */
  readonly interfaceName: string;
  readonly ips: readonly string[];
  /**
   * Labels as Calico selectors see them. Workloads: the pod's labels plus
   * `projectcalico.org/namespace`, `projectcalico.org/orchestrator: k8s` and
   * `projectcalico.org/serviceaccount` when known. Hosts: the HostEndpoint's labels.
   */
  readonly labels: StringMap;
  /** The namespace's labels (namespaceSelector matches these); undefined for host endpoints. */
  readonly namespaceLabels?: StringMap;
  readonly serviceAccount?: string;
  /**
   * The labels of the pod's ServiceAccount as read (without `projectcalico.org/name`, which is
   * always known). @default - none: the ServiceAccount was not read (or the endpoint has none)
   */
  readonly serviceAccountLabels?: StringMap;
  readonly namedPorts: readonly NamedPort[];
  /** Profiles evaluated when no tier has a policy for the endpoint (`kns.<ns>` then `ksa.<ns>.<sa>`, or HEP profiles). */
  readonly profiles: readonly string[];
  /** Workloads: `namespace/name[Kind]` of the pod's owner (see InventoryPod.workload). @default - none */
  readonly workload?: string;
  /**
   * The QoS DSCP value Felix sets on the endpoint's egress leaving the cluster (the
   * `qos.projectcalico.org/dscp` annotation of the pod or HostEndpoint); marks packets, decides no
   * verdict. @default - none
   */
  readonly dscp?: number;
}

/** A GlobalNetworkSet (namespace undefined) or NetworkSet. */
export interface NetworkSetInfo {
  /** `globalnetworkset/<name>` or `networkset/<ns>/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly namespace?: string;
  readonly labels: StringMap;
  readonly nets: readonly string[];
}


/** Where a policy came from, for traces and lint messages. */
export interface PolicyOrigin {
  /** Source file and 0-based document index, when read from a file. */
  readonly file?: string;
  readonly documentIndex?: number;
  /** `NetworkPolicy` (Kubernetes), `CalicoNetworkPolicy` or `GlobalNetworkPolicy`. */
  readonly kind: string;
  readonly namespace?: string;
  /** metadata.name as written. */
  readonly name: string;
  /** Defaults filled in on read, as sentences (`spec.policyTypes defaulted to [Ingress] (kube-apiserver)`). @default - none */
  readonly defaults?: readonly string[];
}

/** A policy in Calico's form (Kubernetes policies already converted). */
export interface CompiledPolicy {
  /** The name Felix sees: `knp.default.<name>` for Kubernetes policies under 3.31, else metadata.name. */
  readonly name: string;
  /** Namespace of a namespaced policy; undefined for GlobalNetworkPolicy. */
  readonly namespace?: string;
  readonly tier: string;
  /** The Calico release the policy was converted and ordered for (the model's; the plan names its chains by it). */
  readonly calicoVersion: CalicoVersion;
  /** undefined sorts last. */
  readonly order?: number;
  /** spec.selector as written (empty means all()). */
  readonly selector: string;
  /**
   * The policy's whole endpoint selection as one canonical text: spec.selector, the namespace of a
   * namespaced policy, namespaceSelector and serviceAccountSelector. Two policies with equal text
   * select the same endpoints (Felix groups consecutive policies with the same selector).
   */
  readonly selectorKey: string;
  /**
   * The selector as Felix's v1 policy carries it (felix-selector.ts): Felix groups consecutive
   * policies with equal text into one policy-group chain and hashes it into the chain's name.
   */
  readonly felixSelector: string;
  /** Present iff the policy's types include Ingress. */
  readonly ingress?: readonly CalicoRule[];
  /** Present iff the policy's types include Egress. */
  readonly egress?: readonly CalicoRule[];
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  readonly origin: PolicyOrigin;
  /** True when the policy selects this endpoint (namespace scoping included). */
  appliesTo(endpoint: Endpoint): boolean;
}

/** A tier with its policies sorted as Felix sorts them. */
export interface CompiledTier {
  readonly name: string;
  readonly order?: number;
  /** `Deny` or `Pass`. */
  readonly defaultAction: string;
  readonly policies: readonly CompiledPolicy[];
}


/** Felix settings that change enforcement. */
export interface FelixSettings {
  readonly failsafeInbound: readonly ProtoPort[];
  readonly failsafeOutbound: readonly ProtoPort[];
  /** `Drop`, `Accept` or `Return`. */
  readonly defaultEndpointToHostAction: string;
  /** IptablesFilterDenyAction: `Drop` or `Reject` (what the filter table's denies do). */
  readonly filterDenyAction: string;
  /** When false (Felix's default), workload egress drops UDP to `vxlanPort` before policy. */
  readonly allowVXLANPacketsFromWorkloads: boolean;
  /** When false (Felix's default), workload egress drops IP protocol 4 before policy. */
  readonly allowIPIPPacketsFromWorkloads: boolean;
  /** Felix's VXLANPort (4789). */
  readonly vxlanPort: number;
  /** Ipv6Support: false means Felix programs no ip6tables rules (refused when an endpoint has an IPv6 address). */
  readonly ipv6Support: boolean;
  /** IptablesMarkMask: the bits Felix allocates its marks from (0xffff0000). */
  readonly markMask: number;
  /** LogPrefix of Log rules (`calico-packet`). */
  readonly logPrefix: string;
  /** LogActionRateLimit (`10/second`) with LogActionRateLimitBurst (Felix's default 5). @default - no limit */
  readonly logActionRateLimit?: { readonly rate: string; readonly burst: number };
  /** DisableConntrackInvalidCheck: endpoint chains do not drop conntrack INVALID packets. */
  readonly disableConntrackInvalidCheck: boolean;
  /**
   * Flow logs on (Felix's FlowLogsEnabled: flowLogsGoldmaneServer non-empty or flowLogsLocalReporter
   * Enabled): the plan carries Felix's NFLOG rules. NFLOG does not end a chain, so verdicts do not change.
   */
  readonly flowLogs: boolean;
  /**
   * IP-in-IP host rules on (IPv4): FelixConfiguration ipipEnabled when set, else on when any IPPool
   * has ipipMode other than Never (felix/calc/encapsulation_resolver.go).
   */
  readonly ipipEnabled: boolean;
  /**
   * VXLAN host rules on (IPv4): FelixConfiguration vxlanEnabled when set, else on when any IPv4
   * IPPool has vxlanMode other than Never (felix/calc/encapsulation_resolver.go).
   */
  readonly vxlanEnabled: boolean;
  /**
   * IPv6 VXLAN host rules on: any IPv6 IPPool has vxlanMode other than Never (encapsulation_resolver.go
   * VXLANEnabledV6: the pools alone, FelixConfiguration vxlanEnabled does not override it).
   */
  readonly vxlanEnabledV6: boolean;
  /** IPv4 WireGuard (FelixConfiguration wireguardEnabled): its port and device. @default - off */
  readonly wireguard?: WireguardSettings;
  /** IPv6 WireGuard (wireguardEnabledV6). @default - off */
  readonly wireguardV6?: WireguardSettings;
  /**
   * WireGuard host encryption (wireguardHostEncryptionEnabled, with WireGuard on for either IP
   * version: Felix's WireguardEncryptHostTraffic): raw cali-PREROUTING marks packets from host
   * interfaces (cali-wireguard-incoming-mark). @default - off
   */
  readonly wireguardHostEncryption?: WireguardHostEncryption;
  /** The IPPools as Felix's masquerade manager sees them (felix/dataplane/linux/masq_mgr.go). */
  readonly ipPools: readonly PoolNat[];
  /** How natOutgoing rewrites the source (FelixConfiguration natOutgoingExclusions, natOutgoingAddress, natPortRange). */
  readonly natOutgoing: NatOutgoingSettings;
}

/** FelixConfiguration's natOutgoing settings, as felix/rules/nat.go NATOutgoingChain renders them. */
export interface NatOutgoingSettings {
  /** natOutgoingExclusions IPPoolsAndHostIPs: destinations in all-hosts-net (the nodes' addresses) are not masqueraded either. */
  readonly excludeHosts: boolean;
  /** natOutgoingAddress: SNAT to this IPv4 address instead of MASQUERADE. @default - masquerade */
  readonly address?: string;
  /** natPortRange: TCP and UDP source ports are mapped into min-max. @default - the kernel's choice */
  readonly portRange?: { readonly min: number; readonly max: number };
}

/** One IPPool for the nat table: its CIDR, natOutgoing, and whether it is LoadBalancer-only. */
export interface PoolNat {
  readonly name: string;
  readonly cidr: string;
  /** natOutgoing (disabled pools too: Felix's masquerade set takes every pool with it). */
  readonly masquerade: boolean;
  /** The encapsulation of routes to the pool's remote blocks: ipipMode or vxlanMode Always or CrossSubnet. @default - none */
  readonly tunnel?: 'ipip' | 'vxlan';
  /** The mode is CrossSubnet: a route to a node in the sending node's subnet is not encapsulated. @default false */
  readonly crossSubnet?: boolean;
  /** allowedUses is exactly [LoadBalancer]: such a pool is not in the network-ip-pools set. */
  readonly loadBalancerOnly: boolean;
}

/** Everything the engine resolved. */
export interface EngineModel {
  readonly nodes: readonly NodeInfo[];
  readonly endpoints: readonly Endpoint[];
  readonly networkSets: readonly NetworkSetInfo[];
  /** Sorted: tier order ascending, nil last, ties by name. */
  readonly tiers: readonly CompiledTier[];
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly felix: FelixSettings;
  /** The Calico release the model was built for: conversion, ordering and the plan's chain names follow it. */
  readonly calicoVersion: CalicoVersion;
  /**
   * The endpoints and network sets of an entity rule's one positive IP set, for a rule of this
   * policy: its label part (selector, namespaceSelector, serviceAccounts; not nets) with the
   * notSelector folded in as Felix does (`(label part) && (!(notSelector))`). undefined when the
   * entity has no label part (matches any address; a notSelector then stays a negated set).
   */
  entityMembers(policy: CompiledPolicy, entity: EntityRule): EntityMembers | undefined;
  /**
   * The endpoints and network sets a plain selector matches, with no namespace scoping: what the
   * notSelector of a rule without a label part excludes. Throws InputError when the selector does
   * not parse.
   */
  selectorMembers(selector: string): EntityMembers;
  /**
   * What Felix's IP sets for a rule's `services` match hold: the named Service's EndpointSlice
   * endpoints; empty when the inputs hold no such Service (an empty namespace names none).
   */
  serviceMembers(match: ServiceMatch): ServiceSetMembers;
}

/** Result of EngineModel.entityMembers. */
export interface EntityMembers {
  readonly endpoints: readonly Endpoint[];
  readonly networkSets: readonly NetworkSetInfo[];
}

/**
 * The two WireGuard device names cali-wireguard-incoming-mark returns for (static.go
 * WireguardIncomingMarkChain names both, whichever IP version is on; config_params.go defaults).
 */
export interface WireguardHostEncryption {
  readonly interfaceName: string;
  readonly interfaceNameV6: string;
}

/** A WireGuard device Felix runs (felix/config/config_params.go WireguardListeningPort, WireguardInterfaceName). */
export interface WireguardSettings {
  /** The UDP port it listens on. */
  readonly port: number;
  /** The device's name. */
  readonly interfaceName: string;
}
