// The nat table Felix programs (felix/rules/static.go StaticNATTableChains, felix/rules/nat.go
// NATOutgoingChain): cali-PREROUTING and cali-OUTPUT jump to cali-fip-dnat, cali-POSTROUTING to
// cali-fip-snat and cali-nat-outgoing; cali-nat-outgoing masquerades (or SNATs to natOutgoingAddress)
// pod traffic from a natOutgoing pool to a destination outside every pool (and, with
// natOutgoingExclusions IPPoolsAndHostIPs, outside all-hosts-net), TCP and UDP into natPortRange
// first when it is set. The floating-IP chains stay empty (OpenStack only). cali-POSTROUTING then
// masquerades, per tunnel device that is on and has its address on the Node, traffic leaving by the
// device from a local address that is not the device's (static.go StaticNATPostroutingChains).
import { FelixSettings, NatOutgoingSettings, NodeInfo, TUNNEL_DEVICE, TunnelKind, tunnelEnabled } from '../engine';
import { CHAIN_OUTPUT, CHAIN_PREROUTING } from './static-chains';
import * as m from './match';
import { Chain, Rule, rule } from './rule';
import { TableSpec } from './table-text';

const CHAIN_POSTROUTING = 'cali-POSTROUTING';
const CHAIN_NAT_OUTGOING = 'cali-nat-outgoing';
const CHAIN_FIP_DNAT = 'cali-fip-dnat';
const CHAIN_FIP_SNAT = 'cali-fip-snat';
/**
 * felix/iptables/actions.go MasqAction and SNATAction with `--random-fully`: Felix adds it when the
 * node's iptables (1.6.2+) and kernel (3.14+) support it (environment/feature_detect_linux.go
 * MASQFullyRandom, SNATFullyRandom), as every supported calico-node image and node does.
 */
const RANDOM_FULLY = '--random-fully';
const masquerade = (toPorts?: string): string => (toPorts === undefined ? `--jump MASQUERADE ${RANDOM_FULLY}` : `--jump MASQUERADE --to-ports ${toPorts} ${RANDOM_FULLY}`);
const snat = (to: string): string => `--jump SNAT --to-source ${to} ${RANDOM_FULLY}`;

/** What the nat table needs: the pool sets, whether any pool has natOutgoing, and Felix's natOutgoing settings. */
export interface NatRules {
  readonly masqPoolsSet: string;
  readonly allPoolsSet: string;
  /** masq_mgr.go: the masquerade rules are there when a pool has natOutgoing. */
  readonly natOutgoingActive: boolean;
  readonly settings: NatOutgoingSettings;
  /** all-hosts-net, when `settings.excludeHosts`. @default - none */
  readonly allHostsSet?: string;
  /** The tunnel devices that get the tunnel-source masquerade, in Felix's order. @default - none */
  readonly tunnelDevices?: readonly string[];
}

/**
 * The tunnel devices of an IP version whose encapsulation is on and whose address the Node has
 * (static.go StaticNATPostroutingChains: IPIPEnabled && IPIPTunnelAddress, VXLANEnabled &&
 * VXLANTunnelAddress, VXLANEnabledV6 && VXLANTunnelAddressV6), in that order, then the WireGuard
 * device when WireGuard is on (its address is assigned at run time, so Felix does not wait for it).
 */
export function tunnelDevices(felix: FelixSettings, node: NodeInfo | undefined, version: m.IpVersion): string[] {
  const t = node?.tunnelAddresses ?? {};
  const kinds: readonly TunnelKind[] = version === 6 ? ['vxlanV6'] : ['ipip', 'vxlan'];
  const wireguard = version === 6 ? felix.wireguardV6 : felix.wireguard;
  return [
    ...kinds.filter((k) => tunnelEnabled(felix, k) && t[k] !== undefined).map((k) => TUNNEL_DEVICE[k]),
    ...(wireguard ? [wireguard.interfaceName] : []),
  ];
}

