// netsec diff on hand-written before/after fixtures (test/diff/fixtures).
// Inventory: shop/frontend-1, shop/frontend-2 (app=frontend), shop/backend-1 (app=backend),
// shop/db-1 (app=db), ops/monitor-1, ops/monitor-2 (app=monitor). Before: shop denies all ingress
// except backend:8080 from frontend pods and from the ops namespace, db:5432 from backend.
// Egress is unrestricted and ops has no policy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/diff';
import { FIXTURES, capture } from './run';

const before = path.join(FIXTURES, 'before');
const inventory = path.join(FIXTURES, 'inventory.yaml');

interface JsonFlow {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port?: number;
  readonly toPort?: number;
  readonly policies: readonly { side: string; direction: string; kind: string; namespace?: string; name: string; rule?: number; action: string }[];
}
interface JsonDiff {
  readonly opened: readonly JsonFlow[];
  readonly closed: readonly JsonFlow[];
  readonly ports: readonly string[];
}

async function jsonDiff(after: string, ...extra: string[]): Promise<{ code: number; diff: JsonDiff }> {
  const r = capture(command, ['--before', before, '--after', path.join(FIXTURES, after), '--cluster', inventory, '--format', 'json', ...extra]);
  return { code: r.code, diff: JSON.parse(r.stdout) as JsonDiff };
}

const flowKey = (f: JsonFlow): string => `${f.from} -> ${f.to} ${f.protocol}/${f.port}`;

