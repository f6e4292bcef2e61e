// Which probes to send to Services on one node, grouped by the kube-proxy variant they need: variant
// k pins every Service port to its k-th backend (`renderKubeProxy`'s pin), so the random choice of
// kube-proxy cannot hide a verdict. Probed: pod -> cluster IP:port, peer host -> node address:nodePort,
// peer host -> LoadBalancer or external IP:port, each to a backend built on this node, in the
// backend's IP family (kube-proxy's iptables or ip6tables rules); for two joined nodes, the same
// probes arriving at one node for a backend built on the other.
import { BuiltModel, InputService, InputServicePort, ServiceBackend } from '../engine';
import { BackendPin, hasKubeProxyServices, renderKubeProxy } from '../iptables/kube-proxy';
import { familyOf, isDocumentationAddress } from './addresses';
import { ProbeFlow, ServiceProbe, Station } from './flows';
import { Topology } from './topology';

/** One kube-proxy variant: its rules and the probes judged under them. */
export interface ServiceVariant {
  /** The pinned `<node>.kube-proxy.iptables` text. */
  readonly kubeProxy: string;
  /** The pinned `<node>.kube-proxy.ip6tables` text, when some Service has an IPv6 cluster IP. @default - none */
  readonly kubeProxy6?: string;
  readonly flows: readonly ProbeFlow[];
}

const ofFamily = (ips: readonly string[], family: number): string[] => ips.filter((ip) => familyOf(ip) === family);
/** Service addresses probed: documentation addresses of the family only (no other address is ever probed). */
const probed = (ips: readonly string[], family = 4): string[] => ofFamily(ips, family).filter(isDocumentationAddress);

function backendLabel(s: InputService, b: ServiceBackend): string {
  return `service ${s.namespace}/${s.name} -> ${b.pod ?? b.address}:${b.port}`;
}

/** A built node: its name in the inventory and its namespaces. */
export interface BuiltNode {
  readonly node: string;
  readonly topology: Topology;
}

/**
 * The probes of one Service port arriving at `arrival` (its pods to the cluster IP, its peer hosts to
 * its node addresses and the Service's LoadBalancer or external IPs) for backend `k`, when that
 * backend is a pod built in `backendHost` (the arrival node's own topology, or the node joined to it).
 */
function portFlows(arrival: BuiltNode, backendHost: Topology, s: InputService, port: InputServicePort, k: number, next: () => string, families: readonly number[]): ProbeFlow[] {
  const b = port.backends[k];
  const host = backendHost.workloads.find((w) => w.ips.includes(b.address));
  const family = familyOf(b.address);
  if (!host || family === undefined || !families.includes(family) || (port.protocol !== 'TCP' && port.protocol !== 'UDP')) return [];
  const { node, topology } = arrival;
  const listen = { ns: host.ns, ip: b.address, port: b.port };
  const service = (kind: ServiceProbe['kind']): ServiceProbe => ({ kind, node, service: `${s.namespace}/${s.name}`, servicePort: port.port, backend: k });
  const flows: ProbeFlow[] = [];
  const add = (source: Station, ip: string, sent: number, kind: ServiceProbe['kind'], what: string): void => {
    const destination: Station = { ns: host.ns, ip, role: 'service', ref: ip, side: source.side, label: `${what} ${ip} (${backendLabel(s, b)})` };
    flows.push({ id: next(), source, destination, protocol: port.protocol, port: sent, listen, service: service(kind) });
  };
  // a pod reaching itself through its Service (hairpin) is not modelled by the engine: not probed
  const pods = topology.workloads.filter((w) => w.id !== host.id);
  for (const ip of probed(s.clusterIPs, family)) {
    for (const w of pods) {
      const src = ofFamily(w.ips, family)[0];
      if (src) add({ ns: w.ns, ip: src, role: 'workload', ref: w.id, side: '', label: `pod ${w.id} ${src}` }, ip, port.port, 'clusterIP', 'ClusterIP');
    }
  }
  // Local on a node with a backend of its own never sends external traffic to another node's backend
  // (a pinned variant that did would be no rule kube-proxy writes): only the drop of a node without one is probed
  if (backendHost !== topology && s.externalTrafficPolicy === 'Local' && port.backends.some((x) => x.nodeName === node)) return flows;
  for (const l of topology.links) {
    for (const peer of ofFamily(l.peerIps, family)) {
      const source: Station = { ns: l.peerNs, ip: peer, role: 'external', ref: peer, side: l.interfaceName, label: `peer(${l.interfaceName}) ${peer}` };
      if (port.nodePort !== undefined) for (const ip of ofFamily(l.nodeIps, family)) add(source, ip, port.nodePort, 'nodePort', 'nodePort of');
      for (const ip of probed(s.loadBalancerIPs, family)) add(source, ip, port.port, 'loadBalancer', 'LoadBalancer IP');
      for (const ip of probed(s.externalIPs, family)) add(source, ip, port.port, 'externalIP', 'external IP');
    }
  }
  return flows;
}

