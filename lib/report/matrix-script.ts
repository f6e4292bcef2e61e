// The inline script of the workload matrix: draws the table from the embedded JSON, collapses and
// expands groups, recolours the cells for the chosen protocol and port, and shows a cell's details.
// The page's address may preselect: `#sel=TCP/5432` (or `#sel=112`, `#sel=VRRP`) and `#open=all`.

/** The script text (plain ES5, no external code). */
export const MATRIX_SCRIPT = String.raw`(function () {
  var D = JSON.parse(document.getElementById('matrix-data').textContent);
  var P = D.p, G = D.g, E = D.e, C = D.c;
  var collapsed = G.map(function (g) { return g.c === 1; });
  var sel = { all: true };
  var box = document.getElementById('wmatrix'), info = document.getElementById('cell-info');
  var protoEl = document.getElementById('sel-proto'), portEl = document.getElementById('sel-port');
  var units = [];
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function inRanges(rs, x) { for (var i = 0; i < rs.length; i++) { if (rs[i][0] <= x && x <= rs[i][1]) return true; } return false; }
  function state(ei) {
    if (ei < 0) return 'self';
    var e = E[ei];
    if (sel.all) return e.a ? 'all' : ei === 0 ? 'none' : 'some';
    if (e.a) return 'allow';
    var rs = e.p[sel.p], ok;
    if (rs !== undefined) {
      if (rs.length === 0) ok = true;
      else if (sel.port === undefined) return 'some';
      else ok = inRanges(rs, sel.port);
    } else ok = inRanges(e.o, sel.p);
    if (!ok) return e.q.indexOf(sel.p) >= 0 ? 'some' : 'none';
    return e.d ? 'some' : 'allow';
  }
  function combine(rows, cols) {
    var seen = {}, n = 0, k;
    for (var i = 0; i < rows.length; i++) for (var j = 0; j < cols.length; j++) {
      k = state(C[rows[i]][cols[j]]);
      if (k !== 'self' && !seen[k]) { seen[k] = true; n++; }
    }
    if (n === 0) return 'self';
    if (n === 1) for (k in seen) return k;
    return seen.all || seen.allow || seen.some ? 'some' : 'none';
  }
  function buildUnits() {
    units = [];
    G.forEach(function (g, gi) {
      if (collapsed[gi]) units.push({ g: gi, m: g.m, label: g.m.length + (g.k === 'namespace' ? (g.m.length === 1 ? ' workload' : ' workloads') : ' members') });
      else g.m.forEach(function (p) { units.push({ g: gi, m: [p], label: P[p].l }); });
    });
  }
  function cellText(u, v, st) {
    if (st === 'self') return '';
    if (u.m.length === 1 && v.m.length === 1 && sel.all) { var ei = C[u.m[0]][v.m[0]]; return ei > 0 ? E[ei].s : ''; }
    return st === 'all' ? 'All' : st === 'allow' ? '\u2713' : st === 'some' ? 'some' : '';
  }
  function render() {
    buildUnits();
    var h = ['<table class="wm"><thead><tr><th class="corner" colspan="2" rowspan="2">from \\ to</th>'];
    G.forEach(function (g, gi) {
      var n = collapsed[gi] ? 1 : g.m.length;
      h.push('<th class="grp k-' + g.k + '" colspan="' + n + '" data-g="' + gi + '" title="click to ' + (collapsed[gi] ? 'expand' : 'collapse') + '">'
        + (collapsed[gi] ? '\u25b8 ' : '\u25be ') + esc(g.n) + '</th>');
    });
    h.push('</tr><tr>');
    units.forEach(function (u) { h.push('<th class="col"><span>' + esc(u.label) + '</span></th>'); });
    h.push('</tr></thead><tbody>');
    var done = {};
    units.forEach(function (u, ui) {
      h.push('<tr>');
      if (!done[u.g]) {
        done[u.g] = true;
        var span = collapsed[u.g] ? 1 : G[u.g].m.length;
        h.push('<th class="grp k-' + G[u.g].k + '" rowspan="' + span + '" data-g="' + u.g + '">' + (collapsed[u.g] ? '\u25b8 ' : '\u25be ') + esc(G[u.g].n) + '</th>');
      }
      h.push('<th class="row">' + esc(u.label) + '</th>');
      units.forEach(function (v, vi) {
        var st = combine(u.m, v.m);
        h.push('<td class="c s-' + st + '" data-r="' + ui + '" data-c="' + vi + '">' + esc(cellText(u, v, st)) + '</td>');
      });
      h.push('</tr>');
    });
    h.push('</tbody></table>');
    box.innerHTML = h.join('');
    document.body.setAttribute('data-matrix-units', String(units.length));
    document.body.setAttribute('data-collapsed-groups', String(collapsed.filter(function (c) { return c; }).length));
  }
  function name(u) { return u.m.length === 1 ? P[u.m[0]].n : G[u.g].n + ' (' + u.m.length + ')'; }
  function describe(u, v) {
    if (u.m.length === 1 && v.m.length === 1) {
      var ei = C[u.m[0]][v.m[0]];
      if (ei < 0) return name(u) + ' \u2192 ' + name(v) + ': not judged (the same party, or both ends outside the cluster)';
      return name(u) + ' \u2192 ' + name(v) + ': ' + E[ei].t + (E[ei].x ? '\n' + E[ei].x.join('\n') : '');
    }
    var count = {}, pairs = 0;
    u.m.forEach(function (r) { v.m.forEach(function (c) { var ei = C[r][c]; if (ei >= 0) { pairs++; count[ei] = (count[ei] || 0) + 1; } }); });
    var lines = Object.keys(count).map(function (ei) { return count[ei] + ' of ' + pairs + ': ' + E[ei].t; });
    return name(u) + ' \u2192 ' + name(v) + ' (click the group name to expand)\n' + lines.slice(0, 12).join('\n') + (lines.length > 12 ? '\n...' : '');
  }
  box.addEventListener('mouseover', function (ev) {
    var t = ev.target;
    if (t.tagName === 'TD' && t.hasAttribute('data-r') && !t.title) t.title = describe(units[+t.getAttribute('data-r')], units[+t.getAttribute('data-c')]);
  });
  box.addEventListener('click', function (ev) {
    var t = ev.target.closest('[data-g],td[data-r]');
    if (!t) return;
    if (t.hasAttribute('data-g')) { var g = +t.getAttribute('data-g'); collapsed[g] = !collapsed[g]; render(); return; }
    info.textContent = describe(units[+t.getAttribute('data-r')], units[+t.getAttribute('data-c')]);
  });
  function choose() {
    var v = protoEl.value || 'all', opt = protoEl.options[protoEl.selectedIndex], port = portEl.value === '' ? undefined : +portEl.value;
    if (v === 'all') sel = { all: true };
    else if (v.indexOf(':') > 0) sel = { all: false, p: +v.split(':')[0], port: +v.split(':')[1] };
    else sel = { all: false, p: +v, port: port };
    portEl.disabled = !(opt && opt.hasAttribute('data-ports'));
    document.body.setAttribute('data-selection', sel.all ? 'all' : sel.p + (sel.port === undefined ? '' : '/' + sel.port));
    render();
  }
  protoEl.addEventListener('change', choose);
  portEl.addEventListener('input', choose);
  document.getElementById('open-all').addEventListener('click', function () { collapsed = G.map(function () { return false; }); render(); });
  document.getElementById('close-all').addEventListener('click', function () { collapsed = G.map(function () { return true; }); render(); });
  var hash = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) { var i = kv.indexOf('='); if (i > 0) hash[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
  if (hash.open === 'all') collapsed = G.map(function () { return false; });
  if (hash.sel) {
    var m = /^([A-Za-z0-9]+)(?:\/([0-9]+))?$/.exec(hash.sel);
    for (var i = 0; m && i < protoEl.options.length; i++) {
      var o = protoEl.options[i];
      if (o.value === m[1] || o.getAttribute('data-name') === m[1].toUpperCase()) { protoEl.value = o.value; portEl.value = m[2] || ''; }
    }
  }
  choose();
})();`;
