// Calico's tunnel devices and which one carries a pool's traffic: one definition for the engine's
// tunnel source (evaluate/tunnel-source.ts) and the plan's tunnel-source masquerade (nat-chains.ts).
import { ipVersionOf } from '../../model/net';
import { TunnelAddresses } from '../input/inventory';
import { FelixSettings, PoolNat } from './types';

/** A tunnel a Node can have an address on: IPv4 IP-in-IP, IPv4 VXLAN, IPv6 VXLAN. */
export type TunnelKind = keyof TunnelAddresses;

/** The device of each tunnel (felix dataplanedefs.go IPIPIfaceName, VXLANIfaceNameV4, VXLANIfaceNameV6). */
export const TUNNEL_DEVICE: { readonly [K in TunnelKind]: string } = { ipip: 'tunl0', vxlan: 'vxlan.calico', vxlanV6: 'vxlan-v6.calico' };

/** True when Felix has the tunnel on (IP-in-IP, VXLAN of the IP version). */
export function tunnelEnabled(felix: FelixSettings, kind: TunnelKind): boolean {
  return kind === 'ipip' ? felix.ipipEnabled : kind === 'vxlan' ? felix.vxlanEnabled : felix.vxlanEnabledV6;
}

/** The tunnel every route to the pool's remote blocks uses (ipipMode or vxlanMode Always), when Felix has it on; undefined otherwise. */
export function poolTunnel(felix: FelixSettings, pool: PoolNat): TunnelKind | undefined {
  const v6 = ipVersionOf(pool.cidr.split('/')[0]) === 6;
  const kind: TunnelKind | undefined = pool.tunnel === 'ipip' ? (v6 ? undefined : 'ipip') : pool.tunnel === 'vxlan' ? (v6 ? 'vxlanV6' : 'vxlan') : undefined;
  return kind !== undefined && tunnelEnabled(felix, kind) ? kind : undefined;
}
