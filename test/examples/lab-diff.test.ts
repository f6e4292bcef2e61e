// Issue 6: `netsec diff` on the lab. Removing one allow rule (the backend's egress to the database)
// closes exactly the backends' connections to the database on its port; adding it back opens
// exactly those. Expected flows worked out by hand: only backend-1 and backend-2 send to db-0's
// `postgres` port (5432), and only `backend-to-db` allows that egress (IBM's
// allow-egress-pods-public does not list 5432).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NetsecApp } from '../../lib/app';
import { runCli } from '../../lib/cli/run';
import { buildLab } from '../../examples/ibm-lab/lab';

interface Flow { readonly from: string; readonly to: string; readonly protocol: string; readonly port?: number; readonly policies: readonly unknown[] }

function writeLab(dir: string, withoutBackendToDb: boolean): void {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written' });
  const chart = buildLab(app);
  if (withoutBackendToDb && !chart.node.tryRemoveChild('backend-to-db')) throw new Error('lab has no backend-to-db');
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    for (const f of app.synthFiles()) {
      const target = f.path.endsWith('.inventory.yaml') ? path.join(dir, '..', 'cluster.yaml')
        : f.path.endsWith('.k8s.yaml') || f.path.endsWith('.calico.yaml') ? path.join(dir, path.basename(f.path)) : undefined;
      if (target === undefined) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
    }
  } finally {
    spy.mockRestore();
  }
}

async function diff(before: string, after: string, cluster: string): Promise<{ code: number; json: { opened: Flow[]; closed: Flow[] } }> {
  let out = '';
  const code = await runCli(['diff', '--before', before, '--after', after, '--cluster', cluster, '--format', 'json'], {
    stdout: (t) => { out += t; }, stderr: () => undefined,
  });
  return { code, json: JSON.parse(out) as { opened: Flow[]; closed: Flow[] } };
}

const BACKENDS_TO_DB = [
  { from: 'guestbook/backend-1', to: 'guestbook/db-0', protocol: 'TCP', port: 5432 },
  { from: 'guestbook/backend-2', to: 'guestbook/db-0', protocol: 'TCP', port: 5432 },
];

describe('netsec diff on the lab', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-lab-diff-'));
    writeLab(path.join(root, 'with'), false);
    writeLab(path.join(root, 'without'), true);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('removing the backend-to-db allow rule closes exactly the backends to the database', async () => {
    const r = await diff(path.join(root, 'with'), path.join(root, 'without'), path.join(root, 'cluster.yaml'));
    expect(r.json.opened).toEqual([]);
    expect(r.json.closed.map(({ from, to, protocol, port }) => ({ from, to, protocol, port }))).toEqual(BACKENDS_TO_DB);
    expect(JSON.stringify(r.json.closed[0].policies)).toContain('backend-to-db');
    expect(r.code).toBe(0);
  });

  test('adding it opens exactly those flows, and the diff exits 1 because something opened', async () => {
    const r = await diff(path.join(root, 'without'), path.join(root, 'with'), path.join(root, 'cluster.yaml'));
    expect(r.json.closed).toEqual([]);
    expect(r.json.opened.map(({ from, to, protocol, port }) => ({ from, to, protocol, port }))).toEqual(BACKENDS_TO_DB);
    expect(r.code).toBe(1);
  });
});
