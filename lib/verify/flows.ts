// Which flows to probe in a built topology: pods, the node's interfaces and the peer hosts.
import { familyOf } from './addresses';
import { Topology } from './topology';

/** One end of a probe: where the agent runs (or listens) and with which address. */
export interface Station {
  /** Network namespace of the host. */
  readonly ns: string;
  readonly ip: string;
  /** `workload`, `node` or `external`. */
  readonly role: string;
  /** The engine's reference: `namespace/pod`, `hostendpoint/<name>`, or the IP. */
  readonly ref: string;
  /** Node interface on whose side a node address or external host is; '' for workloads. */
  readonly side: string;
  /** For reports, e.g. `pod x/a 192.0.2.11` or `internet(eth1) 203.0.113.1`. */
  readonly label: string;
}

/** A probe to send and judge. */
export interface ProbeFlow {
  readonly id: string;
  readonly source: Station;
  readonly destination: Station;
  /** `TCP`, `UDP`, `ICMP` or `IPIP` (IP protocol 4). */
  readonly protocol: string;
  /** Destination port; undefined for ICMP and IPIP. */
  readonly port?: number;
  /** Where the listener runs when it is not the destination (a Service's backend after DNAT). @default - the destination, on `port` */
  readonly listen?: ListenStation;
  /** The Service path the probe takes (kube-proxy DNATs it to one pinned backend). @default - none: a direct probe */
  readonly service?: ServiceProbe;
}

/** A listener's namespace, address and port. */
export interface ListenStation {
  readonly ns: string;
  readonly ip: string;
  readonly port: number;
}

/** A probe to a Service address, judged for the one backend kube-proxy's pinned rules send it to. */
export interface ServiceProbe {
  /** `clusterIP` (from a pod), `nodePort`, `loadBalancer` or `externalIP` (from a peer host). */
  readonly kind: 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';
  /** The node whose rules are loaded (the arrival node of an external path). */
  readonly node: string;
  /** `namespace/name` of the Service. */
  readonly service: string;
  /** The Service port's number (the port a ClusterIP probe is sent to). */
  readonly servicePort: number;
  /** The backend's index in the Service port's backends (the pin). */
  readonly backend: number;
}

/** Ports probed on one kind of destination. */
export interface PortPlan {
  readonly tcp: readonly number[];
  readonly udp: readonly number[];
  /** Send an ICMP echo request. */
  readonly icmp: boolean;
  /** Send an IP-in-IP (protocol 4) packet, to IPv4 destinations. @default false */
  readonly ipip?: boolean;
}

/** Options of {@link enumerateFlows}. */
export interface FlowOptions {
  /** Ports probed on pods. */
  readonly workloadPorts: PortPlan;
  /** Ports probed on the node's own addresses. */
  readonly nodePorts: PortPlan;
  /** Ports probed on the peer (internet / private-network) hosts. */
  readonly externalPorts: PortPlan;
  /** The reference the engine knows a node address by (a host endpoint id); default: the IP. */
  readonly nodeRefs: ReadonlyMap<string, string>;
  /** Keep at most this many probes (a deterministic, evenly spread subset). */
  readonly maxProbes: number;
}

/** The stations of a topology: every pod IP, node address and peer host address. */
function stationsOf(topology: Topology): Station[] {
  const out: Station[] = [];
  for (const w of topology.workloads) {
    for (const ip of w.ips) out.push({ ns: w.ns, ip, role: 'workload', ref: w.id, side: '', label: `pod ${w.id} ${ip}` });
  }
  for (const l of topology.links) {
    for (const ip of l.nodeIps) out.push({ ns: topology.nodeNs, ip, role: 'node', ref: ip, side: l.interfaceName, label: `node(${l.interfaceName}) ${ip}` });
    for (const ip of l.peerIps) out.push({ ns: l.peerNs, ip, role: 'external', ref: ip, side: l.interfaceName, label: `peer(${l.interfaceName}) ${ip}` });
  }
  return out;
}

/** True when the topology routes this pair and its enforcement happens on this node only. */
function routable(src: Station, dst: Station): boolean {
  if (src.ns === dst.ns || familyOf(src.ip) !== familyOf(dst.ip)) return false;
  if (src.role === 'workload' || dst.role === 'workload') return true;
  // Node and peer hosts reach each other only on the same side (no routes across sides).
  return src.side === dst.side && (src.role === 'node' || dst.role === 'node');
}

function portsFor(dst: Station, options: FlowOptions): PortPlan {
  if (dst.role === 'workload') return options.workloadPorts;
  if (dst.role === 'node') return options.nodePorts;
  return options.externalPorts;
}

/** Node-originated traffic to pods leaves from the node's first address of the family. */
function nodeSourceForPods(stations: readonly Station[]): Set<string> {
  const chosen = new Set<string>();
  for (const family of [4, 6]) {
    const first = stations.find((s) => s.role === 'node' && familyOf(s.ip) === family);
    if (first) chosen.add(first.ip);
  }
  return chosen;
}

/** Every probe worth sending in the topology, capped at `maxProbes`. */
export function enumerateFlows(topology: Topology, options: FlowOptions): ProbeFlow[] {
  const stations = stationsOf(topology).map((s) => (s.role === 'node' ? { ...s, ref: options.nodeRefs.get(s.ip) ?? s.ip } : s));
  const nodeToPods = nodeSourceForPods(stations);
  const flows: ProbeFlow[] = [];
  for (const src of stations) {
    for (const dst of stations) {
      if (!routable(src, dst)) continue;
      if (src.role === 'node' && dst.role === 'workload' && !nodeToPods.has(src.ip)) continue;
      const ports = portsFor(dst, options);
      const add = (protocol: string, port?: number): void => {
        flows.push({ id: `f${flows.length}`, source: src, destination: dst, protocol, port });
      };
      for (const p of ports.tcp) add('TCP', p);
      for (const p of ports.udp) add('UDP', p);
      if (ports.icmp) add('ICMP');
      if (ports.ipip && familyOf(dst.ip) === 4) add('IPIP');
    }
  }
  return capFlows(flows, options.maxProbes);
}

function capFlows(flows: ProbeFlow[], max: number): ProbeFlow[] {
  if (flows.length <= max) return flows;
  const step = flows.length / max;
  return Array.from({ length: max }, (_, i) => flows[Math.floor(i * step)]);
}

/** A short text for a flow, e.g. `TCP/80 pod x/a 192.0.2.11 -> pod y/b 192.0.2.12`. */
export function describeFlow(flow: ProbeFlow): string {
  const what = flow.port === undefined ? flow.protocol : `${flow.protocol}/${flow.port}`;
  return `${what} ${flow.source.label} -> ${flow.destination.label}`;
}
