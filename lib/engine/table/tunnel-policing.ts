// Where a pod's tunnel changes which host endpoint polices its cross-node traffic. Felix dispatches
// the forward host endpoint chains by interface; a pod routed through an IPPool's tunnel crosses the
// tunnel device (evaluate/tunnel-source.ts podRouteDevice), whose host endpoint is the one naming that
// device, else the `*` one, not the node's default for workload peers (interfaces.ts policingOf: the
// `*` or only host endpoint). Where the two police forwarded traffic differently, the truth table and
// the connectivity map key each node by both (workloadNodeClassKey) and judge each pair by its route;
// a CrossSubnet pool whose route differs from one pair of nodes to another they do not follow, and
// refuse (refuseTunnelPolicing); `check` follows every route.
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { applicableTiers } from '../evaluate/chain';
import { FORWARD, PRE_DNAT, UNTRACKED } from '../evaluate/placement';
import { hostEndpointOn, policingOf } from '../evaluate/interfaces';
import { InputError } from '../input/errors';
import { TUNNEL_DEVICE, TunnelKind, poolTunnel, routeEncapsulated } from '../model/tunnels';
import { PoolNat } from '../model/types';
import { ipVersionOf } from '../../model/net';
import { hostClassKey } from './host-class';

/** True when no policy sits in the host endpoint's forward, untracked or pre-DNAT chains: it polices forwarded pod traffic as no host endpoint does. */
function inert(model: BuiltModel, hep: Endpoint): boolean {
  return applicableTiers(model, hep, 'egress', FORWARD).length === 0 && applicableTiers(model, hep, 'ingress', FORWARD).length === 0
    && applicableTiers(model, hep, 'ingress', UNTRACKED).length === 0 && applicableTiers(model, hep, 'ingress', PRE_DNAT).length === 0;
}

function effect(model: BuiltModel, hep: Endpoint | undefined): string {
  return hep === undefined || (hep.interfaceName !== '*' && inert(model, hep)) ? 'none' : hostClassKey(model, hep);
}

/** The tunnels of enabled pools, each with the first pool using it. */
function enabledTunnels(model: BuiltModel): Map<TunnelKind, PoolNat[]> {
  const tunnels = new Map<TunnelKind, PoolNat[]>();
  for (const p of model.felix.ipPools) {
    const kind = poolTunnel(model.felix, p);
    if (kind !== undefined) tunnels.set(kind, [...(tunnels.get(kind) ?? []), p]);
  }
  return tunnels;
}

function modelNodes(model: BuiltModel): string[] {
  return [...new Set([...model.nodes.map((n) => n.name), ...model.endpoints.map((e) => e.node)])];
}

const differing = new WeakMap<BuiltModel, ReadonlySet<TunnelKind>>();

/** The tunnels whose device's host endpoint polices pods' forwarded traffic unlike the default one on some node. */
function differingTunnels(model: BuiltModel): ReadonlySet<TunnelKind> {
  let d = differing.get(model);
  if (d === undefined) {
    const found = new Set<TunnelKind>();
    const tunnels = enabledTunnels(model);
    if (tunnels.size > 0) {
      for (const node of modelNodes(model)) {
        const base = effect(model, policingOf(model, node, undefined, undefined, true));
        for (const kind of tunnels.keys()) if (effect(model, hostEndpointOn(model, node, TUNNEL_DEVICE[kind])) !== base) found.add(kind);
      }
    }
    d = found;
    differing.set(model, d);
  }
  return d;
}

/** True when some pod's tunnel changes the host endpoint that polices its cross-node traffic: pairs must then be judged by their route. */
export function tunnelsChangePolicing(model: BuiltModel): boolean {
  return differingTunnels(model).size > 0;
}

/**
 * A node's class for workload peers: what its default host endpoint does to forwarded traffic
 * (hostClassKey), and, where tunnels change the policing host endpoint, what the host endpoint of
 * each such tunnel's device does. Nodes of one class police every pair of pods alike.
 */
export function workloadNodeClassKey(model: BuiltModel, node: string): string {
  const base = hostClassKey(model, policingOf(model, node, undefined, undefined, true));
  const kinds = differingTunnels(model);
  if (kinds.size === 0) return base;
  return [base, ...[...kinds].map((k) => `${k}=${hostClassKey(model, hostEndpointOn(model, node, TUNNEL_DEVICE[k]))}`)].join('\u0002');
}

/**
 * Throws when a CrossSubnet pool whose tunnel changes the policing host endpoint is tunnelled between
 * some pairs of nodes and not between others (the classes above do not tell such pairs apart); `what`
 * names the command.
 */
export function refuseTunnelPolicing(model: BuiltModel, what: string): void {
  const kinds = differingTunnels(model);
  if (kinds.size === 0) return;
  const nodes = model.nodes;
  for (const [kind, pools] of enabledTunnels(model)) {
    if (!kinds.has(kind)) continue;
    for (const pool of pools) {
      if (pool.crossSubnet !== true) continue;
      const version = ipVersionOf(pool.cidr.split('/')[0]) === 6 ? 6 : 4;
      const seen = new Set<boolean>();
      for (const a of nodes) for (const b of nodes) if (a !== b) seen.add(routeEncapsulated(pool, a, b, version));
      if (seen.size > 1) {
        const device = TUNNEL_DEVICE[kind];
        throw new InputError(`${what}: IPPool ${pool.name} (CrossSubnet) is routed through ${device} between some pairs of nodes and directly between others, `
          + `and the host endpoint policing ${device} (one naming it, else the \`*\` one) holds other forward, untracked or pre-DNAT policies than a node's default one `
          + '(its `*` or only host endpoint); the table and the connectivity map do not follow each pair of nodes\' route yet: use `netsec check` for such flows, '
          + 'or give the host endpoints the same applyOnForward and pre-DNAT policies');
      }
    }
  }
}
