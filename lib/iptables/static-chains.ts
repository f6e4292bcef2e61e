// Top-level chains Felix programs in the filter, raw and mangle tables (felix/rules/static.go),
// with IP-in-IP (IPv4), VXLAN and WireGuard (IPv4, IPv6) host rules and WireGuard host encryption's raw jump when on; IPVS and OpenStack support off.
import { ICMPV6_FROM_WORKLOADS } from '../engine';
import { MarkBits, allCalicoMarkBits } from './marks';
import * as m from './match';
import {
  FROM_HEP_FORWARD_DISPATCH, FROM_HOST_DISPATCH, FROM_WL_DISPATCH, TO_HEP_FORWARD_DISPATCH, TO_HOST_DISPATCH,
  TO_WL_DISPATCH, WORKLOAD_WILDCARD,
} from './dispatch';
import { Chain, rule } from './rule';
import { CHAIN_WIREGUARD_INCOMING_MARK } from './wireguard-mark';

export const CHAIN_INPUT = 'cali-INPUT';
export const CHAIN_OUTPUT = 'cali-OUTPUT';
export const CHAIN_FORWARD = 'cali-FORWARD';
export const CHAIN_PREROUTING = 'cali-PREROUTING';
const CHAIN_WL_TO_HOST = 'cali-wl-to-host';
export const CHAIN_CIDR_BLOCK = 'cali-cidr-block';
export const CHAIN_RPF_SKIP = 'cali-rpf-skip';

const HEP_ACCEPTED = 'Host endpoint policy accepted packet.';
/** IP protocol 4, by number as Felix writes it (ProtoIPIP). */
const IPIP = '4';
/** UDP by number, as Felix's VXLAN host rules write it (ProtoUDP). */
const UDP = '17';
const { DEST_LOCAL, SRC_LOCAL } = m;

/** What the IP-in-IP host rules need: on or off, the all-hosts set's name, the deny action. */
export interface IpipRules {
  readonly allHostsSet: string;
  readonly denyAction: string;
}

/** What the VXLAN host rules (IPv4) need: the all-vxlan-net set's name and Felix's VXLANPort. */
export interface VxlanRules {
  readonly allVxlanSet: string;
  readonly port: number;
  /** The IP version: Felix's IPv6 rules name it and deny with the filter deny action, the IPv4 ones DROP. */
  readonly version: m.IpVersion;
  /** The filter deny action (used by the IPv6 rule). */
  readonly denyAction: string;
}

/** What the WireGuard host rules need: the IP version and the listening port (static.go FilterInputChainAllowWG). */
export interface WireguardRules {
  readonly version: m.IpVersion;
  readonly port: number;
}

/** cali-INPUT's WireGuard accept. */
function wireguardInput(wg: WireguardRules): ReturnType<typeof rule> {
  // no deny rule: WireGuard's peers and allowed IPs are in its own crypto routing (static.go)
  return rule([...udpToPort(wg.port), DEST_LOCAL], m.ACCEPT, `Allow incoming IPv${wg.version} Wireguard packets`);
}

/** cali-INPUT's VXLAN accept and deny (static.go filterInputChain, VXLANEnabled / VXLANEnabledV6). */
function vxlanInputRules(vxlan: VxlanRules): ReturnType<typeof rule>[] {
  const v = `IPv${vxlan.version}`;
  const deny = vxlan.version === 4 ? m.DROP : vxlan.denyAction;
  return [
    rule([...udpToPort(vxlan.port), m.sourceIpSet(vxlan.allVxlanSet), DEST_LOCAL], m.ACCEPT, `Allow ${v} VXLAN packets from allowed hosts`),
    rule([...udpToPort(vxlan.port), DEST_LOCAL], deny, `${deny === m.REJECT ? 'Reject' : 'Drop'} ${v} VXLAN packets from non-allowed hosts`),
  ];
}

/** `-p 17 -m multiport --destination-ports <port>` (static.go ProtocolNum(ProtoUDP).DestPorts: the VXLAN and WireGuard rules). */
function udpToPort(port: number): string[] {
  return [m.protocolMatch(UDP), m.destPorts([{ first: port, last: port }])];
}

/**
 * filter `cali-INPUT` (static.go filterInputChain). With IP-in-IP on (IPv4), first accept IP-in-IP
 * from Calico hosts (the `all-hosts-net` set) to a local address and deny other IP-in-IP; with VXLAN
 * on for the IP version, then accept VXLAN from the `all-vxlan-net` set to a local address and deny
 * other VXLAN to a local address (IPv4: a plain DROP, Felix's rule does not use the deny action; IPv6:
 * the deny action); with WireGuard on for the IP version, then accept UDP to its port to a local address.
 */
