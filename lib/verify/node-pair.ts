// One verification of two nodes joined as on a cluster: build both, load each node's plan, join
// them by their private interface (node-link.ts), then per kube-proxy variant load both nodes'
// pinned rules and probe the Service paths that cross from one node to the other; always tear down.
import { AgentResult } from './agent';
import { compareFlows, FlowJudge, NodeVerifyReport } from './compare';
import { ProbeFlow } from './flows';
import { loadPlan, PlanText, reloadPlan } from './load';
import { connectNodes } from './node-link';
import { ProbeOptions, sendProbes } from './probe';
import { BuiltNode, PairVariant } from './service-flows';
import { buildTopology, Topology, TopologySpec } from './topology';

/** One of the two nodes: its plan, what to build, and its address on the link (its InternalIP). */
export interface PairNode {
  readonly node: string;
  readonly plan: PlanText;
  /** Without the link interface: {@link connectNodes} creates it. */
  readonly topology: TopologySpec;
  readonly address: string;
}

/** Everything the verification of two joined nodes needs. */
export interface NodePairVerification {
  readonly nodes: readonly [PairNode, PairNode];
  /** The interface the two nodes are joined by (the nodes' private interface). */
  readonly link: string;
  readonly judge: FlowJudge;
  /** @default - ProbeOptions defaults */
  readonly probe?: ProbeOptions;
  /** The Service probes across the two built nodes, per kube-proxy variant. */
  readonly services: (a: BuiltNode, b: BuiltNode) => readonly PairVariant[];
}

/** Runs the verification of two joined nodes; every namespace of both is removed afterwards, even on failure. */
export async function runNodePairVerification(input: NodePairVerification): Promise<NodeVerifyReport> {
  const [a, b] = input.nodes;
  const built: Topology[] = [];
  try {
    for (const n of input.nodes) built.push(await buildTopology(n.topology));
    const [ta, tb] = built;
    await loadPlan(ta.nodeNs, a.plan);
    await loadPlan(tb.nodeNs, b.plan);
    await connectNodes({ topology: ta, address: a.address }, { topology: tb, address: b.address }, input.link);
    const observed = new Map<string, AgentResult>();
    const all: ProbeFlow[] = [];
    for (const variant of input.services({ node: a.node, topology: ta }, { node: b.node, topology: tb })) {
      await reloadPlan(ta.nodeNs, { ...a.plan, kubeProxy: variant.kubeProxy[a.node] });
      await reloadPlan(tb.nodeNs, { ...b.plan, kubeProxy: variant.kubeProxy[b.node] });
      for (const [id, result] of await sendProbes(variant.flows, input.probe)) observed.set(id, result);
      all.push(...variant.flows);
    }
    return { ...compareFlows(`${a.node}+${b.node}`, all, observed, input.judge), joined: [a.node, b.node] };
  } finally {
    for (const t of built.reverse()) await t.destroy();
  }
}
