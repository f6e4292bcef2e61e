// Calico's tunnel devices and which one carries a pool's traffic: one definition for the engine's
// tunnel source (evaluate/tunnel-source.ts) and the plan's tunnel-source masquerade (nat-chains.ts).
import { ipVersionOf } from '../../model/net';
import { NodeInfo, TunnelAddresses } from '../input/inventory';
import { CidrMatcher } from './address-match';
import { FelixSettings, PoolNat } from './types';

/** A tunnel a Node can have an address on: IPv4 IP-in-IP, IPv4 VXLAN, IPv6 VXLAN. */
export type TunnelKind = keyof TunnelAddresses;

/** The device of each tunnel (felix dataplanedefs.go IPIPIfaceName, VXLANIfaceNameV4, VXLANIfaceNameV6). */
export const TUNNEL_DEVICE: { readonly [K in TunnelKind]: string } = { ipip: 'tunl0', vxlan: 'vxlan.calico', vxlanV6: 'vxlan-v6.calico' };

/** True when Felix has the tunnel on (IP-in-IP, VXLAN of the IP version). */
export function tunnelEnabled(felix: FelixSettings, kind: TunnelKind): boolean {
  return kind === 'ipip' ? felix.ipipEnabled : kind === 'vxlan' ? felix.vxlanEnabled : felix.vxlanEnabledV6;
}

/** The tunnel routes to the pool's remote blocks use (ipipMode or vxlanMode Always or CrossSubnet), when Felix has it on; undefined otherwise. */
export function poolTunnel(felix: FelixSettings, pool: PoolNat): TunnelKind | undefined {
  const v6 = ipVersionOf(pool.cidr.split('/')[0]) === 6;
  const kind: TunnelKind | undefined = pool.tunnel === 'ipip' ? (v6 ? undefined : 'ipip') : pool.tunnel === 'vxlan' ? (v6 ? 'vxlanV6' : 'vxlan') : undefined;
  return kind !== undefined && tunnelEnabled(felix, kind) ? kind : undefined;
}

/**
 * A node's address and subnet of one IP version as Felix's route resolver knows them
 * (felix/calc/l3_route_resolver.go OnResourceUpdate): from the BGP address annotations when the node
 * has either, else the InternalIP (then ExternalIP) with no subnet (a /32 or /128).
 */
function routeAddress(node: NodeInfo | undefined, version: 4 | 6): { readonly address: string; readonly subnet: string } | undefined {
  if (node === undefined) return undefined;
  if (node.bgpAddresses !== undefined) {
    const written = version === 4 ? node.bgpAddresses.v4 : node.bgpAddresses.v6;
    return written === undefined ? undefined : { address: written.split('/')[0], subnet: written };
  }
  const of = (type: string): string | undefined => node.addresses.find((a) => a.type === type && ipVersionOf(a.address) === version)?.address;
  const address = of('InternalIP') ?? of('ExternalIP');
  return address === undefined ? undefined : { address, subnet: address };
}

/**
 * True when a route from one node to a pool's block on another goes through the pool's tunnel: always
 * for Always; for CrossSubnet unless the destination node's address is in the sending node's subnet
 * (l3_route_resolver.go nodeInOurSubnet: false when either node's address is unknown).
 */
export function routeEncapsulated(pool: PoolNat, from: NodeInfo | undefined, to: NodeInfo | undefined, version: 4 | 6): boolean {
  if (pool.crossSubnet !== true) return true;
  const local = routeAddress(from, version);
  const remote = routeAddress(to, version);
  return local === undefined || remote === undefined || !CidrMatcher.parse(local.subnet).contains(remote.address);
}
