// One verification: build the namespaces, load the plan, probe, compare, always tear down.
import { compareFlows, FlowJudge, NodeVerifyReport } from './compare';
import { enumerateFlows, FlowOptions } from './flows';
import { loadPlan, PlanText } from './load';
import { ProbeOptions, sendProbes } from './probe';
import { buildTopology, TopologySpec } from './topology';

/** Everything one node's verification needs. */
export interface NodeVerification {
  readonly node: string;
  readonly plan: PlanText;
  readonly topology: TopologySpec;
  readonly judge: FlowJudge;
  readonly flows: FlowOptions;
  /** @default - ProbeOptions defaults */
  readonly probe?: ProbeOptions;
}

/** Runs the verification of one node; every namespace is removed afterwards, even on failure. */
export async function runNodeVerification(input: NodeVerification): Promise<NodeVerifyReport> {
  const topology = await buildTopology(input.topology);
  try {
    await loadPlan(topology.nodeNs, input.plan);
    const flows = enumerateFlows(topology, input.flows);
    const observed = await sendProbes(flows, input.probe);
    return compareFlows(input.node, flows, observed, input.judge);
  } finally {
    await topology.destroy();
  }
}
