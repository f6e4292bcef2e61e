// Small worlds for kernel tests of single Felix behaviours: manifests as objects, one node built in
// namespaces with a (possibly edited) plan, probes between chosen addresses judged by the engine.
import { dump } from 'js-yaml';
import { BuiltModel, buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { engineJudge } from '../../lib/verify/engine-judge';
import { enumerateFlows } from '../../lib/verify/flows';
import { loadPlan, PlanText } from '../../lib/verify/load';
import { sendProbes } from '../../lib/verify/probe';
import { buildTopology, Topology, TopologySpec } from '../../lib/verify/topology';

/** The engine model of these documents (manifests and inventory in one file). */
export function modelOf(docs: readonly object[]): BuiltModel {
  return buildEngineModel(parseEngineInputs([{ file: 'felix/manifests.yaml', text: docs.map((d) => dump(d)).join('---\n') }]));
}

/** Builds the topology, loads the plan, runs `fn`, and always removes the namespaces. */
export async function withNode(spec: TopologySpec, plan: PlanText, fn: (t: Topology) => Promise<void>): Promise<void> {
  const t = await buildTopology(spec);
  try {
    await loadPlan(t.nodeNs, plan);
    await fn(t);
  } finally {
    await t.destroy();
  }
}

/** One probe's result: `[source, destination, port, kernel let it through, engine allows]`. */
export type Observed = [string, string, number, boolean, boolean];

/** TCP probes for the given source/destination pairs on `port`, sorted by source then destination. */
export async function probeTcp(t: Topology, model: BuiltModel, pairs: readonly (readonly [string, string])[], port: number): Promise<Observed[]> {
  const ports = { tcp: [port], udp: [], icmp: false };
  const flows = enumerateFlows(t, { workloadPorts: ports, nodePorts: ports, externalPorts: ports, nodeRefs: new Map(), maxProbes: 1000 })
    .filter((f) => pairs.some(([s, d]) => f.source.ip === s && f.destination.ip === d));
  const seen = await sendProbes(flows);
  const judge = engineJudge(model);
  return flows.map((f): Observed => [f.source.ip, f.destination.ip, port, seen.get(f.id)?.ok ?? false, judge.judge(f).allowed])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}
