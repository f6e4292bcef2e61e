// The source a remote pod sees for its node's peer's host traffic that goes through a tunnel. A host
// reaching a pod of another node in a pool with ipipMode (vxlanMode) Always sends it down tunl0
// (vxlan.calico, vxlan-v6.calico); the packet leaves with the tunnel's address: the kernel picks it as
// the source for a route by the tunnel device, and nat cali-POSTROUTING masquerades any other local
// source to it (static.go StaticNATPostroutingChains, nat-chains.ts). So the destination's policy sees
// the source node's tunnel address (its Node annotation), not the address the flow names. Not
// followed: CrossSubnet pools (the tunnel is used only across subnets) and WireGuard (its address is
// assigned at run time and not in the inventory).
import { ipVersionOf } from '../../model/net';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { hostNodeOf } from './sides';
import { Flow } from './types';

const DEVICE = { ipip: 'tunl0', vxlan: 'vxlan.calico', vxlanV6: 'vxlan-v6.calico' } as const;

/** The tunnel address the destination sees and the note, or undefined when the source is not rewritten. */
export function tunnelSourceView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note: string } | undefined {
  const dst = flow.destination.endpoint;
  const dstIp = flow.destination.ip;
  if (dst?.kind !== 'workload' || dstIp === undefined || flow.source.endpoint?.kind === 'workload') return undefined;
  const node = hostNodeOf(model, flow.source);
  if (node === undefined || node === dst.node) return undefined;
  const version = ipVersionOf(dstIp);
  const pool = model.felix.ipPools.find((p) => ipVersionOf(p.cidr.split('/')[0]) === version && CidrMatcher.parse(p.cidr).contains(dstIp));
  const f = model.felix;
  const kind = pool?.tunnel === 'ipip' && version === 4 && f.ipipEnabled ? 'ipip'
    : pool?.tunnel === 'vxlan' && version === 4 && f.vxlanEnabled ? 'vxlan'
      : pool?.tunnel === 'vxlan' && version === 6 && f.vxlanEnabledV6 ? 'vxlanV6' : undefined;
  if (kind === undefined) return undefined;
  const address = model.nodes.find((n) => n.name === node)?.tunnelAddresses?.[kind];
  if (address === undefined || address === flow.source.ip) return undefined;
  return {
    flow: { ...flow, source: { id: address, ip: address } },
    note: `tunnel: ${flow.source.id} reaches ${flow.destination.id} through ${DEVICE[kind]} (IPPool ${pool?.name ?? ''}), so it arrives from node ${node}'s tunnel address ${address} `
      + '(the kernel\'s source for the tunnel route, and nat cali-POSTROUTING\'s masquerade of any other local source), which is the source this side\'s policy sees',
  };
}
