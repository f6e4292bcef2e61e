// Where a pod's tunnel changes which host endpoint polices its cross-node traffic. Felix dispatches
// the forward host endpoint chains by interface; a pod routed through an IPPool's tunnel crosses the
// tunnel device (evaluate/tunnel-source.ts podRouteDevice), whose host endpoint is the one naming that
// device, else the `*` one, not the node's default for workload peers (interfaces.ts policingOf: the
// `*` or only host endpoint). Where the two police forwarded traffic differently, the truth table and
// the connectivity map key each node by both (workloadNodeClassKey) and judge each pair by its route;
// a device taken between some pairs of nodes and not others (a CrossSubnet pool across subnets,
// WireGuard where some nodes publish no key) they do not follow, and refuse (refuseTunnelPolicing);
// `check` follows every route. The WireGuard device (wireguard.cali, wg-v6.cali) counts as one.
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { applicableTiers } from '../evaluate/chain';
import { FORWARD, PRE_DNAT, UNTRACKED } from '../evaluate/placement';
import { hostEndpointOn, policingOf } from '../evaluate/interfaces';
import { InputError } from '../input/errors';
import { TUNNEL_DEVICE, poolTunnel, routeEncapsulated } from '../model/tunnels';
import { podRouteDevice, wireguardPeer } from '../evaluate/tunnel-source';
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

/** True when two host endpoints (or none) do the same to forwarded pod traffic (a named one without forward, untracked or pre-DNAT policy as none). */
export function forwardPolicingAlike(model: BuiltModel, a: Endpoint | undefined, b: Endpoint | undefined): boolean {
  return effect(model, a) === effect(model, b);
}

/** A device pods' cross-node traffic can take: an enabled pool tunnel's (with its pools) or a WireGuard one (with its IP version). */
interface RouteDevice {
  readonly pools: readonly PoolNat[];
  readonly wireguard?: 4 | 6;
}

/** The devices of enabled pools' tunnels and of the WireGuard versions that are on, by name. */
function routeDevices(model: BuiltModel): Map<string, RouteDevice> {
  const devices = new Map<string, { pools: PoolNat[]; wireguard?: 4 | 6 }>();
  for (const p of model.felix.ipPools) {
    const kind = poolTunnel(model.felix, p);
    if (kind === undefined) continue;
    const d = devices.get(TUNNEL_DEVICE[kind]);
    if (d) d.pools.push(p);
    else devices.set(TUNNEL_DEVICE[kind], { pools: [p] });
  }
  for (const [version, settings] of [[4, model.felix.wireguard], [6, model.felix.wireguardV6]] as const) {
    if (settings !== undefined) devices.set(settings.interfaceName, { pools: [], wireguard: version });
  }
  return devices;
}

function modelNodes(model: BuiltModel): string[] {
  return [...new Set([...model.nodes.map((n) => n.name), ...model.endpoints.map((e) => e.node)])];
}

const differing = new WeakMap<BuiltModel, ReadonlyMap<string, RouteDevice>>();

/** The route devices whose host endpoint polices pods' forwarded traffic unlike the default one on some node. */
function differingDevices(model: BuiltModel): ReadonlyMap<string, RouteDevice> {
  let d = differing.get(model);
  if (d === undefined) {
    const found = new Map<string, RouteDevice>();
    const devices = routeDevices(model);
    if (devices.size > 0) {
      for (const node of modelNodes(model)) {
        const base = effect(model, policingOf(model, node, undefined, undefined, true));
        for (const [device, what] of devices) if (effect(model, hostEndpointOn(model, node, device)) !== base) found.set(device, what);
      }
    }
    d = found;
    differing.set(model, d);
  }
  return d;
}

/** True when some pod's route device changes the host endpoint that polices its cross-node traffic: pairs must then be judged by their route. */
export function tunnelsChangePolicing(model: BuiltModel): boolean {
  return differingDevices(model).size > 0;
}

