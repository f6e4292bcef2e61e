// The connectivity graph: groups of pods as nodes, an edge where some member pair is allowed.
import { Endpoint } from '../engine';
import { portKeyText } from '../diff/ports';
import { GraphEdge, GraphNode, ReportGraph, ReportMatrix } from './data';
import { groupEndpoints } from '../diff/groups';

/** Builds the graph from the matrices (no further evaluation). */
export function buildGraph(endpoints: readonly Endpoint[], matrices: readonly ReportMatrix[]): ReportGraph {
  const groups = groupEndpoints(endpoints.filter((e) => e.kind === 'workload'));
  const nodes: GraphNode[] = groups.map((g, i) => ({ id: `g${i + 1}`, label: g.label, namespace: g.namespace, members: g.members }));
  const edges: GraphEdge[] = [];
  const indexes = matrices.map((m) => new Map(m.ids.map((id, i) => [id, i])));
  for (const a of nodes) {
    for (const b of nodes) {
      const ports: string[] = [];
      let partial = false;
      for (const [mi, m] of matrices.entries()) {
        const index = indexes[mi];
        let pairs = 0;
        let allowed = 0;
        for (const from of a.members) {
          for (const to of b.members) {
            const r = index.get(from);
            const c = index.get(to);
            if (r === undefined || c === undefined || r === c) continue;
            pairs++;
            if (m.cells[r][c].allowed) allowed++;
          }
        }
        if (allowed > 0) {
          ports.push(portKeyText(m.port));
          if (allowed < pairs) partial = true;
        }
      }
      if (ports.length > 0) edges.push({ from: a.id, to: b.id, ports, partial });
    }
  }
  return { nodes, edges };
}