describe('netsec diff: removing one allow rule', () => {
  test('reports exactly the flows that close, with the rule responsible before and the end-of-tier drop after', async () => {
    const { code, diff } = await jsonDiff('after-remove');
    expect(code).toBe(0);
    expect(diff.opened).toEqual([]);
    // The removed rule allowed the ops namespace (monitor-1, monitor-2) to backend-1 on TCP 8080.
    expect(diff.closed.map(flowKey)).toEqual([
      'ops/monitor-1 -> shop/backend-1 TCP/8080',
      'ops/monitor-2 -> shop/backend-1 TCP/8080',
    ]);
    // Kubernetes rule 1 (one peer, one port) is Calico rule 1 of knp.default.allow-backend.
    expect(diff.closed[0].policies).toEqual([
      { side: 'before', direction: 'ingress', kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-backend', tier: 'default', rule: 1, action: 'Allow' },
      { side: 'after', direction: 'ingress', kind: 'NetworkPolicy', namespace: 'shop', name: 'allow-backend', tier: 'default', action: 'end-of-tier-drop' },
      { side: 'after', direction: 'ingress', kind: 'NetworkPolicy', namespace: 'shop', name: 'default-deny', tier: 'default', action: 'end-of-tier-drop' },
    ]);
  });

  test('compares the whole TCP, UDP and SCTP port space by default, cut where the policies cut it', async () => {
    const { diff } = await jsonDiff('after-remove');
    // Policies name TCP 8080 and 5432: each is an interval of its own; every TCP port 1-65535 is in
    // exactly one compared interval (checked by walking them), and ICMP is compared too.
    const tcp = diff.ports.filter((p) => p.startsWith('TCP/')).map((p) => p.slice(4).split('-').map(Number));
    expect(tcp[0][0]).toBe(1);
    for (let i = 1; i < tcp.length; i++) expect(tcp[i][0]).toBe((tcp[i - 1][1] ?? tcp[i - 1][0]) + 1);
    expect(tcp[tcp.length - 1][1] ?? tcp[tcp.length - 1][0]).toBe(65535);
    expect(diff.ports).toContain('TCP/5432');
    expect(diff.ports).toContain('TCP/8080');
    expect(diff.ports).toContain('ICMP');
  });
});

describe('netsec diff: default ports', () => {
  test('an opening on ports no policy names is found (a sample of named ports would miss it)', () => {
    // Before: db denies TCP 1000-2000 to everyone, then allows everything. After: the deny is split
    // into 1000-1500 and 1800-2000, so 1501-1799 opens. Every port any policy names (1000, 1500,
    // 1800, 2000) is denied on both sides: only the interval 1501-1799 changed.
    const gnp = (ranges: string[]): string => `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: { name: db-ports }
spec:
  order: 1
  selector: app == 'db'
  types: [Ingress]
  ingress:
${ranges.map((r) => `  - { action: Deny, protocol: TCP, destination: { ports: ['${r}'] } }`).join('\n')}
  - { action: Allow }
`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-diff-'));
    try {
      fs.mkdirSync(path.join(dir, 'before'));
      fs.mkdirSync(path.join(dir, 'after'));
      fs.writeFileSync(path.join(dir, 'before', 'p.yaml'), gnp(['1000:2000']));
      fs.writeFileSync(path.join(dir, 'after', 'p.yaml'), gnp(['1000:1500', '1800:2000']));
      const r = capture(command, ['--before', path.join(dir, 'before'), '--after', path.join(dir, 'after'), '--cluster', inventory, '--format', 'json']);
      expect(r.code).toBe(1);
      const diff = JSON.parse(r.stdout) as JsonDiff;
      expect(diff.closed).toEqual([]);
      expect(new Set(diff.opened.map((f) => `${f.protocol}/${f.port}-${f.toPort}`))).toEqual(new Set(['TCP/1501-1799']));
      // every other pod reaches db-1 there
      expect(diff.opened.map((f) => f.from).sort()).toEqual(['ops/monitor-1', 'ops/monitor-2', 'shop/backend-1', 'shop/frontend-1', 'shop/frontend-2']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('netsec diff: adding one allow rule', () => {
  test('reports exactly the flows that open and exits 1', async () => {
    const { code, diff } = await jsonDiff('after-add');
    expect(code).toBe(1);
    expect(diff.closed).toEqual([]);
    // The added rule lets frontend pods and the ops namespace reach db-1 on TCP 5432.
    expect(diff.opened.map(flowKey)).toEqual([
      'ops/monitor-1 -> shop/db-1 TCP/5432',
      'ops/monitor-2 -> shop/db-1 TCP/5432',
      'shop/frontend-1 -> shop/db-1 TCP/5432',
      'shop/frontend-2 -> shop/db-1 TCP/5432',
    ]);
  });

  test('names the new rule: Calico splits the two-peer Kubernetes rule into rules 1 (frontend) and 2 (ops)', async () => {
    const { diff } = await jsonDiff('after-add');
    const after = (f: JsonFlow): string[] => f.policies.filter((p) => p.side === 'after').map((p) => `${p.name} ${p.rule} ${p.action}`);
    expect(after(diff.opened[0])).toEqual(['allow-db 2 Allow']);
    expect(after(diff.opened[2])).toEqual(['allow-db 1 Allow']);
    const beforeSide = diff.opened[0].policies.filter((p) => p.side === 'before');
    expect(beforeSide.map((p) => `${p.name} ${p.action}`)).toEqual(['allow-db end-of-tier-drop', 'default-deny end-of-tier-drop']);
    expect(diff.opened[0].policies.every((p) => p.direction === 'ingress')).toBe(true);
  });

  test('--allow-opening exits 0 with the same report', async () => {
    const { code, diff } = await jsonDiff('after-add', '--allow-opening');
    expect(code).toBe(0);
    expect(diff.opened).toHaveLength(4);
  });

  test('--ports limits the comparison: nothing opens on TCP 8080 or UDP 53', async () => {
    const { code, diff } = await jsonDiff('after-add', '--ports', 'TCP/8080,UDP/53');
    expect(code).toBe(0);
    expect(diff).toEqual({ opened: [], closed: [], ports: ['TCP/8080', 'UDP/53'] });
  });

  test('the same tree on both sides changes nothing', async () => {
    const { code, diff } = await jsonDiff('before');
    expect(code).toBe(0);
    expect([...diff.opened, ...diff.closed]).toEqual([]);
  });
});

describe('netsec diff: text and markdown', () => {
  test('text groups flows by source and destination group with the policies before and after', async () => {
    const r = capture(command, ['--before', before, '--after', path.join(FIXTURES, 'after-add'), '--cluster', inventory]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('4 flows opened, 0 closed');
    expect(r.stdout).toContain('ops [app=monitor] -> shop [app=db]  TCP/5432  (2 pod flows)');
    expect(r.stdout).toContain('shop [app=frontend] -> shop [app=db]  TCP/5432  (2 pod flows)');
    expect(r.stdout).toContain('after: ingress NetworkPolicy shop/allow-db rule 1 (Allow) in tier default');
    expect(r.stdout).not.toContain('Closed:');
    expect(r.stderr).toContain('4 flow(s) open');
  });

  test('markdown has a table row per group and a details list of every pod flow', async () => {
    const r = capture(command, ['--before', before, '--after', path.join(FIXTURES, 'after-remove'), '--cluster', inventory, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('### :white_check_mark: netsec diff: 0 opened, 2 closed');
    expect(lines).toContain('#### Closed');
    expect(lines).not.toContain('#### Opened');
    const rows = lines.filter((l) => l.startsWith('| ops'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^\| ops \[app=monitor\] \| shop \[app=backend\] \| TCP\/8080 \| 2 \| ingress NetworkPolicy shop\/allow-backend rule 1 \(Allow\) in tier default \| .*end-of-tier drop.*\|$/);
    expect(lines).toContain('- `ops/monitor-1` → `shop/backend-1` TCP/8080');
    expect(lines).toContain('- `ops/monitor-2` → `shop/backend-1` TCP/8080');
  });
});

describe('netsec diff: usage and input errors exit 2', () => {
  test.each([
    ['missing --after', ['--before', 'x', '--cluster', 'y']],
    ['unknown flag', ['--before', 'x', '--after', 'x', '--cluster', 'y', '--bogus']],
    ['bad format', ['--before', 'x', '--after', 'x', '--cluster', 'y', '--format', 'xml']],
    ['bad --ports', ['--before', 'x', '--after', 'x', '--cluster', 'y', '--ports', 'TCP/99999']],
    ['port on ICMP', ['--before', 'x', '--after', 'x', '--cluster', 'y', '--ports', 'ICMP/8']],
  ])('%s', async (_name, argv) => {
    const r = capture(command, argv);
    expect(r.code).toBe(2);
    expect(r.error).toBe('UsageError');
    expect(r.stdout).toBe('');
  });

  test('a missing folder names it', async () => {
    const r = capture(command, ['--before', before, '--after', path.join(FIXTURES, 'no-such-dir'), '--cluster', inventory]);
    expect(r.code).toBe(2);
    expect(r.error).toBe('InputError');
    expect(r.stderr).toContain('no-such-dir: no such file or folder');
  });
});
