// HTML of the report's sections: pod-level matrices, connections, host endpoints, lint findings.
import { portKeyText } from '../diff/ports';
import { LintSection, NodeSummary, ReportGraph, ReportMatrix, ReportService, ServiceReach } from './data';
import { esc } from './escape';
import { NO_CONNECTIONS } from '../connectivity';
import { connectionDisplayText } from './connection-parse';

/** One truth table: `td.cell.allow|deny|self` with data-from/data-to and the deciding rules as title. */
export function matrixHtml(m: ReportMatrix): string {
  const port = portKeyText(m.port);
  const head = m.ids.map((id) => `<th class="col" scope="col"><span>${esc(id)}</span></th>`).join('');
  const rows = m.ids.map((from, r) => {
    const cells = m.ids.map((to, c) => {
      const cell = m.cells[r][c];
      const cls = cell.self ? 'self' : cell.allowed ? 'allow' : 'deny';
      const mark = cell.self ? '·' : cell.allowed ? '✓' : '✗';
      return `<td class="cell ${cls}" data-from="${esc(from)}" data-to="${esc(to)}" title="${esc(cell.title)}">${mark}</td>`;
    }).join('');
    return `<tr><th class="row" scope="row">${esc(from)}</th>${cells}</tr>`;
  }).join('\n');
  const allowed = m.cells.reduce((n, row) => n + row.filter((c) => c.allowed && !c.self).length, 0);
  const pairs = m.ids.length * (m.ids.length - 1);
  return `<section class="matrix-section"><h3>${esc(port)} <small>${allowed} of ${pairs} pod pairs allowed</small></h3>
<table class="matrix" data-port="${esc(port)}"><thead><tr><th class="corner">from \\ to</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

/** The graph's edges as a table (readable without hovering). */
export function connectionsHtml(graph: ReportGraph): string {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  if (graph.edges.length === 0) return '<p class="empty">No node of the graph may open a connection to another.</p>';
  const rows = graph.edges.map((e) => `<tr class="${e.partial ? 'partial' : 'full'}"><td>${esc(label.get(e.from) ?? e.from)}</td>`
    + `<td>${esc(label.get(e.to) ?? e.to)}</td><td>${esc(e.ports.join('; '))}</td><td>${e.partial ? 'some' : 'all'}</td></tr>`).join('\n');
  return `<div class="scroll"><table class="connections"><thead><tr><th>From</th><th>To</th><th>Connections</th><th>Member pairs</th></tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

/** Per node: addresses and host endpoints with their policies and what is open from outside. */
export function hostsHtml(nodes: readonly NodeSummary[]): string {
  if (nodes.length === 0) return '<p class="empty">The inventory has no nodes.</p>';
  return nodes.map((n) => {
    const heps = n.hostEndpoints.length === 0 ? '<p class="empty">No host endpoints: the node\'s own traffic is not policed.</p>'
      : `<table class="hosts"><thead><tr><th>Host endpoint</th><th>Interface</th><th>IPs</th><th>Policies that apply</th>`
        + `<th>Open from outside (203.0.113.10)</th></tr></thead><tbody>${n.hostEndpoints.map((h) => `<tr><td>${esc(h.name)}</td>`
          + `<td>${esc(h.interfaceName)}</td><td>${esc(h.ips.join(', ') || '-')}</td>`
          + `<td>${h.policies.length === 0 ? '<em>none (profiles only)</em>' : h.policies.map(esc).join('<br>')}</td>`
          + `<td class="${h.openFromOutside !== undefined && h.openFromOutside !== NO_CONNECTIONS ? 'open' : 'closed'}">`
          + `${h.openFromOutside === undefined ? 'unknown (no IPv4 address)' : esc(connectionDisplayText(h.openFromOutside))}</td></tr>`).join('\n')}</tbody></table>`;
    return `<section class="node" data-node="${esc(n.name)}"><h3>${esc(n.name)} <small>${esc(n.addresses.join(', '))}</small></h3>\n${heps}</section>`;
  }).join('\n');
}

/** Lint findings, or a labelled empty section when lint did not run. */
export function lintHtml(lint: LintSection): string {
  if (!lint.available) return `<p class="empty lint-unavailable">Lint findings unavailable: ${esc(lint.note)}</p>`;
  if (lint.findings.length === 0) return `<p class="empty">No lint findings. ${esc(lint.note)}</p>`;
  const rows = lint.findings.map((f) => `<tr class="sev-${esc(f.severity)}"><td>${esc(f.ruleId)}</td><td>${esc(f.severity)}</td>`
    + `<td>${esc(f.message)}</td><td>${esc(f.where)}</td></tr>`).join('\n');
  return `<div class="scroll"><table class="lint"><thead><tr><th>Rule</th><th>Severity</th><th>Finding</th><th>Where</th></tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

/** All ports at once: a cell is `allow` when any compared port is allowed, its text the count of allowed ports. */
export function overviewHtml(matrices: readonly ReportMatrix[]): string {
  const ids = matrices[0]?.ids ?? [];
  const head = ids.map((id) => `<th class="col" scope="col"><span>${esc(id)}</span></th>`).join('');
  const rows = ids.map((from, r) => `<tr><th class="row" scope="row">${esc(from)}</th>${ids.map((to, c) => {
    if (r === c) return `<td class="cell overview self" data-from="${esc(from)}" data-to="${esc(to)}">·</td>`;
    const open = matrices.filter((m) => m.cells[r][c].allowed).map((m) => portKeyText(m.port));
    const title = open.length === 0 ? `${from} -> ${to}: denied on all ${matrices.length} compared ports`
      : `${from} -> ${to}: allowed on ${open.join(', ')}`;
    return `<td class="cell overview ${open.length > 0 ? 'allow' : 'deny'}" data-from="${esc(from)}" data-to="${esc(to)}" `
      + `title="${esc(title)}">${open.length > 0 ? open.length : '✗'}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<section class="matrix-section"><h3>All compared ports <small>number of ports allowed; hover for the list</small></h3>
<table class="matrix overview"><thead><tr><th class="corner">from \\ to</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function reachHtml(r: ServiceReach): string {
  const part = (cls: string, label: string, names: readonly string[]): string =>
    (names.length === 0 ? '' : `<div class="${cls}"><b>${label}:</b> ${names.map(esc).join(', ')}</div>`);
  const html = part('s-all', 'all backends', r.all) + part('s-some', 'some', r.some) + part('s-none', 'none', r.none);
  return html === '' ? '<em>no pods or host endpoints of its IP version</em>' : html;
}

/** Each Service: addresses, ports, backends and who reaches each port (ClusterIP path; external paths from outside). */
export function servicesHtml(services: readonly ReportService[]): string {
  if (services.length === 0) return '<p class="empty">No Services with a cluster IP (headless and ExternalName Services have none) in the inputs.</p>';
  return services.map((s) => {
    const rows = s.ports.map((p) => `<tr data-port="${esc(p.label)}"><td>${esc(p.label)}</td>`
      + `<td>${p.backends.length === 0 ? '<em>none: kube-proxy rejects the flow</em>' : p.backends.map(esc).join('<br>')}</td>`
      + `<td>${reachHtml(p.fromCluster)}</td>`
      + `<td>${p.fromOutside.length === 0 ? '-' : p.fromOutside.map((o) => `<div class="s-${o.summary}">${esc(o.to)}: ${o.summary}</div>`).join('')}</td></tr>`).join('\n');
    const extra = [s.type, ...s.policies, `backends from ${s.backendsFrom}`].join(', ');
    return `<section class="service" data-service="${esc(s.name)}"><h3>${esc(s.name)} <small>${esc(s.addresses.join(', '))}; ${esc(extra)}</small></h3>
<table class="services"><thead><tr><th>Port</th><th>Backends</th><th>From the cluster (by its cluster IP)</th><th>From outside (203.0.113.10)</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
  }).join('\n');
}
