// The connectivity graph as Mermaid or Graphviz DOT text.
import { GraphNode, ReportGraph } from './data';

function nodeText(n: GraphNode): string {
  return `${n.label} (${n.members.length})`;
}

/** Mermaid `flowchart LR`: dashed edges where only some pods or ports are allowed. */
export function graphToMermaid(graph: ReportGraph): string {
  const q = (s: string): string => `"${s.replace(/"/g, '#quot;')}"`;
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) lines.push(`  ${n.id}[${q(nodeText(n))}]`);
  for (const e of graph.edges) lines.push(`  ${e.from} ${e.partial ? '-.->' : '-->'}|${q(e.ports.join('; '))}| ${e.to}`);
  return `${lines.join('\n')}\n`;
}

/** Graphviz `digraph`: dashed edges where only some pods or ports are allowed. */
export function graphToDot(graph: ReportGraph): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph netsec {', '  rankdir=LR;', '  node [shape=box, fontname="sans-serif"];'];
  for (const n of graph.nodes) lines.push(`  ${n.id} [label=${q(nodeText(n))}];`);
  for (const e of graph.edges) lines.push(`  ${e.from} -> ${e.to} [label=${q(e.ports.join('; '))}${e.partial ? ', style=dashed' : ''}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