/**
 * A node's class for workload peers: what its default host endpoint does to forwarded traffic
 * (hostClassKey), and, where route devices change the policing host endpoint, what the host endpoint
 * of each such device does. Nodes of one class police every pair of pods alike.
 */
export function workloadNodeClassKey(model: BuiltModel, node: string): string {
  const base = hostClassKey(model, policingOf(model, node, undefined, undefined, true));
  const devices = differingDevices(model);
  if (devices.size === 0) return base;
  return [base, ...[...devices.keys()].map((d) => `${d}=${hostClassKey(model, hostEndpointOn(model, node, d))}`)].join('\u0002');
}

/** Why pairs of nodes take the device differently (the classes above cannot tell them apart), or undefined when every pair takes it alike. */
function unevenRoute(model: BuiltModel, device: string, what: RouteDevice): string | undefined {
  if (what.wireguard !== undefined) {
    const version = what.wireguard;
    const nodes = modelNodes(model);
    const peers = nodes.filter((n) => wireguardPeer(model, n, version));
    if (peers.length > 0 && peers.length < nodes.length) {
      const other = nodes.find((n) => !wireguardPeer(model, n, version));
      return `WireGuard (IPv${version}) routes pods' traffic through ${device} only between nodes that publish a key of their own (node ${peers[0]} does, node ${other} does not: `
        + `no valid \`projectcalico.org/WireguardPublicKey${version === 6 ? 'V6' : ''}\` annotation, or one another node claims too)`;
    }
    return undefined;
  }
  for (const pool of what.pools) {
    if (pool.crossSubnet !== true) continue;
    const version = ipVersionOf(pool.cidr.split('/')[0]) === 6 ? 6 : 4;
    const seen = new Set<boolean>();
    for (const a of model.nodes) for (const b of model.nodes) if (a !== b) seen.add(routeEncapsulated(pool, a, b, version));
    if (seen.size > 1) return `IPPool ${pool.name} (CrossSubnet) is routed through ${device} between some pairs of nodes and directly between others`;
  }
  return undefined;
}

/**
 * Throws when a route device that changes the policing host endpoint is taken between some pairs of
 * nodes and not between others: a CrossSubnet pool across subnets, WireGuard with some nodes
 * publishing no key; `what` names the command.
 */
export function refuseTunnelPolicing(model: BuiltModel, what: string): void {
  for (const [device, route] of differingDevices(model)) {
    const why = unevenRoute(model, device, route);
    if (why === undefined) continue;
    throw new InputError(`${what}: ${why}, and the host endpoint policing ${device} (one naming it, else the \`*\` one) holds other forward, untracked or pre-DNAT policies `
      + 'than a node\'s default one (its `*` or only host endpoint); the table and the connectivity map do not follow each pair of nodes\' route yet: use `netsec check` for such flows, '
      + 'or give the host endpoints the same applyOnForward and pre-DNAT policies');
  }
}

/** An address of each pool with a tunnel, and of each IP version with WireGuard on: what a pod's route can depend on. */
function routeProbes(model: BuiltModel): string[] {
  const out = model.felix.ipPools.filter((p) => poolTunnel(model.felix, p) !== undefined).map((p) => p.cidr.split('/')[0]);
  if (model.felix.wireguard) out.push('0.0.0.0');
  if (model.felix.wireguardV6) out.push('::');
  return out;
}

/**
 * What a host's (or a tunnel address's) traffic to pods of `node` reads of the route from `from`: for
 * each pool with a tunnel and each WireGuard version, the device its pods are reached through and
 * what that device's host endpoint on `node` does ('' when nothing is tunnelled). Single rows of the
 * truth table key their views by it, next to the host endpoint policingOf picks.
 */
export function hostRouteViewKey(model: BuiltModel, from: string | undefined, node: string): string {
  if (from === undefined || from === node) return '';
  const parts: string[] = [];
  for (const ip of routeProbes(model)) {
    const device = podRouteDevice(model, from, node, ip);
    parts.push(device === undefined ? '-' : `${device}=${hostClassKey(model, hostEndpointOn(model, node, device))}`);
  }
  return parts.join(',');
}
