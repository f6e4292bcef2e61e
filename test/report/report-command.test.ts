// netsec report on the hand-written fixture of test/diff/fixtures (before/): shop denies ingress
// except backend:8080 from frontend pods and the ops namespace, db:5432 from backend; ops is open.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/report';
import { capture } from '../diff/run';

const FIXTURES = path.join(__dirname, '..', 'diff', 'fixtures');
const base = ['--manifests', path.join(FIXTURES, 'before'), '--cluster', path.join(FIXTURES, 'inventory.yaml')];

function cellClass(html: string, from: string, to: string, port: string): string | undefined {
  const table = html.split(`<table class="matrix" data-port="${port}">`)[1]?.split('</table>')[0] ?? '';
  const m = new RegExp(`<td class="cell (\\w+)" data-from="${from}" data-to="${to}" title="([^"]*)"`).exec(table);
  return m ? m[1] : undefined;
}

describe('netsec report --format html', () => {
  let dir: string;
  let html: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-report-'));
    const r = capture(command, [...base, '--pods', '--out', path.join(dir, 'r.html')]);
    expect(r.code).toBe(0);
    html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is self-contained: no external scripts, styles, images or links', () => {
    expect(html).not.toMatch(/<link\b|\bsrc=|href="(?!#)|@import|url\((?!#)/);
    expect(html).toContain('<style>');
    expect(html).toContain('<svg class="graph"');
  });

  test('with --pods: one pod-level matrix per compared port with the hand-computed cells', () => {
    expect([...html.matchAll(/<table class="matrix" data-port="([^"]+)">/g)].map((m) => m[1])).toEqual(['TCP/80', 'TCP/5432', 'TCP/8080']);
    expect(cellClass(html, 'shop/frontend-1', 'shop/backend-1', 'TCP/8080')).toBe('allow');
    expect(cellClass(html, 'ops/monitor-2', 'shop/backend-1', 'TCP/8080')).toBe('allow');
    expect(cellClass(html, 'shop/db-1', 'shop/backend-1', 'TCP/8080')).toBe('deny');
    expect(cellClass(html, 'shop/frontend-1', 'shop/backend-1', 'TCP/80')).toBe('deny');
    expect(cellClass(html, 'shop/backend-1', 'shop/db-1', 'TCP/5432')).toBe('allow');
    expect(cellClass(html, 'shop/frontend-1', 'shop/frontend-2', 'TCP/80')).toBe('deny');
    expect(cellClass(html, 'shop/db-1', 'ops/monitor-1', 'TCP/80')).toBe('allow');
    expect(cellClass(html, 'shop/db-1', 'shop/db-1', 'TCP/80')).toBe('self');
  });

  test('a cell title names the deciding rule', () => {
    const m = /data-from="shop\/frontend-1" data-to="shop\/backend-1" title="([^"]*)"/.exec(html.split('data-port="TCP/8080"')[1]);
    expect(m?.[1]).toContain('ALLOW shop/frontend-1 -&gt; shop/backend-1 TCP/8080');
    expect(m?.[1]).toContain('destination ingress allows: ingress NetworkPolicy shop/allow-backend rule 0 (Allow) in tier default');
  });

  test('the graph has one node per party of the workload matrix, the internet one of them, and the allowed edges', () => {
    // The fixture's pods have no owners, so each pod is its own workload; the outside is the internet and
    // the two node addresses, each its own class (a pod may not reach its own node: defaultEndpointToHostAction Drop).
    expect([...html.matchAll(/<g class="node" data-node="(g\d+)"><title>([^&]*)&#10;/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'g1 ops/monitor-1', 'g2 ops/monitor-2', 'g3 shop/backend-1', 'g4 shop/db-1', 'g5 shop/frontend-1', 'g6 shop/frontend-2', 'g7 internet',
      'g8 10.10.0.2/32', 'g9 10.10.0.1/32',
    ]);
    const edges = [...html.matchAll(/<path class="edge[^"]*" data-from="(g\d+)" data-to="(g\d+)"/g)].map((m) => `${m[1]}>${m[2]}`).sort();
    // Egress is open everywhere; ingress: ops is open (also from the internet), backend:8080 from frontend and ops,
    // db:5432 from backend; nothing else reaches shop, and frontend pods do not reach each other.
    expect(edges).toEqual([
      'g1>g2', 'g1>g3', 'g1>g7', 'g2>g1', 'g2>g3', 'g2>g7', 'g3>g1', 'g3>g2', 'g3>g4', 'g3>g7', 'g4>g1', 'g4>g2', 'g4>g7',
      'g5>g1', 'g5>g2', 'g5>g3', 'g5>g7', 'g6>g1', 'g6>g2', 'g6>g3', 'g6>g7', 'g7>g1', 'g7>g2',
      // pods reach the other node's address (g8 is worker-2's, g9 worker-1's), not their own
      'g1>g8', 'g2>g9', 'g3>g8', 'g4>g9', 'g5>g8', 'g6>g9',
      // a node reaches ops from anywhere and its own pods always (Felix's cali-OUTPUT returns for traffic to a local workload)
      'g8>g1', 'g8>g2', 'g8>g4', 'g8>g6', 'g9>g1', 'g9>g2', 'g9>g3', 'g9>g5',
    ].sort());
  });

  test('the workload matrix is embedded once as JSON with the connection set of every pair', () => {
    const json = /<script type="application\/json" id="matrix-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as { p: { n: string }[]; e: { t: string }[]; c: number[][]; g: { n: string; k: string }[] };
    const at = (from: string, to: string): string | undefined => {
      const r = data.p.findIndex((p) => p.n === from);
      const c = data.p.findIndex((p) => p.n === to);
      const cell = data.c[r]?.[c];
      return cell === undefined ? undefined : cell < 0 ? 'not judged' : data.e[cell].t;
    };
    expect(data.g.map((g) => `${g.k}:${g.n}`)).toEqual(['namespace:ops', 'namespace:shop', 'external:outside the cluster']);
    expect(at('shop/frontend-1', 'shop/backend-1')).toBe('TCP 8080');
    expect(at('shop/backend-1', 'shop/db-1')).toBe('TCP 5432');
    expect(at('shop/db-1', 'shop/backend-1')).toBe('No Connections');
    expect(at('shop/frontend-1', 'shop/frontend-2')).toBe('No Connections');
    const internet = '0.0.0.0-10.10.0.0,10.10.0.3-255.255.255.255';
    expect(at(internet, 'ops/monitor-1')).toBe('All Connections');
    expect(at(internet, 'shop/frontend-1')).toBe('No Connections');
    // db-1 runs on worker-2 (10.10.0.2): its own node is closed to it (defaultEndpointToHostAction Drop), the other open
    expect(at('shop/db-1', '10.10.0.2/32')).toBe('No Connections');
    expect(at('shop/db-1', '10.10.0.1/32')).toBe('TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255');
    expect(at('shop/db-1', 'shop/db-1')).toBe('not judged');
    // Felix drops a workload's VXLAN (UDP 4789) and IP-in-IP (protocol 4) before policy; everything else egresses.
    expect(at('shop/db-1', 'ops/monitor-1')).toBe('TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255');
    expect(html.match(/id="matrix-data"/g)).toHaveLength(1);
    expect(html).toContain('<select id="sel-proto">');
  });

  test('nodes without host endpoints and the lint section are present', () => {
    expect(html).toContain('<section class="node" data-node="worker-1"><h3>worker-1 <small>InternalIP 10.10.0.1</small></h3>');
    expect(html).toContain('No host endpoints');
    expect(html).toMatch(/<h2 id="lint">Lint findings<\/h2>\n(<div class="scroll"><table class="lint">|<p class="empty">No lint findings)/);
    // host endpoints and lint come before the matrix and the graph
    expect(html.indexOf('id="hosts"')).toBeLessThan(html.indexOf('id="matrix"'));
    expect(html.indexOf('id="lint"')).toBeLessThan(html.indexOf('id="matrix"'));
    expect(html.indexOf('id="matrix"')).toBeLessThan(html.indexOf('id="graph"'));
  });
});

