// What to wire for one node of an engine model: its interfaces with their addresses, the peer
// hosts behind them and the ports worth probing, all from the documentation ranges.
import { Cidr, NetError } from '../model/net';
import { EngineModel, modelRules } from '../engine';
import { familyOf, isDocumentationAddress } from './addresses';
import { LinkSpec } from './topology';

/** Node address types and the interface IBM Cloud classic workers carry them on. */
const ADDRESS_INTERFACES: readonly [string, string][] = [['ExternalIP', 'eth1'], ['InternalIP', 'eth0']];
const MAX_PEERS_PER_LINK = 6;

/** A plan endpoint of kind `host` (from `<node>.endpoints.json`). */
export interface HostInterface {
  readonly interface: string;
  readonly ips: readonly string[];
}

/** The node's interfaces: named host endpoint interfaces with their IPs, plus eth1/eth0 from the Node's addresses. */
export function nodeLinks(
  model: EngineModel, node: string, hostInterfaces: readonly HostInterface[], peers: { readonly [iface: string]: readonly string[] } | undefined,
): LinkSpec[] {
  const ips = new Map<string, string[]>();
  // an all-interfaces (`*`) host endpoint names no interface to build: the Node's addresses do
  for (const h of hostInterfaces.filter((i) => i.interface !== '*')) ips.set(h.interface, [...(ips.get(h.interface) ?? []), ...h.ips.filter((ip) => !(ips.get(h.interface) ?? []).includes(ip))]);
  const info = model.nodes.find((n) => n.name === node);
  for (const [type, iface] of ADDRESS_INTERFACES) {
    const addrs = (info?.addresses ?? []).filter((a) => a.type === type).map((a) => a.address);
    if (addrs.length > 0 && (ips.get(iface) ?? []).length === 0) ips.set(iface, addrs);
  }
  const used = new Set<string>([...model.endpoints.flatMap((e) => e.ips), ...[...ips.values()].flat()]);
  const links: LinkSpec[] = [];
  for (const [iface, nodeIps] of [...ips.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (nodeIps.length === 0) continue;
    const peerIps = peers?.[iface] ?? defaultPeers(nodeIps, used);
    peerIps.forEach((p) => used.add(p));
    links.push({ interfaceName: iface, nodeIps, peerIps });
  }
  if (peers === undefined) addNetPeers(model, links, used);
  return links;
}

/** `.1` and `.200` of the node address's /24 (IPv4) or `::1` / `::200` of its /64, when free. */
function defaultPeers(nodeIps: readonly string[], used: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const ip of nodeIps.filter(isDocumentationAddress)) {
    const candidates = familyOf(ip) === 4
      ? ['1', '200', '2', '201'].map((h) => ip.replace(/\.[0-9]+$/, `.${h}`))
      : ['1', '200', '2', '201'].map((h) => `${Cidr.parse(`${ip}/64`).networkAddress().replace(/::$/, '')}::${h}`);
    out.push(...candidates.filter((c) => !used.has(c) && isDocumentationAddress(c)).slice(0, 2));
  }
  return out;
}

/** Puts an address inside (and one just outside) each documentation-range net of the rules on a peer. */
function addNetPeers(model: EngineModel, links: LinkSpec[], used: Set<string>): void {
  if (links.length === 0) return;
  const nets = new Set<string>();
  for (const r of modelRules(model)) {
    for (const e of [r.source, r.destination]) for (const n of [...(e?.nets ?? []), ...(e?.notNets ?? [])]) nets.add(n);
  }
  for (const text of [...nets].sort()) {
    const net = parseNet(text);
    if (!net) continue;
    if (net.version !== 4 || net.prefixLength < 24) continue;
    const candidates = net.prefixLength === 32 ? [net.networkAddress(), nextAddress4(net.networkAddress())]
      : [net.networkAddress(), net.lastAddress()].map(nextAddress4);
    for (const candidate of candidates) {
      if (!candidate || used.has(candidate) || !isDocumentationAddress(candidate)) continue;
      const link = links.find((l) => l.nodeIps.some((ip) => sameSlash24(ip, candidate))) ?? links.find((l) => l.interfaceName === 'eth1') ?? links[0];
      if (link.peerIps.length >= MAX_PEERS_PER_LINK) continue;
      (link.peerIps as string[]).push(candidate);
      used.add(candidate);
    }
  }
}

function parseNet(text: string): Cidr | undefined {
  try {
    return Cidr.parse(text);
  } catch (e) {
    if (e instanceof NetError) return undefined;
    throw e;
  }
}

/** The address after an IPv4 address (used to step off network/last addresses); undefined at the end. */
function nextAddress4(ip: string): string | undefined {
  const parts = ip.split('.').map(Number);
  const n = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3] + 1;
  if (n > 0xffffffff) return undefined;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function sameSlash24(a: string, b: string): boolean {
  return familyOf(a) === 4 && familyOf(b) === 4 && a.replace(/\.[0-9]+$/, '') === b.replace(/\.[0-9]+$/, '');
}

/** TCP and UDP ports worth probing: the rules' ports (numbers, range ends, named ports), failsafe and usual ports. */
export function probePorts(model: EngineModel): { tcp: number[]; udp: number[] } {
  const tcp = new Set<number>([22, 80, 10250]);
  const udp = new Set<number>([53]);
  const named = new Map<string, { protocol: string; port: number }[]>();
  for (const e of model.endpoints) for (const p of e.namedPorts) named.set(p.name, [...(named.get(p.name) ?? []), p]);
  for (const r of modelRules(model)) {
    const proto = (r.protocol ?? '').toUpperCase();
    for (const text of [...(r.destination?.ports ?? []), ...(r.destination?.notPorts ?? [])]) {
      const target = proto === 'UDP' ? udp : tcp;
      const range = /^([0-9]+)(?::([0-9]+))?$/.exec(String(text));
      if (range) {
        target.add(Number(range[1]));
        if (range[2]) target.add(Number(range[2]));
      } else {
        for (const p of named.get(String(text)) ?? []) (p.protocol === 'UDP' ? udp : tcp).add(p.port);
      }
    }
  }
  for (const f of model.felix.failsafeInbound) (f.protocol.toLowerCase() === 'udp' ? udp : tcp).add(f.port);
  const pick = (s: Set<number>, max: number): number[] => [...s].filter((p) => p > 0 && p < 65536).sort((a, b) => a - b).slice(0, max);
  return { tcp: pick(tcp, 12), udp: pick(udp, 5) };
}
