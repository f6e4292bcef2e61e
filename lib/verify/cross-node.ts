// `verify --cross-node`: which nodes to join two by two, and what to build for each pair. Each node
// is built as in a single-node run, except that its private interface (the one carrying the address
// it is joined by, its InternalIP) is the link to the other node instead of a peer host, and no peer
// host takes an address of the other node.
import { BuiltModel, forwardPolicingAlike, hostEndpointOn, podRouteDevice } from '../engine';
import { renderNodePlan } from '../iptables/node-plan';
import { PlanLayout } from '../iptables/plan-layout';
import { familyOf, isDocumentationAddress } from './addresses';
import { engineJudge } from './engine-judge';
import { NodePairVerification, PairNode } from './node-pair';
import { ProbeOptions } from './probe';
import { pairServiceVariants, PairVariant } from './service-flows';
import { nodeLinks } from './site';

/** The pairs to join, and why a node is left out. */
export interface CrossNodePlan {
  readonly pairs: readonly (readonly [string, string])[];
  readonly notes: readonly string[];
}

/** The address a node is joined by: its first IPv4 InternalIP, else its first IPv4 address (what kube-proxy's masquerade gives). */
function joinAddress(model: BuiltModel, node: string): string | undefined {
  const addresses = model.nodes.filter((n) => n.name === node).flatMap((n) => n.addresses).filter((a) => familyOf(a.address) === 4);
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address;
}

/**
 * Every pair of nodes with a pod or host endpoint (with `only`, that node and each other one) where a
 * Service has a backend on one of the two; a node without an IPv4 documentation address is left out.
 */
export function crossNodePairs(model: BuiltModel, only: string | undefined): CrossNodePlan {
  const all = model.nodes.map((n) => n.name).filter((n) => model.endpoints.some((e) => e.node === n));
  const notes: string[] = [];
  const usable = all.filter((n) => {
    const ip = joinAddress(model, n);
    if (ip !== undefined && isDocumentationAddress(ip)) return true;
    notes.push(`node ${n} is not joined to other nodes: it has no IPv4 address in the documentation ranges (${ip ?? 'none'})`);
    return false;
  });
  const backendNodes = new Set(model.services.filter((s) => s.type !== 'ExternalName').flatMap((s) => s.ports.flatMap((p) => p.backends.map((b) => b.nodeName))));
  const pairs: [string, string][] = [];
  for (const [i, a] of usable.entries()) {
    for (const b of usable.slice(i + 1)) {
      if (only !== undefined && a !== only && b !== only) continue;
      if (backendNodes.has(a) || backendNodes.has(b)) pairs.push([a, b]);
    }
  }
  return { pairs, notes };
}

/** Options of {@link pairVerification}. */
export interface PairOptions {
  readonly layout?: PlanLayout;
  readonly peers?: { readonly [iface: string]: readonly string[] };
  /** The LoadBalancer and external IPs the peer hosts route to their node. */
  readonly serviceIps: readonly string[];
  /** At most this many Service probes for the pair; the rest are counted by `skipped`. */
  readonly maxProbes: number;
  readonly probe?: ProbeOptions;
}

/** The addresses of `node` no peer host of the other node may take: its Node addresses and host endpoint IPs. */
function addressesOf(model: BuiltModel, node: string): Set<string> {
  return new Set([
    ...model.nodes.filter((n) => n.name === node).flatMap((n) => n.addresses.map((a) => a.address)),
    ...model.endpoints.filter((e) => e.kind === 'host' && e.node === node).flatMap((e) => e.ips),
  ]);
}

function pairNode(model: BuiltModel, node: string, other: string, options: PairOptions): { side: PairNode; link: string } {
  const plan = renderNodePlan(model, node, { layout: options.layout });
  const eps = plan.endpoints.endpoints;
  const address = joinAddress(model, node);
  if (address === undefined) throw new Error(`verify --cross-node: node ${node} has no IPv4 address to be joined to ${other} by`);
  const links = nodeLinks(model, node, eps.filter((e) => e.kind === 'host'), options.peers);
  const link = links.find((l) => l.nodeIps.includes(address))?.interfaceName ?? 'eth0';
  const taken = addressesOf(model, other);
  return {
    link,
    side: {
      node,
      plan,
      address,
      topology: {
        workloads: eps.filter((e) => e.kind === 'workload').map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })),
        links: links.filter((l) => l.interfaceName !== link).map((l) => ({ ...l, peerIps: l.peerIps.filter((ip) => !taken.has(ip)) })).filter((l) => l.peerIps.length > 0),
        serviceIps: options.serviceIps,
      },
    },
  };
}

/** Keeps the first `max` probes over the variants, in order; counts the others. */
function capped(variants: readonly PairVariant[], max: number, skip: (n: number) => void): PairVariant[] {
  let left = max;
  const out: PairVariant[] = [];
  for (const v of variants) {
    const flows = v.flows.slice(0, Math.max(0, left));
    skip(v.flows.length - flows.length);
    left -= flows.length;
    if (flows.length > 0) out.push({ ...v, flows });
  }
  return out;
}

/**
 * Refuses a pair whose pods a real node reaches through a tunnel or WireGuard device whose host
 * endpoint polices them unlike the link's (the harness carries everything over the one veth, so its
 * kernel would police them as the link's, while the engine follows the device: a mismatch that says
 * nothing about the plan).
 */
function refuseOtherRoute(model: BuiltModel, pair: readonly [string, string], link: string): void {
  for (const [from, to] of [[pair[0], pair[1]], [pair[1], pair[0]]]) {
    for (const pod of model.endpoints) {
      if (pod.kind !== 'workload' || pod.node !== to) continue;
      for (const ip of pod.ips) {
        const device = podRouteDevice(model, from, to, ip);
        if (device === undefined || device === link) continue;
        const differs = [from, to].some((n) => !forwardPolicingAlike(model, hostEndpointOn(model, n, device), hostEndpointOn(model, n, link)));
        if (differs) {
          throw new Error(`verify --cross-node: on a real cluster node ${from} reaches pod ${pod.id} (${ip}) of node ${to} through ${device}, whose host endpoint polices it unlike ${link}'s; `
            + `the harness joins the two nodes by one veth named ${link}, so it cannot reproduce that route: verify the nodes one by one (leave out --cross-node), or use \`netsec check\` for these flows`);
        }
      }
    }
  }
}

/**
 * What {@link runNodePairVerification} needs for two nodes: both nodes joined by the interface that
 * carries their join address (the same name on both), the engine as judge, the Service probes capped.
 */
export function pairVerification(model: BuiltModel, pair: readonly [string, string], options: PairOptions): { verification: NodePairVerification; skipped: () => number } {
  const [a, b] = [pairNode(model, pair[0], pair[1], options), pairNode(model, pair[1], pair[0], options)];
  if (a.link !== b.link) {
    throw new Error(`verify --cross-node: nodes ${pair[0]} and ${pair[1]} carry the addresses they are joined by on different interfaces (${a.link}, ${b.link}); two nodes are joined by one interface name`);
  }
  refuseOtherRoute(model, pair, a.link);
  let skipped = 0;
  return {
    verification: {
      nodes: [a.side, b.side],
      link: a.link,
      judge: engineJudge(model),
      probe: options.probe,
      services: (x, y) => capped(pairServiceVariants(model, x, y), options.maxProbes, (n) => { skipped += n; }),
    },
    skipped: () => skipped,
  };
}
