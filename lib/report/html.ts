// The self-contained report page: inline CSS, SVG and scripts (the workload matrix's, and one that
// records that the page was laid out and how long it took, for headless-browser checks); no external assets.
import { portKeyText } from '../diff/ports';
import { ReportData } from './data';
import { esc } from './escape';
import { guardrailsHtml } from './html-guardrails';
import { connectionsHtml, hostsHtml, lintHtml, matrixHtml, overviewHtml, servicesHtml } from './html-sections';
import { workloadMatrixHtml } from './html-matrix';
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
div.scroll { max-height: 260px; overflow: auto; border: 1px solid #eee; }
nav.toc a { margin-right: 12px; }
.selector { position: sticky; top: 0; background: #fff; padding: 6px 0; z-index: 3; }
.selector select, .selector input, .selector button { font: inherit; }
.selector input { width: 90px; }
pre.cell-info { background: #f5f5f5; border: 1px solid #ddd; padding: 4px 8px; white-space: pre-wrap; max-height: 160px; overflow: auto; margin: 4px 0; }
div.wmatrix { overflow: auto; max-height: 85vh; }
table.wm { border-collapse: separate; border-spacing: 0; font-size: 11px; }
table.wm th, table.wm td { border: 1px solid #e0e0e0; padding: 1px 3px; }
table.wm thead th { position: sticky; background: #fafafa; z-index: 2; }
table.wm thead tr:first-child th { top: 0; }
table.wm thead tr:nth-child(2) th { top: 22px; }
table.wm th.grp { cursor: pointer; background: #eceff1; font-weight: 600; white-space: nowrap; }
table.wm th.grp:hover { background: #cfd8dc; }
table.wm th.col { height: 120px; vertical-align: bottom; white-space: nowrap; }
table.wm th.col span { writing-mode: vertical-rl; transform: rotate(180deg); }
table.wm th.row { white-space: nowrap; text-align: left; }
table.wm td.c { min-width: 44px; max-width: 64px; height: 18px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; text-align: center; cursor: pointer; }
.s-all { background: #66bb6a; color: #fff; } .s-allow { background: #81c784; color: #fff; }
.s-some { background: #dcedc8; color: #33691e; } .s-none { background: #ffebee; color: #b71c1c; } .s-self { background: #eeeeee; color: #999; }
.legend span.s-all, .legend span.s-some, .legend span.s-allow, .legend span.s-none { display: inline-block; padding: 0 6px; margin-right: 6px; }
td.action-deny { background: #ffcdd2; } td.action-pass { background: #fff9c4; } td.action-accept, td.action-allow { background: #c8e6c9; }
td.open { background: #ffe0b2; } td.closed { background: #e8f5e9; }
tr.sev-error td { background: #ffcdd2; } tr.sev-warning td { background: #fff9c4; }
.empty { color: #666; font-style: italic; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 8px; }
`;

/** Marks <body> with data-rendered="ok" when every cell and graph node has a laid-out box, and with the time from navigation start. */
const RENDER_CHECK = `(function () {
  var cells = document.querySelectorAll('td.cell, td.c'), laid = 0, i;
  for (i = 0; i < cells.length; i++) { var r = cells[i].getBoundingClientRect(); if (r.width > 0 && r.height > 0) laid++; }
  var nodes = document.querySelectorAll('svg.graph g.node'), boxed = 0;
  for (i = 0; i < nodes.length; i++) { var b = nodes[i].getBBox(); if (b.width > 0 && b.height > 0) boxed++; }
  var edges = document.querySelectorAll('svg.graph path.edge'), drawn = 0;
  for (i = 0; i < edges.length; i++) { if (edges[i].getTotalLength() > 0) drawn++; }
  var allow = document.querySelector('td.cell.allow'), deny = document.querySelector('td.cell.deny'), s = document.body;
  s.setAttribute('data-cells', String(cells.length));
  s.setAttribute('data-cells-laid-out', String(laid));
  s.setAttribute('data-graph-nodes-laid-out', String(boxed));
  s.setAttribute('data-graph-edges-drawn', String(drawn));
  s.setAttribute('data-allow-colour', allow ? getComputedStyle(allow).backgroundColor : '');
  s.setAttribute('data-deny-colour', deny ? getComputedStyle(deny).backgroundColor : '');
  s.setAttribute('data-rendered', laid === cells.length && boxed === nodes.length && drawn === edges.length ? 'ok' : 'incomplete');
  s.setAttribute('data-render-ms', String(Math.round(performance.now())));
})();`;

function summaryLine(data: ReportData): string {
  const m = data.workloads;
  const count = (k: string): number => m.parties.filter((p) => p.kind === k).length;
  const pods = m.parties.filter((p) => p.kind === 'workload').reduce((n, p) => n + p.size, 0);
  const errors = data.lint.findings.filter((f) => f.severity === 'error').length;
  return `${count('workload')} workloads (${pods} pods) in ${m.groups.filter((g) => g.kind === 'namespace').length} namespaces, `
    + `${count('host')} host endpoints, ${count('external')} outside address classes; `
    + `${data.lint.findings.length} lint findings${errors > 0 ? ` (${errors} errors)` : ''}.`;
}

function podLevelHtml(data: ReportData): string {
  if (data.matrices.length === 0) {
    return '<p class="empty">Not generated: run <code>netsec report --pods</code> for one truth table per compared port with the deciding rules of every pod pair.</p>';
  }
  const ports = data.matrices.map((m) => portKeyText(m.port)).join(', ');
  return `<p class="legend">Compared ports: ${esc(ports)}. Rows are sources, columns destinations; hover a cell for the rules that decided.
<span class="cell allow">✓ allowed</span><span class="cell deny">✗ denied</span></p>
${[overviewHtml(data.matrices), ...data.matrices.map(matrixHtml)].join('\n')}`;
}

/** The whole page. */
export function reportToHtml(data: ReportData): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(data.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${CSS}</style></head>
<body>
<h1>${esc(data.title)}</h1>
<p class="summary">${esc(summaryLine(data))}</p>
<nav class="toc"><a href="#hosts">Host endpoints</a><a href="#guardrails">Cluster guardrails</a><a href="#services">Services</a><a href="#lint">Lint</a><a href="#matrix">Workload matrix</a><a href="#graph">Graph</a><a href="#pods">Pod level</a></nav>
<h2 id="hosts">Host endpoints per node</h2>
<div class="scroll">${hostsHtml(data.nodes)}</div>
<h2 id="guardrails">Cluster guardrails</h2>
${guardrailsHtml(data.guardrails)}
<h2 id="services">Services</h2>
<p class="legend">Each port's backends (kube-proxy iptables mode DNATs to one at random) and who reaches how many of them: every workload and host endpoint through the cluster IP;
from outside, each nodePort on each node address, LoadBalancer and external IP (pre-DNAT, forward and the backend's policy).</p>
${servicesHtml(data.services)}
<h2 id="lint">Lint findings</h2>
${lintHtml(data.lint)}
<h2 id="matrix">Workload matrix</h2>
${workloadMatrixHtml(data.workloads, data.ports)}
<h2 id="graph">Connectivity graph</h2>
<p class="legend">${data.graph.nodes.length < data.workloads.parties.length ? 'Nodes are the namespaces, the host endpoints and each outside address class (the internet one of them)'
    : 'Nodes are the parties of the matrix (workloads, host endpoints, outside address classes such as the internet)'}, with the number of members;
an arrow means some member of the source may open some connection to some member of the destination; dashed: only some member pairs or connections.</p>
${graphToSvg(data.graph)}
${connectionsHtml(data.graph)}
<h2 id="pods">Pod level</h2>
${podLevelHtml(data)}
<script>${RENDER_CHECK}</script>
</body></html>
`;
}
