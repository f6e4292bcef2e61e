// The connectivity graph, read off the workload matrix: its parties as nodes (its namespaces and the
// host endpoints as one node each when there are more than GRAPH_PARTIES_MAX parties; the outside
// classes, the internet among them, always their own), an edge where some member pair has a connection.
import { GraphEdge, GraphNode, ReportGraph, WorkloadMatrix } from './data';

/** Above this many parties the graph shows namespaces, host endpoints and outside classes as one node each. */
const GRAPH_PARTIES_MAX = 30;
/** An edge names at most this many distinct connection sets. */
const EDGE_SETS_MAX = 3;

/** Builds the graph (no further evaluation). */
export function buildGraph(matrix: WorkloadMatrix): ReportGraph {
  const byParty = matrix.parties.length <= GRAPH_PARTIES_MAX;
  // the outside classes stay nodes of their own (the internet is always one)
  const members: number[][] = byParty ? matrix.parties.map((_, i) => [i])
    : matrix.groups.flatMap((g) => (g.kind === 'external' ? g.members.map((m) => [m]) : [[...g.members]]));
  const nodes: GraphNode[] = members.map((m, i) => {
    const first = matrix.parties[m[0]];
    const group = matrix.groups[first.group];
    const label = m.length > 1 || (!byParty && group.kind !== 'external') ? group.name
      : first.kind === 'workload' ? `${group.name}/${first.label}` : first.label;
    return {
      id: `g${i + 1}`,
      label,
      ...(group.kind === 'namespace' ? { namespace: group.name } : {}),
      members: m.map((p) => matrix.parties[p].name),
    };
  });
  const edges: GraphEdge[] = [];
  members.forEach((from, a) => members.forEach((to, b) => {
    const texts = new Map<string, number>();
    let judged = 0;
    let connected = 0;
    let varies = false;
    for (const r of from) {
      for (const c of to) {
        const cell = matrix.cells[r][c];
        if (cell < 0) continue;
        judged++;
        if (cell === 0) continue;
        connected++;
        varies ||= matrix.entries[cell].differsPerPod;
        const text = matrix.entries[cell].text;
        texts.set(text, (texts.get(text) ?? 0) + 1);
      }
    }
    if (connected === 0) return;
    const sets = [...texts.keys()];
    const ports = sets.length > EDGE_SETS_MAX ? [...sets.slice(0, EDGE_SETS_MAX), `${sets.length - EDGE_SETS_MAX} more`] : sets;
    edges.push({ from: nodes[a].id, to: nodes[b].id, ports, partial: connected < judged || sets.length > 1 || varies });
  }));
  return { nodes, edges };
}
