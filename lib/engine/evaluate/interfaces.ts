// Which host endpoint polices traffic crossing a node interface. Felix dispatches host endpoint
// chains by interface (`-i <iface>` / `-o <iface>` in cali-from-host-endpoint, cali-to-host-endpoint,
// cali-from-hep-forward and cali-to-hep-forward; felix/rules/dispatch.go), never by address.
import { toIpNum } from '../../model/net/address';
import { CidrMatcher } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { Endpoint, NodeInfo } from '../model/types';

/** Address ranges that count as private when the default picks an interface. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fe80::/10']
  .map((c) => CidrMatcher.parse(c));

const hostsByNode = new WeakMap<BuiltModel, Map<string, Endpoint[]>>();

/** The host endpoints of a node, in model order (cached per model). */
function hostEndpointsOf(model: BuiltModel, node: string): readonly Endpoint[] {
  let byNode = hostsByNode.get(model);
  if (!byNode) {
    byNode = new Map();
    for (const e of model.endpoints) {
      if (e.kind !== 'host') continue;
      const list = byNode.get(e.node);
      if (list) list.push(e);
      else byNode.set(e.node, [e]);
    }
    hostsByNode.set(model, byNode);
  }
  return byNode.get(node) ?? [];
}

const nodesByName = new WeakMap<BuiltModel, Map<string, NodeInfo>>();

/** The addresses of the named node (the first node of that name), indexed once per model. */
function nodeAddressesOf(model: BuiltModel, node: string): NodeInfo['addresses'] {
  let byName = nodesByName.get(model);
  if (!byName) {
    byName = new Map();
    for (const n of model.nodes) if (!byName.has(n.name)) byName.set(n.name, n);
    nodesByName.set(model, byName);
  }
  return byName.get(node)?.addresses ?? [];
}

/**
 * The all-interfaces (`interfaceName: "*"`) host endpoint among these, the one Felix uses when
 * there are several: the lowest name (felix/dataplane/linux/endpoint_mgr.go, forAllInterfaces).
 */
export function allInterfacesEndpoint(endpoints: readonly Endpoint[]): Endpoint | undefined {
  let best: Endpoint | undefined;
  for (const e of endpoints) {
    if (e.kind === 'host' && e.interfaceName === '*' && (best === undefined || e.name < best.name)) best = e;
  }
  return best;
}

/** The node's all-interfaces host endpoint (see allInterfacesEndpoint). */
export function nodeAllInterfacesEndpoint(model: BuiltModel, node: string): Endpoint | undefined {
  return allInterfacesEndpoint(hostEndpointsOf(model, node));
}

/** The host endpoint of the node for a named interface: the one naming it, else the node's `*` one. */
export function hostEndpointOn(model: BuiltModel, node: string, iface: string): Endpoint | undefined {
  const heps = hostEndpointsOf(model, node);
  return heps.find((e) => e.interfaceName === iface) ?? allInterfacesEndpoint(heps);
}

function isPrivate(ip: string): boolean {
  return PRIVATE_RANGES.some((r) => r.contains(ip));
}

/** Leading bits two addresses of one family share; -1 for different families. */
function commonPrefix(a: string, b: string): number {
  const x = toIpNum(a);
  const y = toIpNum(b);
  if (!x || !y || x.bitSize !== y.bitSize) return -1;
  const diff = x.getValue() ^ y.getValue();
  return x.bitSize - (diff === 0n ? 0 : diff.toString(2).length);
}

interface Candidate {
  readonly address: string;
  /** undefined: a Node address that no host endpoint claims (its interface has none). */
  readonly hostEndpoint?: Endpoint;
}

/** What closestInterface found: the host endpoint of the chosen interface (undefined: none covers it). */
interface Closest {
  readonly hostEndpoint?: Endpoint;
  /** The chosen address (of the node's interface toward the peer). */
  readonly address: string;
}

