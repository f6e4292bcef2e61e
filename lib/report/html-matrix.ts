// HTML of the workload matrix: the protocol and port selector, the table's container, the matrix
// as compact JSON (once; the inline script draws the table from it) and the legend.
import { protocolDisplayName, protocolHasPorts, protocolNumber } from '../model/net';
import { PortKey } from '../diff/ports';
import { ConnectionEntry, WorkloadMatrix } from './data';
import { esc } from './escape';
import { MATRIX_SCRIPT } from './matrix-script';

/** Above this many parties the namespaces start collapsed. */
const COLLAPSE_ABOVE = 40;
/** Cell texts longer than this are cut (the whole set is in the hover text and the details line). */
const SHORT_MAX = 9;
/** The protocols the selector always offers, in this order. */
const BASE_PROTOCOLS = [6, 17, 132, 1, 58];

function shortText(e: ConnectionEntry): string {
  if (e.summary.all) return 'All';
  if (e.differsPerPod) return 'pods differ';
  return e.text.length <= SHORT_MAX ? e.text : `${e.text.slice(0, SHORT_MAX - 1)}…`;
}

/** The matrix as the script reads it: short keys keep the page small at cluster size. */
function matrixJson(m: WorkloadMatrix): string {
  const data = {
    p: m.parties.map((p) => ({ l: p.label, n: p.name, g: p.group })),
    g: m.groups.map((g) => ({ n: g.name, k: g.kind, m: g.members, c: m.parties.length > COLLAPSE_ABOVE && g.kind === 'namespace' ? 1 : 0 })),
    e: m.entries.map((e) => ({
      t: e.text, s: shortText(e), a: e.summary.all ? 1 : 0, d: e.differsPerPod || e.summary.varies ? 1 : 0,
      p: e.summary.protocols, q: e.summary.partial, o: e.summary.others, ...(e.detail ? { x: e.detail } : {}),
    })),
    c: m.cells,
  };
  // `<` escaped so no text can end the script element
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function selectorHtml(m: WorkloadMatrix, ports: readonly PortKey[]): string {
  const protocols = [...BASE_PROTOCOLS, ...m.protocols.filter((n) => !BASE_PROTOCOLS.includes(n))];
  const named = (n: number): string => {
    const name = protocolDisplayName(n);
    return name.startsWith('protocol ') || BASE_PROTOCOLS.includes(n) ? name : `${name} (${n})`;
  };
  const options = protocols.map((n) => {
    const name = protocolDisplayName(n);
    const ported = protocolHasPorts(String(n));
    return `<option value="${n}" data-name="${esc(name.toUpperCase())}"${ported ? ' data-ports="1"' : ''}>${esc(named(n))}${ported ? ', port:' : ''}</option>`;
  });
  const shortcuts = ports.filter((k) => k.port !== undefined).map((k) => {
    const n = protocolNumber(k.protocol) ?? 0;
    return `<option value="${n}:${k.port}">${esc(`${protocolDisplayName(n)} ${k.port}`)}</option>`;
  });
  return `<div class="selector"><label>Show <select id="sel-proto"><option value="all">all connections</option>${options.join('')}`
    + `${shortcuts.length > 0 ? `<optgroup label="ports the policies name">${shortcuts.join('')}</optgroup>` : ''}</select></label>`
    + ` <input id="sel-port" type="number" min="1" max="65535" placeholder="any port" disabled aria-label="port">`
    + ` <button type="button" id="open-all">expand all</button> <button type="button" id="close-all">collapse all</button></div>`;
}

/** The section: selector, legend, details line, the table (drawn by the script) and its data. */
export function workloadMatrixHtml(m: WorkloadMatrix, ports: readonly PortKey[]): string {
  const collapsed = m.parties.length > COLLAPSE_ABOVE;
  return `${selectorHtml(m, ports)}
<p class="legend">Rows are sources, columns destinations: workloads (pods grouped by owner), host endpoints and the
outside address classes (<em>internet</em> is the largest; hover for its ranges). A cell is every connection the source may
open, over every protocol and port. <span class="s-all">All</span><span class="s-some">some (only some connections,
pods or members)</span><span class="s-allow">allowed</span><span class="s-none">none</span>
Click a group name to ${collapsed ? 'expand' : 'collapse'} it${collapsed ? ' (namespaces start collapsed at this size)' : ''}, a cell for its details.</p>
<pre id="cell-info" class="cell-info">Click a cell for the whole connection set.</pre>
<div id="wmatrix" class="wmatrix"></div>
<script type="application/json" id="matrix-data">${matrixJson(m)}</script>
<script>${MATRIX_SCRIPT}</script>`;
}
