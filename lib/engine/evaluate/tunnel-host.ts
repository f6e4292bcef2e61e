// Felix's encapsulation host rules (felix/rules/static.go filterInputChain, filterOutputChain):
// with IP-in-IP on (IPv4), filter cali-INPUT accepts IP-in-IP from a Calico host (the all-hosts-net set)
// to a local address and denies any other; with VXLAN on for the IP version (VXLANEnabled,
// VXLANEnabledV6), it accepts UDP to the VXLAN port from a VXLAN host (the all-vxlan-net set of that
// version) to a local address and denies any other (IPv4: a plain DROP; IPv6: the filter deny action).
// With WireGuard on for the IP version (wireguardEnabled, wireguardEnabledV6), cali-INPUT then accepts
// UDP to its listening port to a local address from anyone (FilterInputChainAllowWG: WireGuard's own
// peer list decides). All come before anything else in the chain (workload egress and host endpoint
// policy included). cali-OUTPUT accepts the host's own IP-in-IP / VXLAN to those hosts, and its
// WireGuard UDP to any host, before host endpoint egress policy.
import { ipVersionOf } from '../../model/net';
import { EngineModel } from '../model/types';
import { Flow, StageTrace } from './types';
import { IPIP_PROTOCOL, withDenyAction } from './workload-static';
import { BuiltModel } from '../model/build';

const UDP = 17;
const members = new WeakMap<EngineModel, { readonly [version: number]: ReadonlySet<string> }>();

/**
 * The `all-hosts-net` set (felix/dataplane/linux/ipset_hosts_mgr.go): each node's InternalIP of the
 * IP version, the address calico-node's autodetection picks by default. The plan renders this set.
 */
export function allHostsNet(model: EngineModel, version: number): string[] {
  const out = new Set<string>();
  for (const n of model.nodes) {
    const a = n.addresses.find((x) => x.type === 'InternalIP' && ipVersionOf(x.address) === version);
    if (a) out.add(a.address);
  }
  return [...out].sort();
}

/**
 * The `all-vxlan-net` set (felix/dataplane/linux/vxlan_mgr.go: each VTEP's parent device address).
 * A node's VTEP parent is its autodetected address, the InternalIP: so the same members as
 * all-hosts-net (every node is taken to have a VXLAN tunnel, as calico-node gives one to each node
 * with a block of a VXLAN pool).
 */
export function allVxlanNet(model: EngineModel, version: number): string[] {
  return allHostsNet(model, version);
}

function isCalicoHost(model: EngineModel, ip: string | undefined): boolean {
  let sets = members.get(model);
  if (!sets) {
    sets = { 4: new Set(allHostsNet(model, 4)), 6: new Set(allHostsNet(model, 6)) };
    members.set(model, sets);
  }
  const version = ip === undefined ? undefined : ipVersionOf(ip);
  return ip !== undefined && version !== undefined && (sets[version]?.has(ip) ?? false);
}

type Tunnel = 'ipip' | 'vxlan' | 'wireguard';

function tunnelOf(model: EngineModel, flow: Flow): Tunnel | undefined {
  const version = ipVersionOf(flow.destination.ip ?? '');
  const vxlanOn = version === 4 ? model.felix.vxlanEnabled : version === 6 && model.felix.vxlanEnabledV6;
  if (version === 4 && model.felix.ipipEnabled && flow.protocol === IPIP_PROTOCOL) return 'ipip';
  if (vxlanOn && flow.protocol === UDP && flow.port === model.felix.vxlanPort) return 'vxlan';
  const wg = version === 4 ? model.felix.wireguard : version === 6 ? model.felix.wireguardV6 : undefined;
  if (wg && flow.protocol === UDP && flow.port === wg.port) return 'wireguard';
  return undefined;
}

const wireguardText = (flow: Flow): string => `WireGuard (UDP ${flow.port ?? ''}, IPv${ipVersionOf(flow.destination.ip ?? '') ?? ''})`;

/** cali-INPUT's IP-in-IP, VXLAN or WireGuard rules for a packet to the node's own address, or undefined when they do not apply. */
export function tunnelInputStage(model: BuiltModel, node: string, flow: Flow): StageTrace | undefined {
  const tunnel = tunnelOf(model, flow);
  if (tunnel === undefined) return undefined;
  const endpoint = `node/${node}`;
  if (tunnel === 'wireguard') {
    return { stage: 'host-wireguard', endpoint, tiers: [], verdict: 'allow', reason: `${wireguardText(flow)} to a local address is accepted in cali-INPUT before host endpoint policy, from any source` };
  }
  const known = isCalicoHost(model, flow.source.ip);
  if (tunnel === 'ipip') {
    if (known) return { stage: 'host-ipip', endpoint, tiers: [], verdict: 'allow', reason: 'IP-in-IP from a Calico host is accepted in cali-INPUT before host endpoint policy' };
    return withDenyAction(model, {
      stage: 'host', endpoint, tiers: [], verdict: 'deny',
      reason: 'IP-in-IP from a non-Calico host (not in all-hosts-net) is dropped in cali-INPUT (IP-in-IP is on: an IPPool with ipipMode Always or CrossSubnet)',
    });
  }
  const port = model.felix.vxlanPort;
  if (known) return { stage: 'host-vxlan', endpoint, tiers: [], verdict: 'allow', reason: `VXLAN (UDP ${port}) from a Calico host is accepted in cali-INPUT before host endpoint policy` };
  const v6 = ipVersionOf(flow.destination.ip ?? '') === 6;
  const denied: StageTrace = {
    stage: 'host', endpoint, tiers: [], verdict: 'deny',
    reason: v6
      ? `IPv6 VXLAN (UDP ${port}) from a host not in all-vxlan-net is dropped in cali-INPUT (IPv6 VXLAN is on: an IPv6 IPPool with vxlanMode Always or CrossSubnet)`
      : `VXLAN (UDP ${port}) from a host not in all-vxlan-net is dropped in cali-INPUT (VXLAN is on: an IPPool with vxlanMode Always or CrossSubnet, or vxlanEnabled)`,
  };
  // static.go: the IPv4 rule is a plain DROP, whatever iptablesFilterDenyAction says; the IPv6 one uses it
  return v6 ? withDenyAction(model, denied) : denied;
}

/** cali-OUTPUT's IP-in-IP or VXLAN accept for the host's packet to a Calico host (WireGuard: to any host), or undefined when it does not apply. */
export function tunnelOutputStage(model: BuiltModel, node: string, flow: Flow): StageTrace | undefined {
  const tunnel = tunnelOf(model, flow);
  if (tunnel === 'wireguard') {
    return { stage: 'host-wireguard', endpoint: `node/${node}`, tiers: [], verdict: 'allow', reason: `${wireguardText(flow)} from the host is accepted in cali-OUTPUT before host endpoint policy, to any destination` };
  }
  if (tunnel === undefined || !isCalicoHost(model, flow.destination.ip)) return undefined;
  return {
    stage: `host-${tunnel}`, endpoint: `node/${node}`, tiers: [], verdict: 'allow',
    reason: `${tunnel === 'ipip' ? 'IP-in-IP' : `VXLAN (UDP ${model.felix.vxlanPort})`} to a Calico host is accepted in cali-OUTPUT before host endpoint policy`,
  };
}