describe('netsec report --format mermaid|dot', () => {
  const egress = 'TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255';
  test('mermaid prints the graph alone', () => {
    const r = capture(command, [...base, '--format', 'mermaid']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'flowchart LR',
      '  g1["ops/monitor-1 (1)"]',
      '  g2["ops/monitor-2 (1)"]',
      '  g3["shop/backend-1 (1)"]',
      '  g4["shop/db-1 (1)"]',
      '  g5["shop/frontend-1 (1)"]',
      '  g6["shop/frontend-2 (1)"]',
      '  g7["internet (1)"]',
    ]);
    expect(lines).toContain(`  g1 -->|"${egress}"| g2`);
    expect(lines).toContain('  g5 -->|"TCP 8080"| g3');
    expect(lines).toContain('  g3 -->|"TCP 5432"| g4');
    expect(lines).toContain('  g7 -->|"All Connections"| g1');
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(37);
  });

  test('dot prints the same graph (it covers every port, whatever --ports says)', () => {
    const r = capture(command, [...base, '--format', 'dot', '--ports', 'TCP/8080']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  g7 [label="internet (1)"];');
    expect(r.stdout).toContain('  g6 -> g3 [label="TCP 8080"];');
    expect(r.stdout).toContain('  g7 -> g2 [label="All Connections"];');
    expect(r.stdout).not.toContain('g7 -> g3');
  });

  test('usage errors: --out missing for html, bad format', () => {
    expect(capture(command, base).error).toBe('UsageError');
    expect(capture(command, [...base, '--format', 'png']).error).toBe('UsageError');
  });
});

describe('netsec report: the all-ports overview of the pod level', () => {
  test('counts the allowed ports per pod pair (--pods), and is left out without --pods', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-report-'));
    try {
      expect(capture(command, [...base, '--out', path.join(dir, 'plain.html')]).code).toBe(0);
      const plain = fs.readFileSync(path.join(dir, 'plain.html'), 'utf8');
      expect(plain).not.toContain('<table class="matrix');
      expect(plain).toContain('run <code>netsec report --pods</code>');
      expect(capture(command, [...base, '--pods', '--out', path.join(dir, 'r.html')]).code).toBe(0);
      const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
      const overview = html.split('<table class="matrix overview">')[1].split('</table>')[0];
      const cell = (from: string, to: string): string | undefined =>
        new RegExp(`<td class="cell overview (\\w+)" data-from="${from}" data-to="${to}"[^>]*>([^<]*)</td>`).exec(overview)?.slice(1).join(' ');
      expect(cell('shop/db-1', 'ops/monitor-1')).toBe('allow 3');
      expect(cell('shop/frontend-1', 'shop/backend-1')).toBe('allow 1');
      expect(cell('shop/frontend-1', 'shop/db-1')).toBe('deny ✗');
      expect(cell('shop/db-1', 'shop/db-1')).toBe('self ·');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