/** The IPv4 LoadBalancer and external IPs of the model's Services (the peer hosts route them to the node). */
export function serviceAddresses(model: BuiltModel): string[] {
  return [...new Set(model.services.flatMap((s) => probed([...s.loadBalancerIPs, ...s.externalIPs])))].sort();
}

/** The Services' cluster, LoadBalancer and external IPs outside the documentation ranges: never probed, said in the report. */
export function unprobedServiceAddresses(model: BuiltModel): string[] {
  const all = model.services.filter((s) => s.type !== 'ExternalName').flatMap((s) => [...s.clusterIPs, ...s.loadBalancerIPs, ...s.externalIPs]);
  return [...new Set(all.filter((ip) => !isDocumentationAddress(ip)))].sort();
}

const kubeProxyServices = (model: BuiltModel): InputService[] => model.services.filter((s) => s.type !== 'ExternalName');
const mostBackends = (services: readonly InputService[]): number => Math.max(0, ...services.flatMap((s) => s.ports.map((p) => p.backends.length)));
const pinTo = (k: number): BackendPin => (_s, p) => (k < p.backends.length ? k : undefined);

/** One variant per backend index used by a backend built on this node; empty without Services. */
export function serviceVariants(model: BuiltModel, node: string, topology: Topology): ServiceVariant[] {
  const services = kubeProxyServices(model);
  let n = 0;
  const next = (): string => `s${n++}`;
  const variants: ServiceVariant[] = [];
  for (let k = 0; k < mostBackends(services); k++) {
    const flows = services.flatMap((s) => s.ports.filter((p) => k < p.backends.length).flatMap((p) => portFlows({ node, topology }, topology, s, p, k, next, [4, 6])));
    if (flows.length === 0) continue;
    variants.push({ kubeProxy: renderKubeProxy(model, node, pinTo(k)), ...(hasKubeProxyServices(model, 6) ? { kubeProxy6: renderKubeProxy(model, node, pinTo(k), 6) } : {}), flows });
  }
  return variants;
}

/** One variant of two joined nodes: each node's pinned kube-proxy rules, and the probes judged under them. */
export interface PairVariant {
  /** The pinned `<node>.kube-proxy.iptables` text of each of the two nodes, by node name. */
  readonly kubeProxy: { readonly [node: string]: string };
  readonly flows: readonly ProbeFlow[];
}

/**
 * The Service probes between two joined nodes (IPv4: the nodes are joined by their IPv4 addresses), one variant per backend index: variant k pins every
 * Service port to its k-th backend on both nodes, and probes arrive at one node for a k-th backend
 * built on the other (its pods to the cluster IP; its peer hosts to nodePorts and LoadBalancer or
 * external IPs: Cluster is DNATed there and masqueraded to the other node; Local with no backend on
 * the arrival node is dropped there). Empty without Services.
 */
export function pairServiceVariants(model: BuiltModel, a: BuiltNode, b: BuiltNode): PairVariant[] {
  const services = kubeProxyServices(model);
  let n = 0;
  const next = (): string => `x${n++}`;
  const variants: PairVariant[] = [];
  for (let k = 0; k < mostBackends(services); k++) {
    const ports = services.flatMap((s) => s.ports.filter((p) => k < p.backends.length).map((p): [InputService, InputServicePort] => [s, p]));
    const flows = [[a, b], [b, a]].flatMap(([arrival, other]) => ports.flatMap(([s, p]) => portFlows(arrival, other.topology, s, p, k, next, [4])));
    if (flows.length === 0) continue;
    variants.push({ kubeProxy: { [a.node]: renderKubeProxy(model, a.node, pinTo(k)), [b.node]: renderKubeProxy(model, b.node, pinTo(k)) }, flows });
  }
  return variants;
}
