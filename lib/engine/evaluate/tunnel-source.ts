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
import { TUNNEL_DEVICE, TunnelKind, poolTunnel, routeEncapsulated } from '../model/tunnels';


/** The tunnel address the destination sees and the note, or undefined when the source is not rewritten. */
export function tunnelSourceView(model: BuiltModel, flow: Flow): { readonly flow: Flow; readonly note: string } | undefined {
  const dst = flow.destination.endpoint;
  const dstIp = flow.destination.ip;
  if (dst?.kind !== 'workload' || dstIp === undefined || flow.source.endpoint?.kind === 'workload') return undefined;
  const node = hostNodeOf(model, flow.source);
  if (node === undefined || node === dst.node) return undefined;
  const version = ipVersionOf(dstIp);
  const pool = model.felix.ipPools.find((p) => ipVersionOf(p.cidr.split('/')[0]) === version && CidrMatcher.parse(p.cidr).contains(dstIp));
  const kind = pool === undefined ? undefined : poolTunnel(model.felix, pool);
  if (pool === undefined || kind === undefined) return undefined;
  const from = model.nodes.find((n) => n.name === node);
  if (!routeEncapsulated(pool, from, model.nodes.find((n) => n.name === dst.node), version === 6 ? 6 : 4)) return undefined;
  const address = from?.tunnelAddresses?.[kind];
  if (address === undefined || address === flow.source.ip) return undefined;
  return {
    flow: { ...flow, source: { id: address, ip: address } },
    note: `tunnel: ${flow.source.id} reaches ${flow.destination.id} through ${TUNNEL_DEVICE[kind]} (IPPool ${pool.name}${pool.crossSubnet === true ? ', CrossSubnet: the nodes are not in one subnet' : ''}), so it arrives from node ${node}'s tunnel address ${address} `
      + '(the kernel\'s source for the tunnel route, and nat cali-POSTROUTING\'s masquerade of any other local source), which is the source this side\'s policy sees',
  };
}

/**
 * The limit of the truth table and the connectivity map where tunnelSourceView applies (a Node with
 * the tunnel address of an enabled Always pool): they judge a host's traffic to another node's pod
 * with the address it names; `check` judges it with the tunnel address. Undefined when no pool and
 * Node make it apply.
 */
export function tunnelSourceLimit(model: BuiltModel): string | undefined {
  const kinds = new Set<TunnelKind>();
  const senders = new Set<string>();
  for (const p of model.felix.ipPools) {
    const kind = poolTunnel(model.felix, p);
    if (kind === undefined) continue;
    const version = kind === 'vxlanV6' ? 6 : 4;
    for (const n of model.nodes) {
      if (n.tunnelAddresses?.[kind] === undefined) continue;
      if (!model.nodes.some((o) => o !== n && routeEncapsulated(p, n, o, version))) continue;
      kinds.add(kind);
      senders.add(n.name);
    }
  }
  const nodes = model.nodes.filter((n) => senders.has(n.name)).map((n) => n.name);
  if (nodes.length === 0) return undefined;
  return `a host's traffic to a pod of another node through ${[...kinds].map((k) => TUNNEL_DEVICE[k]).join(', ')} arrives from the sending node's tunnel address `
    + `(nodes ${nodes.join(', ')}); \`check\` judges it so, but this table or map judges it with the node address it names (not modelled here yet)`;
}
