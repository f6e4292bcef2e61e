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
    const r = capture(command, [...base, '--out', path.join(dir, 'r.html')]);
    expect(r.code).toBe(0);
    html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is self-contained: no external scripts, styles, images or links', () => {
    expect(html).not.toMatch(/<link\b|\bsrc=|href="(?!#)|@import|url\((?!#)/);
    expect(html).toContain('<style>');
    expect(html).toContain('<svg class="graph"');
  });

  test('one matrix per compared port with the hand-computed cells', () => {
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

  test('the graph has one node per group and the allowed group edges', () => {
    expect([...html.matchAll(/<g class="node" data-node="(g\d+)"><title>([^&]*)&#10;/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'g1 ops [app=monitor]', 'g2 shop [app=backend]', 'g3 shop [app=db]', 'g4 shop [app=frontend]',
    ]);
    const edges = [...html.matchAll(/<path class="edge[^"]*" data-from="(g\d+)" data-to="(g\d+)"/g)].map((m) => `${m[1]}>${m[2]}`);
    // ops is open to all; backend:8080 from frontend and ops; db:5432 from backend. Frontend pods deny each other.
    expect(edges).toEqual(['g1>g1', 'g1>g2', 'g2>g1', 'g2>g3', 'g3>g1', 'g4>g1', 'g4>g2']);
  });

  test('nodes without host endpoints and the lint section are present', () => {
    expect(html).toContain('<section class="node" data-node="worker-1"><h3>worker-1 <small>InternalIP 10.10.0.1</small></h3>');
    expect(html).toContain('No host endpoints');
    expect(html).toMatch(/<h2 id="lint">Lint findings<\/h2>\n(<table class="lint">|<p class="empty">No lint findings)/);
  });
});

describe('netsec report --format mermaid|dot', () => {
  test('mermaid prints the graph alone', () => {
    const r = capture(command, [...base, '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'flowchart LR',
      '  g1["ops [app=monitor] (2)"]',
      '  g2["shop [app=backend] (1)"]',
      '  g3["shop [app=db] (1)"]',
      '  g4["shop [app=frontend] (2)"]',
      '  g1 -->|"TCP/80, TCP/5432, TCP/8080"| g1',
      '  g1 -->|"TCP/8080"| g2',
      '  g2 -->|"TCP/80, TCP/5432, TCP/8080"| g1',
      '  g2 -->|"TCP/5432"| g3',
      '  g3 -->|"TCP/80, TCP/5432, TCP/8080"| g1',
      '  g4 -->|"TCP/80, TCP/5432, TCP/8080"| g1',
      '  g4 -->|"TCP/8080"| g2',
      '',
    ].join('\n'));
  });

  test('dot with --ports: only TCP/8080 edges', () => {
    const r = capture(command, [...base, '--format', 'dot', '--ports', 'TCP/8080']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'digraph netsec {',
      '  rankdir=LR;',
      '  node [shape=box, fontname="sans-serif"];',
      '  g1 [label="ops [app=monitor] (2)"];',
      '  g2 [label="shop [app=backend] (1)"];',
      '  g3 [label="shop [app=db] (1)"];',
      '  g4 [label="shop [app=frontend] (2)"];',
      '  g1 -> g1 [label="TCP/8080"];',
      '  g1 -> g2 [label="TCP/8080"];',
      '  g2 -> g1 [label="TCP/8080"];',
      '  g3 -> g1 [label="TCP/8080"];',
      '  g4 -> g1 [label="TCP/8080"];',
      '  g4 -> g2 [label="TCP/8080"];',
      '}',
      '',
    ].join('\n'));
  });

  test('usage errors: --out missing for html, bad format', () => {
    expect(capture(command, base).error).toBe('UsageError');
    expect(capture(command, [...base, '--format', 'png']).error).toBe('UsageError');
  });
});

describe('netsec report: the all-ports overview', () => {
  test('counts the allowed ports per pod pair', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-report-'));
    try {
      expect(capture(command, [...base, '--out', path.join(dir, 'r.html')]).code).toBe(0);
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
