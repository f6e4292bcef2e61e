// The source a remote pod sees for its node's peer's host traffic that goes through a tunnel. A host
// reaching a pod of another node in a pool with ipipMode (vxlanMode) Always sends it down tunl0
// (vxlan.calico, vxlan-v6.calico); the packet leaves with the tunnel's address: the kernel picks it as
// the source for a route by the tunnel device, and nat cali-POSTROUTING masquerades any other local
// source to it (static.go StaticNATPostroutingChains, nat-chains.ts). So the destination's policy sees
// the source node's tunnel address (its Node annotation), not the address the flow names. A
// CrossSubnet pool's tunnel is used only when the destination node is outside the sending node's
// subnet, as Felix's route resolver decides it (model/tunnels.ts routeEncapsulated). Not followed:
// WireGuard (its routing is not modelled).
import { ipVersionOf } from '../../model/net';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { hostNodeOf } from './sides';
import { Flow } from './types';
import { NodeInfo, PoolNat } from '../model/types';
import { TUNNEL_DEVICE, TunnelKind, poolTunnel, routeEncapsulated } from '../model/tunnels';

interface PoolTunnel {
  readonly matcher: CidrMatcher;
  readonly version: number | undefined;
  readonly name: string;
  readonly pool: PoolNat;
  /** The tunnel of the pool's remote blocks (an enabled Always or CrossSubnet mode); undefined when none. */
  readonly kind?: TunnelKind;
}

/** Every pool with its matcher and tunnel, and whether some pool has a tunnel. */
interface TunnelPools {
  readonly pools: readonly PoolTunnel[];
  readonly tunnelled: boolean;
}

const poolTunnels = new WeakMap<BuiltModel, TunnelPools>();

function tunnelPools(model: BuiltModel): TunnelPools {
  let t = poolTunnels.get(model);
  if (!t) {
    const pools = model.felix.ipPools.map((p): PoolTunnel => ({
      matcher: CidrMatcher.parse(p.cidr), version: ipVersionOf(p.cidr.split('/')[0]), name: p.name, pool: p, kind: poolTunnel(model.felix, p),
    }));
    t = { pools, tunnelled: pools.some((p) => p.kind !== undefined) };
    poolTunnels.set(model, t);
  }
  return t;
}

/** The first pool of the address's IP version that holds it, when that pool has a tunnel; else undefined. */
function tunnelPoolOf(model: BuiltModel, ip: string): PoolTunnel | undefined {
  const version = ipVersionOf(ip);
  const pool = tunnelPools(model).pools.find((p) => p.version === version && p.matcher.contains(ip));
  return pool?.kind === undefined ? undefined : pool;
}

/** The tunnel another node's host reaches the address through (its pool's), or undefined: what a pod's address adds to its verdicts. */
export function addressTunnel(model: BuiltModel, ip: string | undefined): TunnelKind | undefined {
  if (ip === undefined || !tunnelPools(model).tunnelled) return undefined;
  return tunnelPoolOf(model, ip)?.kind;
}

/** The tunnel address the destination sees and the note, or undefined when the source is not rewritten. */
export function tunnelSourceView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note: string } | undefined {
  const dst = flow.destination.endpoint;
  const dstIp = flow.destination.ip;
  if (dst?.kind !== 'workload' || dstIp === undefined || flow.source.endpoint?.kind === 'workload' || !tunnelPools(model).tunnelled) return undefined;
  const node = hostNodeOf(model, flow.source);
  if (node === undefined || node === dst.node) return undefined;
  const pool = tunnelPoolOf(model, dstIp);
  const kind = pool?.kind;
  if (pool === undefined || kind === undefined) return undefined;
  const from = model.nodes.find((n) => n.name === node);
  if (!routeEncapsulated(pool.pool, from, model.nodes.find((n) => n.name === dst.node), pool.version === 6 ? 6 : 4)) return undefined;
  const address = from?.tunnelAddresses?.[kind];
  if (address === undefined || address === flow.source.ip) return undefined;
  return {
    flow: { ...flow, source: { id: address, ip: address } },
    note: `tunnel source: ${flow.source.id} reaches ${flow.destination.id} through ${TUNNEL_DEVICE[kind]} (IPPool ${pool.name}${pool.pool.crossSubnet === true ? ', CrossSubnet: the nodes are not in one subnet' : ''}), so it arrives from node ${node}'s tunnel address ${address} `
      + '(the kernel\'s source for the tunnel route, and nat cali-POSTROUTING\'s masquerade of any other local source), which is the source this side\'s policy sees',
  };
}

const nodesByName = new WeakMap<BuiltModel, Map<string, NodeInfo>>();

/** The model's Nodes by name (the first of each name), indexed once per model. */
function nodeIndex(model: BuiltModel): Map<string, NodeInfo> {
  let byName = nodesByName.get(model);
  if (!byName) {
    byName = new Map();
    for (const n of model.nodes) if (!byName.has(n.name)) byName.set(n.name, n);
    nodesByName.set(model, byName);
  }
  return byName;
}

