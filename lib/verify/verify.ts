// Verifies the rendered plan of each node on a real kernel against the engine's verdicts.
import { CalicoVersion } from '../model/calico-version';
import { buildEngineModel, parseEngineInputs, TextSource } from '../engine';
import { hasKubeProxyServices } from '../iptables/kube-proxy';
import { renderNodePlan } from '../iptables/node-plan';
import { PlanLayout } from '../iptables/plan-layout';
import { NodeVerifyReport, formatNodeReport } from './compare';
import { engineJudge } from './engine-judge';
import { ProbeOptions } from './probe';
import { crossNodePairs, pairVerification } from './cross-node';
import { runNodePairVerification } from './node-pair';
import { runNodeVerification } from './run';
import { serviceAddresses, serviceVariants, unprobedServiceAddresses } from './service-flows';
import { nodeLinks, probePorts } from './site';
import { Topology } from './topology';

/** Options of {@link verifyCluster}. */
export interface VerifyOptions {
  /** Manifests and inventory, as file texts (any file may hold either). */
  readonly sources: readonly TextSource[];
  /** Felix settings as `KEY=VALUE`, as calico-node's environment sets them. @default - none */
  readonly felix?: readonly string[];
  /** The pool for pods derived from workloads. @default - see LoadOptions.workloadPool */
  readonly workloadPool?: string;
  /** The Calico release to follow. @default DEFAULT_CALICO_VERSION (3.32) */
  readonly calicoVersion?: CalicoVersion;
  /** The plan's layout loaded into the kernel (verdicts are the same in both). @default 'felix' */
  readonly layout?: PlanLayout;
  /** Verify only this node (with `crossNode`, joined to each other node). @default - every node of the inventory with a pod or host endpoint */
  readonly node?: string;
  /**
   * Then join the nodes two by two by their private interface and probe the Service paths that
   * cross from one to the other (a backend on the other node; Local on a node without a backend).
   * @default false
   */
  readonly crossNode?: boolean;
  /** Peer host addresses per node interface (e.g. `{ eth1: [...] }`). @default - derived from node addresses and rule nets */
  readonly peers?: { readonly [iface: string]: readonly string[] };
  /** TCP ports to probe. @default - derived from the rules, failsafe ports and 22, 80, 10250 */
  readonly tcpPorts?: readonly number[];
  /** UDP ports to probe. @default - derived from the rules and 53 */
  readonly udpPorts?: readonly number[];
  /** At most this many probes per node. @default 900 */
  readonly maxProbes?: number;
  /** @default - ProbeOptions defaults */
  readonly probe?: ProbeOptions;
  /** Called before the first node (done 0) and after each node (or joined pair) is verified. @default - none */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The outcome for every verified node. */
export interface ClusterVerifyReport {
  readonly nodes: readonly NodeVerifyReport[];
  /** Probes compared over all nodes. */
  readonly compared: number;
  /** Mismatches over all nodes. */
  readonly mismatches: number;
  /** What was not probed and why (e.g. Service addresses outside the documentation ranges). */
  readonly notes: readonly string[];
}

/**
 * Renders, wires, loads and probes each node in turn; namespaces are removed after each node. When
 * the inputs hold Services, each node's kube-proxy rules are then loaded once per backend index
 * (pinned) and probes to cluster IPs, nodePorts and LoadBalancer or external IPs are compared with
 * the engine's verdict for that backend's path. With `crossNode`, pairs of nodes are then built
 * joined (cross-node.ts) for the Service paths from one node to the other.
 */
export async function verifyCluster(options: VerifyOptions): Promise<ClusterVerifyReport> {
  const model = buildEngineModel(parseEngineInputs(options.sources, { felix: options.felix, workloadPool: options.workloadPool, calicoVersion: options.calicoVersion }));
  const nodes = options.node !== undefined ? [options.node]
    : model.nodes.map((n) => n.name).filter((n) => model.endpoints.some((e) => e.node === n));
  const derived = probePorts(model);
  const tcp = options.tcpPorts ?? derived.tcp;
  const udp = options.udpPorts ?? derived.udp;
  const services = hasKubeProxyServices(model);
  const serviceIps = services ? serviceAddresses(model) : [];
  const reports: NodeVerifyReport[] = [];
  const cross = options.crossNode === true && services ? crossNodePairs(model, options.node) : { pairs: [], notes: [] };
  const pairs = cross.pairs;
  const notes: string[] = [...cross.notes];
  if (options.crossNode === true && pairs.length === 0) {
    notes.push('cross-node: no two nodes joined (that needs a Service with a backend on one of two nodes with a pod or host endpoint)');
  }
  const total = nodes.length + pairs.length;
  options.onProgress?.(0, total);
  for (const node of nodes) {
    const plan = renderNodePlan(model, node, { layout: options.layout });
    const eps = plan.endpoints.endpoints;
    const links = nodeLinks(model, node, eps.filter((e) => e.kind === 'host'), options.peers);
    const nodeRefs = new Map(eps.filter((e) => e.kind === 'host').flatMap((e) => e.ips.map((ip): [string, string] => [ip, e.id])));
    const ports = { tcp, udp, icmp: true };
    reports.push(await runNodeVerification({
      node,
      plan,
      topology: {
        workloads: eps.filter((e) => e.kind === 'workload').map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })),
        links,
        serviceIps,
      },
      judge: engineJudge(model),
      flows: { workloadPorts: ports, nodePorts: ports, externalPorts: ports, nodeRefs, maxProbes: options.maxProbes ?? 900 },
      probe: options.probe,
      ...(services ? { services: (t: Topology) => serviceVariants(model, node, t) } : {}),
    }));
    options.onProgress?.(reports.length, total);
  }
  for (const pair of pairs) {
    const max = options.maxProbes ?? 900;
    const { verification, skipped } = pairVerification(model, pair, { layout: options.layout, peers: options.peers, serviceIps, maxProbes: max, probe: options.probe });
    reports.push(await runNodePairVerification(verification));
    if (skipped() > 0) notes.push(`nodes ${pair[0]} and ${pair[1]} joined: ${skipped()} Service probes over the limit of ${max} not sent`);
    options.onProgress?.(reports.length, total);
  }
  const compared = reports.reduce((n, r) => n + r.comparisons.length, 0);
  const mismatches = reports.reduce((n, r) => n + r.mismatches.length, 0);
  const unprobed = services ? unprobedServiceAddresses(model) : [];
  if (unprobed.length > 0) {
    notes.push(`Service addresses outside the documentation ranges, not probed: ${unprobed.join(', ')} (their Services' nodePorts are probed on the node addresses)`);
  }
  return { nodes: reports, compared, mismatches, notes };
}

/** The whole report: each node's block, then `compared N probes, M mismatches`. */
export function formatClusterReport(report: ClusterVerifyReport): string {
  return [...report.nodes.map(formatNodeReport), ...report.notes.map((n) => `note: ${n}`), `compared ${report.compared} probes, ${report.mismatches} mismatches`].join('\n');
}