/**
 * cali-POSTROUTING's rule for a tunnel device (static.go StaticNATPostroutingChains): a packet leaving
 * by it whose source is local but not the device's own address (a socket bound to another address, or
 * host traffic to a service DNATed to a remote pod) is masqueraded to the device's address. Pod
 * sources are not local, so they are left alone. Felix renders MasqAction{}, `--random-fully` as for natOutgoing.
 */
function tunnelMasquerade(device: string): Rule {
  return rule([m.outInterface(device), m.NOT_SRC_LOCAL_OF_OUT_IFACE, m.SRC_LOCAL], masquerade(),
    `Masquerade host traffic leaving ${device} from another local address`);
}

/**
 * The address natOutgoing SNATs to in this IP version, or undefined to masquerade. natOutgoingAddress
 * is IPv4 (config_params.go `ipv4`); Felix puts it in ip6tables too, which ip6tables-restore refuses,
 * so the IPv6 plan masquerades (and the engine judges IPv6 with the node's address).
 */
function snatAddress(n: NatRules, version: m.IpVersion): string | undefined {
  return version === 4 ? n.settings.address : undefined;
}

/** nat `cali-nat-outgoing` (nat.go NATOutgoingChain, makeNATOutgoingRuleIPTables). */
function natOutgoingChain(n: NatRules, version: m.IpVersion): Chain {
  if (!n.natOutgoingActive) return { name: CHAIN_NAT_OUTGOING, rules: [] };
  const match = [m.sourceIpSet(n.masqPoolsSet), m.notDestIpSet(n.allPoolsSet), ...(n.allHostsSet ? [m.notDestIpSet(n.allHostsSet)] : [])];
  const address = snatAddress(n, version);
  const plain = address === undefined ? masquerade() : snat(address);
  const range = n.settings.portRange;
  const rules: Rule[] = [];
  if (range) {
    const ports = `${range.min}-${range.max}`;
    const ranged = address === undefined ? masquerade(ports) : snat(`${address}:${ports}`);
    for (const protocol of ['tcp', 'udp']) {
      rules.push(rule([...match, m.protocolMatch(protocol)], ranged, `natOutgoing: ${protocol} into ports ${ports}`));
      rules.push(rule([...match, m.protocolMatch(protocol)], m.RETURN));
    }
  }
  rules.push(rule(match, plain, 'natOutgoing: pool traffic leaving every pool'));
  return { name: CHAIN_NAT_OUTGOING, rules };
}

/** The nat table of an IP version: the built-in chains' jumps and Calico's chains. */
export function natTable(n: NatRules, version: m.IpVersion): TableSpec {
  const j = (target: string, why: string): ReturnType<typeof rule> => rule([], m.jump(target), why);
  return {
    table: 'nat',
    hooks: new Map([
      ['PREROUTING', [j(CHAIN_PREROUTING, 'Calico nat prerouting')]],
      ['OUTPUT', [j(CHAIN_OUTPUT, 'Calico nat output')]],
      ['POSTROUTING', [j(CHAIN_POSTROUTING, 'Calico nat postrouting')]],
    ]),
    chains: [
      { name: CHAIN_PREROUTING, rules: [j(CHAIN_FIP_DNAT, 'Floating IP DNAT')] },
      {
        name: CHAIN_POSTROUTING,
        rules: [j(CHAIN_FIP_SNAT, 'Floating IP SNAT'), j(CHAIN_NAT_OUTGOING, 'natOutgoing'), ...(n.tunnelDevices ?? []).map(tunnelMasquerade)],
      },
      { name: CHAIN_OUTPUT, rules: [j(CHAIN_FIP_DNAT, 'Floating IP DNAT')] },
      natOutgoingChain(n, version),
      { name: CHAIN_FIP_DNAT, rules: [] },
      { name: CHAIN_FIP_SNAT, rules: [] },
    ],
  };
}