export function filterInputChain(marks: MarkBits, ipip?: IpipRules, vxlan?: VxlanRules, wireguard?: WireguardRules): Chain {
  const deny = ipip?.denyAction === m.REJECT ? 'Reject' : 'Drop';
  return {
    name: CHAIN_INPUT,
    rules: [
      ...(ipip ? [
        rule([m.protocolMatch(IPIP), m.sourceIpSet(ipip.allHostsSet), DEST_LOCAL], m.ACCEPT, 'Allow IPIP packets from Calico hosts'),
        rule([m.protocolMatch(IPIP)], ipip.denyAction, `${deny} IPIP packets from non-Calico hosts`),
      ] : []),
      ...(vxlan ? vxlanInputRules(vxlan) : []),
      ...(wireguard ? [wireguardInput(wireguard)] : []),
      rule([m.inInterface(WORKLOAD_WILDCARD)], m.goTo(CHAIN_WL_TO_HOST), 'From a workload: workload egress policy'),
      rule([m.markSet(marks.accept)], m.ACCEPT, 'Accepted in raw or mangle already'),
      rule([], m.clearMark(allCalicoMarkBits(marks)), 'Clear Calico mark bits'),
      rule([], m.jump(FROM_HOST_DISPATCH), 'Host endpoint ingress policy'),
      rule([m.markSet(marks.accept)], m.ACCEPT, HEP_ACCEPTED),
    ],
  };
}

/**
 * filter `cali-wl-to-host` (static.go filterWorkloadToHostChain): in IPv6 the ICMPv6 accepts first,
 * then workload egress policy, then DefaultEndpointToHostAction (a plain DROP, not the deny action).
 */
export function workloadToHostChain(defaultEndpointToHostAction: string, version: m.IpVersion): Chain {
  const a = defaultEndpointToHostAction.toLowerCase();
  const action = a === 'accept' ? m.ACCEPT : a === 'return' ? m.RETURN : m.DROP;
  const icmpv6 = version === 6
    ? ICMPV6_FROM_WORKLOADS.map((t) => rule([m.protocolMatch('58'), m.icmpMatch(6, t, undefined, false)], m.ACCEPT, `ICMPv6 type ${t} from workloads`))
    : [];
  return {
    name: CHAIN_WL_TO_HOST,
    rules: [
      ...icmpv6,
      rule([], m.jump(FROM_WL_DISPATCH), 'Workload egress policy'),
      rule([], action, 'Configured DefaultEndpointToHostAction'),
    ],
  };
}

/**
 * filter `cali-OUTPUT` (static.go filterOutputChain). With IP-in-IP on (IPv4), IP-in-IP from a local
 * address to Calico hosts is accepted before host endpoint policy; with VXLAN on, VXLAN from a local
 * address to the all-vxlan-net hosts too; with WireGuard on, UDP to its port from a local address.
 */
export function filterOutputChain(marks: MarkBits, ipip?: IpipRules, vxlan?: VxlanRules, wireguard?: WireguardRules): Chain {
  return {
    name: CHAIN_OUTPUT,
    rules: [
      rule([m.markSet(marks.accept)], m.ACCEPT, 'Accepted in raw already'),
      rule([m.outInterface(WORKLOAD_WILDCARD)], m.RETURN, 'Host to workload: not policed'),
      ...(ipip ? [rule([m.protocolMatch(IPIP), m.destIpSet(ipip.allHostsSet), SRC_LOCAL], m.ACCEPT, 'Allow IPIP packets to other Calico hosts')] : []),
      ...(vxlan ? [rule([...udpToPort(vxlan.port), SRC_LOCAL, m.destIpSet(vxlan.allVxlanSet)], m.ACCEPT, `Allow IPv${vxlan.version} VXLAN packets to other allowed hosts`)] : []),
      // any destination: WireGuard's allowed peers are programmed separately (static.go)
      ...(wireguard ? [rule([...udpToPort(wireguard.port), SRC_LOCAL], m.ACCEPT, `Allow outgoing IPv${wireguard.version} Wireguard packets`)] : []),
      rule([], m.clearMark(allCalicoMarkBits(marks)), 'Clear Calico mark bits'),
      rule([m.notConntrackState('DNAT')], m.jump(TO_HOST_DISPATCH), 'Host endpoint egress policy'),
      rule([m.markSet(marks.accept)], m.ACCEPT, HEP_ACCEPTED),
    ],
  };
}

