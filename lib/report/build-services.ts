// The report's Services section: each Service with a cluster IP, its ports and backends, and who can
// reach each port: every workload and host endpoint through kube-proxy's ClusterIP path (all, some or
// none of the backends reachable, summarised over the party's pods), and for nodePorts, LoadBalancer
// and external IPs the outside address 203.0.113.10 through the external path.
import { ipVersionOf } from '../model/net';
import {
  BuiltModel, ServiceSummary, ServiceTarget, evaluateExternalServiceFlow, evaluateServiceFlow, findExternalTarget, hasClusterIpPath,
} from '../engine';
import { endpointParties } from '../connectivity';
import { OUTSIDE } from './build-hosts';
import { OutsideReach, ReportService, ReportServicePort, ServiceReach } from './data';


/** The summary over several sources: all when every one is all, none when every one is none. */
function combine(parts: readonly ServiceSummary[]): ServiceSummary {
  if (parts.every((p) => p === 'all')) return 'all';
  if (parts.every((p) => p === 'none')) return 'none';
  return 'some';
}

/** Who reaches the port through its cluster IP, by party. */
function clusterReach(model: BuiltModel, target: ServiceTarget): ServiceReach {
  const reach: { all: string[]; some: string[]; none: string[] } = { all: [], some: [], none: [] };
  // the cluster IP's version; when it is left to kube-apiserver, the backends'
  const version = ipVersionOf(target.address ?? target.port.backends[0]?.address ?? '') ?? 4;
  for (const party of endpointParties(model)) {
    const sources = party.endpoints.filter((e) => e.ips.some((ip) => ipVersionOf(ip) === version));
    if (sources.length === 0) continue;
    reach[combine(sources.map((e) => evaluateServiceFlow(model, e.id, target).summary))].push(party.name);
  }
  return reach;
}

/** The destinations from outside: each LoadBalancer and external IP, and each node address with the nodePort. */
function outsideReach(model: BuiltModel, protocol: string, port: number, nodePort: number | undefined, lbs: readonly string[]): OutsideReach[] {
  const out: OutsideReach[] = [];
  const probe = (address: string, sent: number): void => {
    if (ipVersionOf(address) !== 4) return;
    const target = findExternalTarget(model, address, protocol, sent);
    if (target) out.push({ to: `${address}:${sent}`, summary: evaluateExternalServiceFlow(model, OUTSIDE.ip, target).summary });
  };
  for (const a of lbs) probe(a, port);
  if (nodePort !== undefined) for (const n of model.nodes) for (const a of n.addresses) probe(a.address, nodePort);
  return out;
}

/** Every Service with a ClusterIP path (not headless, not ExternalName), in input order. */
export function buildServices(model: BuiltModel): ReportService[] {
  return model.services.filter(hasClusterIpPath).map((s): ReportService => {
    const name = `${s.namespace}/${s.name}`;
    const ports = s.ports.map((p): ReportServicePort => ({
      label: `${p.name ? `${p.name} ` : ''}${p.protocol}/${p.port} -> ${p.targetPort}${p.nodePort !== undefined ? `, nodePort ${p.nodePort}` : ''}`,
      port: p.port,
      backends: p.backends.map((b) => `${b.address}:${b.port}${b.pod ? ` (${b.pod}${b.nodeName ? ` on ${b.nodeName}` : ''})` : ''}`),
      fromCluster: clusterReach(model, { service: s, port: p, ...(s.clusterIPs.length > 0 ? { address: s.clusterIPs[0] } : {}) }),
      fromOutside: outsideReach(model, p.protocol, p.port, p.nodePort, [...s.loadBalancerIPs, ...s.externalIPs]),
    }));
    const policies = [s.externalTrafficPolicy ? `externalTrafficPolicy ${s.externalTrafficPolicy}` : '',
      s.internalTrafficPolicy ? `internalTrafficPolicy ${s.internalTrafficPolicy}` : ''].filter((x) => x);
    return {
      name, type: s.type, addresses: [...(s.clusterIPs.length > 0 ? s.clusterIPs : ['cluster IP allocated by kube-apiserver']), ...s.loadBalancerIPs, ...s.externalIPs], policies,
      backendsFrom: s.backendsFrom, ports,
    };
  });
}
