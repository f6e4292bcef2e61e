// Opens reports in headless Chromium (its command line, no driver library): the hand-written diff
// fixture (selector and cells), the IBM Cloud lab (6 pods) and a seeded 200-pod cluster of about 50
// workloads; checks that the page was laid out, its size (< 5 MB) and its load time (< 3 s from
// navigation start to the matrix drawn and laid out, read from the page's own performance.now()).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/report';
import { capture } from '../diff/run';
import { synthLab } from '../examples/lab-world';
import { writeBigCluster } from './big-cluster';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const FIXTURES = path.join(__dirname, '..', 'diff', 'fixtures');
// In CI a missing browser is a failure, not a skip.
const present = CHROMIUM !== undefined || process.env.CI !== undefined;
const run = present ? test : test.skip;
const named = (what: string): string => (present ? what : `skipped (chromium is not installed at /usr/bin/chromium and CI is not set): ${what}`);
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_LOAD_MS = 3000;

function dumpDom(url: string, profile: string): string {
  if (!CHROMIUM) throw new Error('chromium not found at /usr/bin/chromium (install the Debian chromium package)');
  return execFileSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--window-size=1400,1800', `--user-data-dir=${profile}`, '--dump-dom', url,
  ], { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function bodyAttrs(dom: string): (n: string) => string | undefined {
  const body = /<body([^>]*)>/.exec(dom)?.[1] ?? '';
  return (n) => new RegExp(` ${n}="([^"]*)"`).exec(body)?.[1];
}

function withDir(fn: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-chromium-'));
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Size and load time, and that every cell and graph node was laid out. */
function expectFastAndComplete(file: string, dom: string): (n: string) => string | undefined {
  expect(fs.statSync(file).size).toBeLessThan(MAX_BYTES);
  const attr = bodyAttrs(dom);
  expect(attr('data-rendered')).toBe('ok');
  expect(Number(attr('data-render-ms'))).toBeGreaterThan(0);
  expect(Number(attr('data-render-ms'))).toBeLessThan(MAX_LOAD_MS);
  return attr;
}

run(named('the fixture: the selector recolours the workload matrix for TCP 8080 and TCP 5432'), () => withDir((dir) => {
  const file = path.join(dir, 'report.html');
  const r = capture(command, ['--manifests', path.join(FIXTURES, 'before'), '--cluster', path.join(FIXTURES, 'inventory.yaml'), '--out', file]);
  expect(r.code).toBe(0);
  // rows and columns: ops/monitor-1, ops/monitor-2, shop/backend-1, shop/db-1, shop/frontend-1, shop/frontend-2, internet,
  // then the node addresses 10.10.0.2/32 (worker-2) and 10.10.0.1/32 (worker-1), each an outside class of its own
  const cell = (dom: string, r0: number, c0: number): string | undefined => new RegExp(`<td class="c s-(\\w+)" data-r="${r0}" data-c="${c0}"`).exec(dom)?.[1];
  const all = dumpDom(`file://${file}`, path.join(dir, 'p1'));
  const attr = expectFastAndComplete(file, all);
  expect(attr('data-selection')).toBe('all');
  expect(attr('data-matrix-units')).toBe('9');
  expect(attr('data-collapsed-groups')).toBe('0');
  expect(attr('data-graph-nodes-laid-out')).toBe('9');
  expect(attr('data-graph-edges-drawn')).toBe('37');
  expect(cell(all, 6, 0)).toBe('all'); // the internet may open anything to ops
  expect(cell(all, 4, 2)).toBe('some'); // frontend-1 -> backend-1: TCP 8080 only
  expect(cell(all, 3, 2)).toBe('none');
  expect(cell(all, 3, 3)).toBe('self');
  const tcp8080 = dumpDom(`file://${file}#sel=TCP/8080`, path.join(dir, 'p2'));
  expect(bodyAttrs(tcp8080)('data-selection')).toBe('6/8080');
  // by hand: 10 pod pairs towards ops, 6 pods to the internet, frontend-1/-2 and monitor-1/-2 to backend, internet to ops;
  // each pod to the other node's address (6), each node address to ops (4) and to its own pods (4)
  expect(tcp8080.match(/class="c s-allow"/g)).toHaveLength(36);
  expect(cell(tcp8080, 4, 2)).toBe('allow');
  expect(cell(tcp8080, 2, 3)).toBe('none'); // backend -> db is 5432 only
  const tcp5432 = dumpDom(`file://${file}#sel=TCP/5432`, path.join(dir, 'p3'));
  // 10 towards ops, 6 to the internet, backend to db, internet to ops; the 14 node-address cells as for TCP 8080
  expect(tcp5432.match(/class="c s-allow"/g)).toHaveLength(33);
  expect(cell(tcp5432, 2, 3)).toBe('allow');
  expect(cell(tcp5432, 4, 2)).toBe('none');
}), 120000);

run(named('the lab (6 pods): small, fast, VRRP named, failsafe ports open from outside, the internet a graph node'), () => withDir((dir) => {
  const dist = path.join(dir, 'dist');
  for (const f of synthLab().files.filter((x) => x.path.endsWith('.yaml'))) {
    fs.mkdirSync(path.dirname(path.join(dist, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dist, f.path), f.content);
  }
  const file = path.join(dir, 'lab.html');
  expect(capture(command, ['--manifests', dist, '--out', file]).code).toBe(0);
  expect(fs.statSync(file).size).toBeLessThan(500 * 1024);
  const dom = dumpDom(`file://${file}`, path.join(dir, 'p'));
  const attr = expectFastAndComplete(file, dom);
  // 6 pods, 6 host endpoints (2 per worker) and the outside classes; nothing collapsed at this size
  expect(Number(attr('data-matrix-units'))).toBeGreaterThanOrEqual(13);
  expect(attr('data-collapsed-groups')).toBe('0');
  expect(dom).toContain('>VRRP (112)</option>');
  expect(dom).toMatch(/<td class="open">TCP 53,179,2379-2380,[^<]*UDP [^<]*68[^<]*,VRRP \(112\)<\/td>/);
  expect(dom).toMatch(/<g class="node" data-node="g\d+"><title>internet(&#10;|\n)/);
}), 900000);

run(named('200 pods in about 50 workloads: under 5 MB, opens in under 3 s, namespaces collapsed'), () => withDir((dir) => {
  const input = writeBigCluster(dir);
  const file = path.join(dir, 'big.html');
  expect(capture(command, ['--manifests', input.manifests, '--cluster', input.cluster, '--out', file]).code).toBe(0);
  const dom = dumpDom(`file://${file}`, path.join(dir, 'p1'));
  const attr = expectFastAndComplete(file, dom);
  // 5 namespaces collapsed to one row and column each; 3 host endpoints; the outside classes
  expect(attr('data-collapsed-groups')).toBe('5');
  expect(Number(attr('data-matrix-units'))).toBeLessThan(15);
  expect(dom).toMatch(/49 workloads \(200 pods\) in 5 namespaces, 3 host endpoints/);
  expect(dom).toContain('>VRRP (112)</option>');
  expect(dom).toMatch(/<g class="node" data-node="g\d+"><title>internet(&#10;|\n)/);
  expect(dom).toMatch(/<g class="node" data-node="g\d+"><title>catalog-prod-3(&#10;|\n)/);
  // expanded and filtered to VRRP: the host endpoints allow it between them
  const vrrp = dumpDom(`file://${file}#open=all&sel=VRRP`, path.join(dir, 'p2'));
  const v = expectFastAndComplete(file, vrrp);
  expect(v('data-selection')).toBe('112');
  expect(v('data-collapsed-groups')).toBe('0');
  expect(Number(v('data-matrix-units'))).toBeGreaterThan(50);
  expect(vrrp.match(/class="c s-allow"/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
}), 900000);
