// The connectivity graph as inline SVG: circular layout, curved edges with arrows, hover titles.
import { ReportGraph } from './data';
import { esc } from './escape';
import { circleLayout, labelWidth, round } from './layout';

const NODE_R = 14;
const PALETTE = ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00', '#2e7d32', '#ad1457', '#4e342e', '#283593', '#9e9d24', '#00695c'];

/** A fill colour per namespace, in order of first appearance. */
function namespaceColours(graph: ReportGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    const ns = n.namespace ?? '';
    if (!out.has(ns)) out.set(ns, PALETTE[out.size % PALETTE.length]);
  }
  return out;
}

/** Renders the graph; edges are `<path class="edge">` (dashed when partial), nodes `<g class="node">`. */
export function graphToSvg(graph: ReportGraph): string {
  const longest = Math.max(0, ...graph.nodes.map((n) => labelWidth(n.label)));
  const layout = circleLayout(graph.nodes.length, longest + 30, NODE_R);
  const pos = new Map(graph.nodes.map((n, i) => [n.id, layout.nodes[i]]));
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const colours = namespaceColours(graph);
  const parts: string[] = [];
  parts.push(`<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" `
    + `viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="connectivity graph">`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
    + '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>');
  for (const e of graph.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const title = `${labelOf.get(e.from)} -> ${labelOf.get(e.to)}: ${e.ports.join('; ')}${e.partial ? ' (only some pods or ports)' : ''}`;
    const d = e.from === e.to ? selfLoop(a.x, a.y, a.angle) : curve(a.x, a.y, b.x, b.y, layout.cx, layout.cy);
    parts.push(`<path class="edge${e.partial ? ' partial' : ''}" data-from="${e.from}" data-to="${e.to}" d="${d}" marker-end="url(#arrow)">`
      + `<title>${esc(title)}</title></path>`);
  }
  graph.nodes.forEach((n, i) => {
    const p = layout.nodes[i];
    const right = Math.cos(p.angle) >= -1e-9;
    const lx = round(p.x + Math.cos(p.angle) * (NODE_R + 6));
    const ly = round(p.y + Math.sin(p.angle) * (NODE_R + 6) + 4);
    parts.push(`<g class="node" data-node="${n.id}"><title>${esc(`${n.label}\n${n.members.join('\n')}`)}</title>`
      + `<circle cx="${p.x}" cy="${p.y}" r="${NODE_R}" fill="${colours.get(n.namespace ?? '')}"/>`
      + `<text class="count" x="${p.x}" y="${round(p.y + 4)}" text-anchor="middle">${n.members.length}</text>`
      + `<text x="${lx}" y="${ly}" text-anchor="${right ? 'start' : 'end'}">${esc(n.label)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** A quadratic curve bent towards the centre and to one side, so A->B and B->A do not overlap. */
function curve(x1: number, y1: number, x2: number, y2: number, cx: number, cy: number): string {
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const qx = mx + (cx - mx) * 0.25 + (-dy / len) * 16;
  const qy = my + (cy - my) * 0.25 + (dx / len) * 16;
  const sx = x1 + ((qx - x1) / Math.hypot(qx - x1, qy - y1)) * NODE_R;
  const sy = y1 + ((qy - y1) / Math.hypot(qx - x1, qy - y1)) * NODE_R;
  const el = Math.hypot(x2 - qx, y2 - qy) || 1;
  const ex = x2 - ((x2 - qx) / el) * (NODE_R + 2);
  const ey = y2 - ((y2 - qy) / el) * (NODE_R + 2);
  return `M ${round(sx)} ${round(sy)} Q ${round(qx)} ${round(qy)} ${round(ex)} ${round(ey)}`;
}

/** A loop outside the node, turned away from the centre and from the label (which sits straight out). */
function selfLoop(x: number, y: number, angle: number): string {
  const a = angle + (Math.cos(angle) >= -1e-9 ? -1.2 : 1.2);
  const out = (r: number, da: number): string => `${round(x + Math.cos(a + da) * r)} ${round(y + Math.sin(a + da) * r)}`;
  return `M ${out(NODE_R, -0.5)} C ${out(NODE_R + 40, -0.6)} ${out(NODE_R + 40, 0.6)} ${out(NODE_R + 2, 0.5)}`;
}
