// Which probes to send to Services on one node, grouped by the kube-proxy variant they need: variant
// k pins every Service port to its k-th backend (`renderKubeProxy`'s pin), so the random choice of
// kube-proxy cannot hide a verdict. Probed: pod -> cluster IP:port, peer host -> node address:nodePort,
// peer host -> LoadBalancer or external IP:port, each to a backend built on this node (IPv4, as
// the kube-proxy rules rendered).
import { BuiltModel, InputService, InputServicePort, ServiceBackend } from '../engine';
import { BackendPin, renderKubeProxy } from '../iptables/kube-proxy';
import { familyOf, isDocumentationAddress } from './addresses';
import { ProbeFlow, ServiceProbe, Station } from './flows';
import { Topology } from './topology';

/** One kube-proxy variant: its rules and the probes judged under them. */
export interface ServiceVariant {
  /** The pinned `<node>.kube-proxy.iptables` text. */
  readonly kubeProxy: string;
  readonly flows: readonly ProbeFlow[];
}

const v4 = (ips: readonly string[]): string[] => ips.filter((ip) => familyOf(ip) === 4);
/** Service addresses probed: IPv4 documentation addresses only (no other address is ever probed). */
const probed = (ips: readonly string[]): string[] => v4(ips).filter(isDocumentationAddress);

function backendLabel(s: InputService, b: ServiceBackend): string {
  return `service ${s.namespace}/${s.name} -> ${b.pod ?? b.address}:${b.port}`;
}

/** The probes of one Service port to backend `k`, when that backend is a pod built here. */
function portFlows(node: string, topology: Topology, s: InputService, port: InputServicePort, k: number, next: () => string): ProbeFlow[] {
  const b = port.backends[k];
  const host = topology.workloads.find((w) => w.ips.includes(b.address));
  if (!host || familyOf(b.address) !== 4 || (port.protocol !== 'TCP' && port.protocol !== 'UDP')) return [];
  const listen = { ns: host.ns, ip: b.address, port: b.port };
  const service = (kind: ServiceProbe['kind']): ServiceProbe => ({ kind, node, service: `${s.namespace}/${s.name}`, servicePort: port.port, backend: k });
  const flows: ProbeFlow[] = [];
  const add = (source: Station, ip: string, sent: number, kind: ServiceProbe['kind'], what: string): void => {
    const destination: Station = { ns: host.ns, ip, role: 'service', ref: ip, side: source.side, label: `${what} ${ip} (${backendLabel(s, b)})` };
    flows.push({ id: next(), source, destination, protocol: port.protocol, port: sent, listen, service: service(kind) });
  };
  // a pod reaching itself through its Service (hairpin) is not modelled by the engine: not probed
  const pods = topology.workloads.filter((w) => w.id !== host.id);
  for (const ip of probed(s.clusterIPs)) {
    for (const w of pods) {
      const src = v4(w.ips)[0];
      if (src) add({ ns: w.ns, ip: src, role: 'workload', ref: w.id, side: '', label: `pod ${w.id} ${src}` }, ip, port.port, 'clusterIP', 'ClusterIP');
    }
  }
  for (const l of topology.links) {
    for (const peer of v4(l.peerIps)) {
      const source: Station = { ns: l.peerNs, ip: peer, role: 'external', ref: peer, side: l.interfaceName, label: `peer(${l.interfaceName}) ${peer}` };
      if (port.nodePort !== undefined) for (const ip of v4(l.nodeIps)) add(source, ip, port.nodePort, 'nodePort', 'nodePort of');
      for (const ip of probed(s.loadBalancerIPs)) add(source, ip, port.port, 'loadBalancer', 'LoadBalancer IP');
      for (const ip of probed(s.externalIPs)) add(source, ip, port.port, 'externalIP', 'external IP');
    }
  }
  return flows;
}

/** The LoadBalancer and external IPs of the model's Services (the peer hosts route them to the node). */
export function serviceAddresses(model: BuiltModel): string[] {
  return [...new Set(model.services.flatMap((s) => probed([...s.loadBalancerIPs, ...s.externalIPs])))].sort();
}

/** The Services' IPv4 cluster, LoadBalancer and external IPs outside the documentation ranges: never probed, said in the report. */
export function unprobedServiceAddresses(model: BuiltModel): string[] {
  const all = model.services.filter((s) => s.type !== 'ExternalName').flatMap((s) => v4([...s.clusterIPs, ...s.loadBalancerIPs, ...s.externalIPs]));
  return [...new Set(all.filter((ip) => !isDocumentationAddress(ip)))].sort();
}

/** One variant per backend index used by a backend built on this node; empty without Services. */
export function serviceVariants(model: BuiltModel, node: string, topology: Topology): ServiceVariant[] {
  const services = model.services.filter((s) => s.type !== 'ExternalName');
  const most = Math.max(0, ...services.flatMap((s) => s.ports.map((p) => p.backends.length)));
  let n = 0;
  const next = (): string => `s${n++}`;
  const variants: ServiceVariant[] = [];
  for (let k = 0; k < most; k++) {
    const flows = services.flatMap((s) => s.ports.filter((p) => k < p.backends.length).flatMap((p) => portFlows(node, topology, s, p, k, next)));
    if (flows.length === 0) continue;
    const pin: BackendPin = (_s, p) => (k < p.backends.length ? k : undefined);
    variants.push({ kubeProxy: renderKubeProxy(model, node, pin), flows });
  }
  return variants;
}
