// The self-contained report page: inline CSS and SVG, one tiny inline script that records that
// the matrices and the graph were laid out (for headless-browser checks); no external assets.
import { portKeyText } from '../diff/ports';
import { ReportData } from './data';
import { esc } from './escape';
import { connectionsHtml, hostsHtml, lintHtml, matrixHtml, overviewHtml } from './html-sections';
import { graphToSvg } from './svg-graph';

const CSS = `
body { font: 13px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; border-bottom: 1px solid #ccc; margin-top: 32px; } h3 { font-size: 14px; }
small { color: #666; font-weight: normal; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
table.matrix td.cell { width: 20px; height: 20px; padding: 0; text-align: center; cursor: help; font-size: 12px; }
table.matrix td.allow { background: #a5d6a7; color: #1b5e20; }
table.matrix td.deny { background: #ef9a9a; color: #b71c1c; }
table.matrix td.self { background: #eeeeee; color: #999; }
table.matrix th.col { height: 140px; white-space: nowrap; vertical-align: bottom; padding: 2px; }
table.matrix th.col span { writing-mode: vertical-rl; transform: rotate(180deg); }
table.matrix th.row { white-space: nowrap; }
svg.graph { border: 1px solid #ddd; background: #fafafa; max-width: 100%; height: auto; }
svg.graph path.edge { fill: none; stroke: #555; stroke-width: 1.3; opacity: 0.75; }
svg.graph path.edge.partial { stroke-dasharray: 5 4; }
svg.graph path.edge:hover { stroke: #d84315; stroke-width: 3; opacity: 1; }
svg.graph text { font: 12px system-ui, sans-serif; fill: #222; }
svg.graph text.count { fill: #fff; font-size: 10px; font-weight: bold; }
td.open { background: #ffe0b2; } td.closed { background: #e8f5e9; }
tr.sev-error td { background: #ffcdd2; } tr.sev-warning td { background: #fff9c4; }
.empty { color: #666; font-style: italic; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 8px; }
`;

/** Marks <body> with data-rendered="ok" when every cell and graph node has a laid-out box. */
const RENDER_CHECK = `(function () {
  var cells = document.querySelectorAll('td.cell'), laid = 0, i;
  for (i = 0; i < cells.length; i++) { var r = cells[i].getBoundingClientRect(); if (r.width > 0 && r.height > 0) laid++; }
  var nodes = document.querySelectorAll('svg.graph g.node'), boxed = 0;
  for (i = 0; i < nodes.length; i++) { var b = nodes[i].getBBox(); if (b.width > 0 && b.height > 0) boxed++; }
  var edges = document.querySelectorAll('svg.graph path.edge'), drawn = 0;
  for (i = 0; i < edges.length; i++) { if (edges[i].getTotalLength() > 0) drawn++; }
  var allow = document.querySelector('td.cell.allow'), deny = document.querySelector('td.cell.deny'), s = document.body;
  s.setAttribute('data-cells-laid-out', String(laid));
  s.setAttribute('data-graph-nodes-laid-out', String(boxed));
  s.setAttribute('data-graph-edges-drawn', String(drawn));
  s.setAttribute('data-allow-colour', allow ? getComputedStyle(allow).backgroundColor : '');
  s.setAttribute('data-deny-colour', deny ? getComputedStyle(deny).backgroundColor : '');
  s.setAttribute('data-rendered', laid === cells.length && boxed === nodes.length && drawn === edges.length ? 'ok' : 'incomplete');
})();`;

/** The whole page. */
export function reportToHtml(data: ReportData): string {
  const ports = data.matrices.map((m) => portKeyText(m.port)).join(', ') || 'none';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(data.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${CSS}</style></head>
<body>
<h1>${esc(data.title)}</h1>
<p>Compared ports: ${esc(ports)}. Pods: ${data.matrices[0]?.ids.length ?? 0}. Groups: ${data.graph.nodes.length}.
Hover a cell or an edge for the rules that decided.</p>
<h2 id="graph">Connectivity graph</h2>
<p class="legend">Nodes are groups of pods with identical labels in one namespace (the number is the pod count); an arrow means some pod of
the source group may open a connection to some pod of the destination group; dashed: only some pod pairs or ports.</p>
${graphToSvg(data.graph)}
${connectionsHtml(data.graph)}
<h2 id="matrix">Truth tables</h2>
<p class="legend">Rows are sources, columns destinations. <span class="cell allow">✓ allowed</span><span class="cell deny">✗ denied</span></p>
${data.matrices.length === 0 ? '<p class="empty">No ports to compare.</p>' : [overviewHtml(data.matrices), ...data.matrices.map(matrixHtml)].join('\n')}
<h2 id="hosts">Host endpoints per node</h2>
${hostsHtml(data.nodes)}
<h2 id="lint">Lint findings</h2>
${lintHtml(data.lint)}
<script>${RENDER_CHECK}</script>
</body></html>
`;
}