/**
 * The tunnel a pod's packet to a pod of another node goes through, or undefined when it is routed
 * directly: Felix routes the destination's block through its pool's tunnel (Always, or CrossSubnet
 * with the nodes in different subnets, routeEncapsulated). The packet then leaves the sending node by
 * the tunnel device and enters the receiving node by it, so the host endpoint that polices it as
 * forwarded traffic on either node is the one on that device (or the `*` one), not the node's main
 * interface's (felix/rules/dispatch.go dispatches cali-from-hep-forward and cali-to-hep-forward by
 * interface).
 */
function podRouteTunnel(model: BuiltModel, fromNode: string, toNode: string, dstIp: string | undefined): TunnelKind | undefined {
  if (dstIp === undefined || fromNode === toNode || !tunnelPools(model).tunnelled) return undefined;
  const pool = tunnelPoolOf(model, dstIp);
  if (pool?.kind === undefined) return undefined;
  if (pool.pool.crossSubnet !== true) return pool.kind;
  const byName = nodeIndex(model);
  return routeEncapsulated(pool.pool, byName.get(fromNode), byName.get(toNode), pool.version === 6 ? 6 : 4) ? pool.kind : undefined;
}

const tunnelOwners = new WeakMap<BuiltModel, Map<string, string>>();

/**
 * The node a packet to another node's pod is sent from: a pod's node, a host's node, or the node whose
 * tunnel address it carries (the tunnel source above); undefined for an address outside the cluster.
 */
export function sendingNode(model: BuiltModel, party: Flow['source']): string | undefined {
  if (party.endpoint) return party.endpoint.node;
  const host = hostNodeOf(model, party);
  if (host !== undefined || party.ip === undefined) return host;
  let owners = tunnelOwners.get(model);
  if (!owners) {
    owners = new Map();
    for (const n of nodeIndex(model).values()) {
      for (const a of Object.values(n.tunnelAddresses ?? {})) if (a !== undefined && !owners.has(a)) owners.set(a, n.name);
    }
    tunnelOwners.set(model, owners);
  }
  return owners.get(party.ip);
}

const wireguardKeyHolders = new WeakMap<BuiltModel, Map<string, number>>();

/** How many of the model's Nodes claim each WireGuard key (either IP version), counted once per model. */
function keyHolders(model: BuiltModel): Map<string, number> {
  let counts = wireguardKeyHolders.get(model);
  if (!counts) {
    counts = new Map();
    for (const n of nodeIndex(model).values()) {
      for (const k of [n.wireguardKeys?.v4, n.wireguardKeys?.v6]) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    wireguardKeyHolders.set(model, counts);
  }
  return counts;
}

/** True when Felix programs the node as a WireGuard peer of the IP version: a key no other node claims (wireguard.go shouldProgramWireguardPeer). */
export function wireguardPeer(model: BuiltModel, node: string, version: 4 | 6): boolean {
  const n = nodeIndex(model).get(node);
  const key = version === 6 ? n?.wireguardKeys?.v6 : n?.wireguardKeys?.v4;
  return key !== undefined && keyHolders(model).get(key) === 1 && n !== undefined && n.addresses.length > 0;
}

/**
 * The WireGuard device a pod's packet to a pod of another node goes through, or undefined: with
 * WireGuard on for the IP version, Felix routes the other node's pod CIDRs to its device when that
 * node is a peer (felix/wireguard/wireguard.go updateRouteTableFromNodeUpdates; the WireGuard routing
 * rule comes before the main table, so it wins over an IP-in-IP or VXLAN route); the receiving node
 * takes the packet in by its own device only from a peer, so both nodes must be peers.
 */
function wireguardRoute(model: BuiltModel, fromNode: string, toNode: string, version: 4 | 6): string | undefined {
  const settings = version === 6 ? model.felix.wireguardV6 : model.felix.wireguard;
  if (settings === undefined) return undefined;
  return wireguardPeer(model, fromNode, version) && wireguardPeer(model, toNode, version) ? settings.interfaceName : undefined;
}

/**
 * The device a pod's packet to a pod of another node leaves and enters the nodes by, when it is not
 * the main interface: the WireGuard device (wireguardRoute), else the pool's tunnel (podRouteTunnel);
 * undefined when routed directly.
 */
export function podRouteDevice(model: BuiltModel, fromNode: string, toNode: string, dstIp: string | undefined): string | undefined {
  if (dstIp === undefined || fromNode === toNode) return undefined;
  const wg = wireguardRoute(model, fromNode, toNode, ipVersionOf(dstIp) === 6 ? 6 : 4);
  if (wg !== undefined) return wg;
  const kind = podRouteTunnel(model, fromNode, toNode, dstIp);
  return kind === undefined ? undefined : TUNNEL_DEVICE[kind];
}