/** filter `cali-FORWARD`. */
export function filterForwardChain(marks: MarkBits): Chain {
  return {
    name: CHAIN_FORWARD,
    rules: [
      rule([], m.clearMark(allCalicoMarkBits(marks) - marks.accept), 'Clear Calico mark bits except accept'),
      rule([m.markClear(marks.accept)], m.jump(FROM_HEP_FORWARD_DISPATCH), 'Host endpoint forward ingress policy'),
      rule([m.inInterface(WORKLOAD_WILDCARD)], m.jump(FROM_WL_DISPATCH), 'Workload egress policy'),
      rule([m.outInterface(WORKLOAD_WILDCARD)], m.jump(TO_WL_DISPATCH), 'Workload ingress policy'),
      rule([], m.jump(TO_HEP_FORWARD_DISPATCH), 'Host endpoint forward egress policy'),
      rule([], m.jump(CHAIN_CIDR_BLOCK), 'Service CIDR loop block'),
    ],
  };
}

/** The rules Felix appends to the built-in FORWARD chain after its `cali-FORWARD` jump. */
export function forwardAppendRules(marks: MarkBits): ReturnType<typeof rule>[] {
  return [
    rule([m.markSet(marks.accept)], m.ACCEPT, 'Policy explicitly accepted packet.'),
    rule([], m.setMark(marks.accept), 'Mark forwarded traffic for mangle POSTROUTING'),
  ];
}

/** raw `-p udp --dport <port>` NOTRACK (static.go: VXLAN uses different source ports each way, so it is not tracked). */
function vxlanNotrack(vxlanPort: number | undefined): ReturnType<typeof rule>[] {
  return vxlanPort === undefined ? [] : [rule([m.protocolMatch('udp'), `--dport ${vxlanPort}`], m.NOTRACK, 'VXLAN is not tracked')];
}

/**
 * raw `cali-PREROUTING`: mark workload traffic, RPF-check it, untracked HEP policy for the rest; with
 * WireGuard host encryption on (`wireguardHostEncryption`), the jump to cali-wireguard-incoming-mark
 * after the mark clear (StaticRawPreroutingChain); with VXLAN on (`vxlanPort`), VXLAN NOTRACK next.
 */
export function rawPreroutingChain(marks: MarkBits, denyAction: string, vxlanPort?: number, wireguardHostEncryption = false): Chain {
  const fromWl = marks.scratch0;
  return {
    name: CHAIN_PREROUTING,
    rules: [
      rule([], m.clearMark(allCalicoMarkBits(marks)), 'Clear Calico mark bits'),
      ...(wireguardHostEncryption ? [rule([], m.jump(CHAIN_WIREGUARD_INCOMING_MARK), 'Mark packets from host interfaces for WireGuard')] : []),
      ...vxlanNotrack(vxlanPort),
      rule([m.inInterface(WORKLOAD_WILDCARD)], m.setMark(fromWl), 'Mark packets from workloads'),
      rule([m.markSet(fromWl)], m.jump(CHAIN_RPF_SKIP), 'Workloads exempt from RPF'),
      rule([m.markSet(fromWl), '-m rpfilter --validmark --invert'], denyAction, 'Drop workload packets failing RPF'),
      rule([m.markClear(fromWl)], m.jump(FROM_HOST_DISPATCH), 'Untracked host endpoint ingress policy'),
      rule([m.markSet(marks.accept)], m.ACCEPT, 'Untracked policy accepted packet'),
    ],
  };
}

/** raw `cali-OUTPUT`; with VXLAN on (`vxlanPort`), VXLAN NOTRACK after untracked host endpoint policy. */
export function rawOutputChain(marks: MarkBits, vxlanPort?: number): Chain {
  return {
    name: CHAIN_OUTPUT,
    rules: [
      rule([], m.clearMark(allCalicoMarkBits(marks)), 'Clear Calico mark bits'),
      rule([], m.jump(TO_HOST_DISPATCH), 'Untracked host endpoint egress policy'),
      ...vxlanNotrack(vxlanPort),
      rule([m.markSet(marks.accept)], m.ACCEPT, 'Untracked policy accepted packet'),
    ],
  };
}

/** mangle `cali-PREROUTING`: established traffic, then preDNAT host endpoint policy. */
export function manglePreroutingChain(marks: MarkBits): Chain {
  return {
    name: CHAIN_PREROUTING,
    rules: [
      rule([m.conntrackState('RELATED,ESTABLISHED')], m.ACCEPT, 'Allow established'),
      rule([m.markSet(marks.accept)], m.ACCEPT, 'Accepted in raw already'),
      rule([], m.jump(FROM_HOST_DISPATCH), 'preDNAT host endpoint policy'),
      rule([m.markSet(marks.accept)], m.ACCEPT, HEP_ACCEPTED),
    ],
  };
}

/** An empty chain (cali-cidr-block, cali-rpf-skip) with nothing configured. */
export function emptyChain(name: string): Chain {
  return { name, rules: [] };
}