/**
 * The default when a flow gives no `via`: among the node's host endpoints that name an interface
 * (their expectedIPs) and the Node's addresses that no host endpoint claims, take the addresses of
 * the peer's family, prefer those of the peer's scope (private: 10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7, fe80::/10; else public), and pick the one sharing the longest prefix with the
 * peer. The traffic is taken to use that address's interface: its host endpoint, or for an address
 * no named host endpoint claims, the node's `*` host endpoint. undefined when the node has no such
 * address.
 */
const closestCache = new WeakMap<BuiltModel, Map<string, Closest | undefined>>();

function closestInterface(model: BuiltModel, node: string, peerIp: string): Closest | undefined {
  let byKey = closestCache.get(model);
  if (!byKey) {
    byKey = new Map();
    closestCache.set(model, byKey);
  }
  const key = `${node}\u0000${peerIp}`;
  if (byKey.has(key)) return byKey.get(key);
  const found = findClosestInterface(model, node, peerIp);
  // bounded: a long-running caller evaluating many addresses must not grow it without end
  if (byKey.size > 200000) byKey.clear();
  byKey.set(key, found);
  return found;
}

/** closestInterface without its cache. */
function findClosestInterface(model: BuiltModel, node: string, peerIp: string): Closest | undefined {
  const heps = hostEndpointsOf(model, node).filter((e) => e.interfaceName !== '*');
  const claimed = new Set(heps.flatMap((e) => e.ips));
  const addresses = nodeAddressesOf(model, node);
  const all: Candidate[] = [
    ...heps.flatMap((e) => e.ips.map((address) => ({ address, hostEndpoint: e }))),
    ...addresses.filter((a) => !claimed.has(a.address)).map((a) => ({ address: a.address })),
  ].filter((c) => commonPrefix(c.address, peerIp) >= 0);
  if (all.length === 0) return undefined;
  const sameScope = all.filter((c) => isPrivate(c.address) === isPrivate(peerIp));
  const pool = sameScope.length > 0 ? sameScope : all;
  let best = pool[0];
  for (const c of pool) if (commonPrefix(c.address, peerIp) > commonPrefix(best.address, peerIp)) best = c;
  return { hostEndpoint: best.hostEndpoint ?? allInterfacesEndpoint(hostEndpointsOf(model, node)), address: best.address };
}

/**
 * The node's address toward an off-node peer, as {@link closestInterface} picks the interface: the
 * source a masquerade (MASQUERADE takes the outgoing interface's address) gives the node's traffic.
 */
export function nodeAddressToward(model: BuiltModel, node: string, peerIp: string): string | undefined {
  return closestInterface(model, node, peerIp)?.address;
}

/** The node's `*` host endpoint, else its only host endpoint (when nothing says which interface). */
function fallback(model: BuiltModel, node: string): Endpoint | undefined {
  const heps = hostEndpointsOf(model, node);
  return allInterfacesEndpoint(heps) ?? (heps.length === 1 ? heps[0] : undefined);
}

/**
 * The host endpoint that polices traffic between the node and a party off the node (forwarded
 * traffic of a pod, or the host's own traffic); undefined when no host endpoint covers the
 * interface. `via` is the interface the traffic uses; without it, an off-node address picks the
 * interface by {@link closestInterface}; a pod of another node (or a node without addresses) falls
 * back to the node's `*` or only host endpoint; a pod of another node reached through a tunnel
 * (`tunnelDevice`, tunnel-source.ts podRouteDevice) to the host endpoint on that device, else the `*` one.
 */
export function policingOf(model: BuiltModel, node: string, via: string | undefined, peerIp: string | undefined, peerIsWorkload: boolean,
  tunnelDevice?: string): Endpoint | undefined {
  if (via !== undefined) return hostEndpointOn(model, node, via);
  if (tunnelDevice !== undefined) return hostEndpointOn(model, node, tunnelDevice);
  if (peerIp !== undefined && !peerIsWorkload) {
    const found = closestInterface(model, node, peerIp);
    if (found) return found.hostEndpoint;
  }
  return fallback(model, node);
}
