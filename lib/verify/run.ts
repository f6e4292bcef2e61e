// One verification: build the namespaces, load the plan, probe, compare, always tear down.
import { compareFlows, FlowJudge, NodeVerifyReport } from './compare';
import { enumerateFlows, FlowOptions } from './flows';
import { loadPlan, PlanText, reloadPlan } from './load';
import { ProbeOptions, sendProbes } from './probe';
import { ServiceVariant } from './service-flows';
import { buildTopology, Topology, TopologySpec } from './topology';

/** Everything one node's verification needs. */
export interface NodeVerification {
  readonly node: string;
  readonly plan: PlanText;
  readonly topology: TopologySpec;
  readonly judge: FlowJudge;
  readonly flows: FlowOptions;
  /** @default - ProbeOptions defaults */
  readonly probe?: ProbeOptions;
  /**
   * The Service probes of the built topology, per kube-proxy variant: after the direct probes each
   * variant's rules are loaded with the plan and its probes sent. @default - no Service probes
   */
  readonly services?: (topology: Topology) => readonly ServiceVariant[];
}

/** Runs the verification of one node; every namespace is removed afterwards, even on failure. */
export async function runNodeVerification(input: NodeVerification): Promise<NodeVerifyReport> {
  const topology = await buildTopology(input.topology);
  try {
    await loadPlan(topology.nodeNs, input.plan);
    const flows = enumerateFlows(topology, input.flows);
    const observed = await sendProbes(flows, input.probe);
    const all = [...flows];
    for (const variant of input.services?.(topology) ?? []) {
      await reloadPlan(topology.nodeNs, { ...input.plan, kubeProxy: variant.kubeProxy, ...(variant.kubeProxy6 !== undefined ? { kubeProxy6: variant.kubeProxy6 } : {}) });
      for (const [id, result] of await sendProbes(variant.flows, input.probe)) observed.set(id, result);
      all.push(...variant.flows);
    }
    return compareFlows(input.node, all, observed, input.judge);
  } finally {
    await topology.destroy();
  }
}
