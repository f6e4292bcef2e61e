// Child process of the benchmark, one per size, so that its peak RSS is its own. Prints one JSON
// line per finished phase on stdout: generate, load, build, sample, table, plan, walk, done.
import * as fs from 'fs';
import * as path from 'path';
import { buildEngineModel, buildTruthTable, evaluateFlow, loadEngineInputs, parseProtocol } from '../../lib/engine';
import { renderNodePlan, nodeEndpoints } from '../../lib/iptables';
import { clusterYaml, generateCluster } from '../generator';
import { Rng } from '../../lib/util/rng';
import { parseFilterTable, parseIpSets, walkForward } from './iptables-walk';

/** What the parent asks for. */
export interface ChildArgs {
  readonly seed: number;
  readonly pods: number;
  readonly policies: number;
  readonly hostEndpoints: boolean;
  /** TCP port of the truth table and the walked flows. */
  readonly port: number;
  /** How many nodes' plans to render (the busiest ones). */
  readonly planNodes: number;
  /** Where to write the inputs and the largest plan. */
  readonly dir: string;
  /** Nodes of the cluster. @default - the generator's default (one per 100 pods) */
  readonly nodes?: number;
  /** Build the truth table. @default true */
  readonly table?: boolean;
}

function emit(phase: string, data: { [k: string]: unknown }): void {
  process.stdout.write(`${JSON.stringify({ phase, ...data, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
}

function main(args: ChildArgs): void {
  let t = process.hrtime.bigint();
  const cluster = generateCluster({ seed: args.seed, pods: args.pods, policies: args.policies, hostEndpoints: args.hostEndpoints, ...(args.nodes ? { nodes: args.nodes } : {}) });
  const yaml = clusterYaml(cluster);
  fs.mkdirSync(args.dir, { recursive: true });
  const manifests = path.join(args.dir, 'manifests.yaml');
  const inventory = path.join(args.dir, 'inventory.yaml');
  fs.writeFileSync(manifests, yaml.manifests);
  fs.writeFileSync(inventory, yaml.inventory);
  emit('generate', { ms: ms(t), nodes: cluster.inventory.nodes.length, namespaces: cluster.inventory.namespaces.length,
    deployments: cluster.inventory.workloads.length, resources: cluster.kubePolicies.length + cluster.calicoResources.length });

  t = process.hrtime.bigint();
  const inputs = loadEngineInputs({ manifests: [manifests], cluster: inventory });
  emit('load', { ms: ms(t) });
  t = process.hrtime.bigint();
  const model = buildEngineModel(inputs);
  emit('build', { ms: ms(t), endpoints: model.endpoints.length });

  // cost of one evaluation, sampled on random workload pairs (to extrapolate when the table times out)
  const rng = new Rng(args.seed + 1);
  const wls = model.endpoints.filter((e) => e.kind === 'workload');
  const protocol = parseProtocol('TCP');
  const samples = 300;
  const pairs = Array.from({ length: samples }, () => [rng.pick(wls), rng.pick(wls)]);
  const evalAll = (): number => {
    const t0 = process.hrtime.bigint();
    for (const [a, b] of pairs) {
      evaluateFlow(model, { source: { endpoint: a, ip: a.ips[0], id: a.id }, destination: { endpoint: b, ip: b.ips[0], id: b.id }, protocol, port: args.port }, { stopAtFirstDeny: true });
    }
    return (ms(t0) * 1000) / samples;
  };
  // first pass fills the engine's per-label-set caches; the second is the steady state of a table
  const coldUs = evalAll();
  const warmUs = evalAll();
  // the table groups workloads by labels, named ports, address signature and the host class of their node
  // (not the node itself): this estimate ignores the address signature
  const groupKeys = new Set(wls.map((e) => JSON.stringify([e.namespace, e.labels, e.namedPorts])));
  emit('sample', { usPerEval: warmUs, coldUsPerEval: coldUs, groupsEstimate: groupKeys.size });

  // plans of the busiest nodes (most endpoints)
  const busiest = model.nodes.map((n) => ({ name: n.name, eps: nodeEndpoints(model, n.name).length }))
    .sort((a, b) => b.eps - a.eps || a.name.localeCompare(b.name)).slice(0, args.planNodes);
  const times: number[] = [];
  let largest: { node: string; iptables: string; ipsets: string; rules: number; endpoints: number } | undefined;
  for (const n of busiest) {
    t = process.hrtime.bigint();
    const plan = renderNodePlan(model, n.name);
    times.push(ms(t));
    const rules = plan.iptables.split('\n').filter((l) => l.startsWith('-A ')).length;
    if (!largest || rules > largest.rules) largest = { node: n.name, iptables: plan.iptables, ipsets: plan.ipsets, rules, endpoints: n.eps };
  }
  if (!largest) throw new Error('no node to plan');
  fs.writeFileSync(path.join(args.dir, 'largest.iptables'), largest.iptables);
  fs.writeFileSync(path.join(args.dir, 'largest.ipsets'), largest.ipsets);
  const ipsetCount = largest.ipsets.split('\n').filter((l) => l.startsWith('create ')).length;
  const policiesOnNode = new Set(largest.iptables.split('\n').filter((l) => l.startsWith(':cali-pi-') || l.startsWith(':cali-po-'))
    .map((l) => l.slice(9).split(' ')[0])).size;
  // the same node in the compact layout (flat dispatch, an accept check every 5 jumps, no group chains)
  const compact = renderNodePlan(model, largest.node, { layout: 'compact' }).iptables;
  fs.writeFileSync(path.join(args.dir, 'largest.compact.iptables'), compact);
  const compactRules = compact.split('\n').filter((l) => l.startsWith('-A ')).length;
  emit('plan', { msPerNodeMedian: median(times), msPerNodeMax: Math.max(...times), nodesRendered: times.length,
    largestNode: largest.node, largestRules: largest.rules, largestEndpoints: largest.endpoints, largestIpsets: ipsetCount,
    largestPolicyChains: policiesOnNode, planFile: path.join(args.dir, 'largest.iptables'), ipsetFile: path.join(args.dir, 'largest.ipsets'),
    compactRules, compactPlanFile: path.join(args.dir, 'largest.compact.iptables') });

  // rules a packet traverses: same-node pod-to-pod flows through FORWARD on the largest plan
  const chains = parseFilterTable(largest.iptables);
  const sets = parseIpSets(largest.ipsets);
  const eps = nodeEndpoints(model, largest.node).filter((e) => e.kind === 'workload');
  const counts: number[] = [];
  const unknown = new Set<string>();
  const walk = (a: typeof eps[number], b: typeof eps[number]): number => {
    const r = walkForward(chains, sets, { inIface: a.interfaceName, outIface: b.interfaceName, src: a.ips[0], dst: b.ips[0], proto: 'tcp', dport: args.port, sport: 40000 });
    r.unknown.forEach((u) => unknown.add(u));
    return r.rulesTested;
  };
  for (let i = 0; i < 300 && eps.length > 1; i++) {
    const a = rng.pick(eps);
    const b = rng.pick(eps);
    if (a !== b) counts.push(walk(a, b));
  }
  // worst case: the endpoints with the longest egress and ingress chains, on a port no rule names
  const chainLen = (prefix: string, e: typeof eps[number]): number => (chains.get(`${prefix}${e.interfaceName}`) ?? []).length;
  const src = [...eps].sort((a, b) => chainLen('cali-fw-', b) - chainLen('cali-fw-', a))[0];
  const dst = [...eps].sort((a, b) => chainLen('cali-tw-', b) - chainLen('cali-tw-', a)).find((e) => e !== src);
  let worst = Math.max(0, ...counts);
  if (src && dst) {
    for (const port of [args.port, 1]) {
      const r = walkForward(chains, sets, { inIface: src.interfaceName, outIface: dst.interfaceName, src: src.ips[0], dst: dst.ips[0], proto: 'tcp', dport: port, sport: 40000 });
      worst = Math.max(worst, r.rulesTested);
    }
  }
  emit('walk', { typical: median(counts), p90: [...counts].sort((a, b) => a - b)[Math.floor(counts.length * 0.9)] ?? NaN, worst, flows: counts.length, unknownMatches: [...unknown] });
  if (args.table === false) {
    emit('done', {});
    return;
  }
  t = process.hrtime.bigint();
  const table = buildTruthTable(model, { protocol: 'TCP', port: args.port });
  emit('table', { ms: ms(t), groups: table.groupCount, rows: table.ids.length, heapUsedMiB: process.memoryUsage().heapUsed / 1048576 });

  emit('done', {});
}

main(JSON.parse(process.argv[2]) as ChildArgs);
