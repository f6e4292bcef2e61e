// `netsec plan --jobs`: helper threads render the nodes they claim into the output's temporary
// folder (lib/cli/plan-jobs.ts, plan-worker.ts); the files must be those one thread writes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli/run';
import { planJobCount, startPlanHelper } from '../../lib/cli/plan-jobs';
import { AtomicOutputDir } from '../../lib/util/atomic-write';

const NODES = ['w1', 'w2', 'w3', 'w4', 'w5'];

const MANIFESTS = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: web-from-db}
spec:
  selector: app == 'web'
  ingress:
  - {action: Allow, protocol: TCP, source: {selector: app == 'db'}, destination: {ports: [8080]}}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: allow-icmp}
spec: {selector: has(host), ingress: [{action: Allow, protocol: ICMP}]}
${NODES.map((n, i) => `---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: ${n}-eth1, labels: {host: ${n}}}
spec: {node: ${n}, interfaceName: eth1, expectedIPs: [203.0.113.${i + 1}]}
`).join('')}`;

const CLUSTER = `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
${NODES.map((n, i) => `- apiVersion: v1
  kind: Node
  metadata: {name: ${n}}
  status: {addresses: [{type: InternalIP, address: 198.51.100.${i + 1}}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-${i}, namespace: shop, labels: {app: ${i % 2 === 0 ? 'web' : 'db'}}}
  spec: {nodeName: ${n}}
  status: {podIP: 192.0.2.${i + 10}}
`).join('')}`;

function tree(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('netsec plan on helper threads', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-plan-jobs-'));
  const manifests = path.join(root, 'policies.yaml');
  const cluster = path.join(root, 'cluster.yaml');
  fs.writeFileSync(manifests, MANIFESTS);
  fs.writeFileSync(cluster, CLUSTER);
  const io = { stdout: (): void => undefined, stderr: (): void => undefined };
  const one = path.join(root, 'one');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(await runCli(['plan', '--manifests', manifests, '--cluster', cluster, '--out', one, '--jobs', '1'], io)).toBe(0);
  });

  it('a helper thread that renders every node writes the files one thread writes', async () => {
    const out = path.join(root, 'helper');
    const dir = new AtomicOutputDir(out);
    // the main thread claims nothing: the counter starts at node 0 and the helper takes them all
    const counter = new SharedArrayBuffer(8);
    const helper = startPlanHelper({ load: { manifests: [manifests], cluster }, layout: 'felix', temporary: dir.temporary, counter, slot: 1 });
    const r = await helper.result;
    if (r.kind !== 'done') throw new Error(r.message);
    expect(r.nodes).toEqual(NODES);
    expect([...r.paths].sort()).toEqual(NODES.flatMap((n) => [`${n}.endpoints.json`, `${n}.ipsets`, `${n}.iptables`]).sort());
    expect(new Int32Array(counter)[0]).toBeGreaterThanOrEqual(NODES.length);
    dir.adopt(r.paths);
    dir.commit();
    expect(tree(out)).toEqual(tree(one));
  }, 60000);

  it('--jobs 2 writes the same folder as --jobs 1', async () => {
    const out = path.join(root, 'two');
    expect(await runCli(['plan', '--manifests', manifests, '--cluster', cluster, '--out', out, '--jobs', '2'], io)).toBe(0);
    expect(tree(out)).toEqual(tree(one));
  }, 60000);

  it('a helper that cannot read the inputs reports the error (the plan then fails and removes its temporary)', async () => {
    const out = path.join(root, 'failing');
    const dir = new AtomicOutputDir(out);
    const helper = startPlanHelper({ load: { manifests: [path.join(root, 'missing.yaml')], cluster }, layout: 'felix', temporary: dir.temporary, counter: new SharedArrayBuffer(8), slot: 1 });
    const r = await helper.result;
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' ? r.message : '').toContain('missing.yaml');
    dir.abort();
    expect(fs.existsSync(out)).toBe(false);
  }, 60000);

  it('--jobs is auto or 1 to 64; auto is one thread below 32 nodes', async () => {
    expect(planJobCount('auto', 31)).toBe(1);
    expect(planJobCount('auto', 32)).toBe(Math.min(os.availableParallelism(), 4));
    expect(planJobCount('3', 5)).toBe(3);
    for (const bad of ['0', '65', 'two', '-1', '1.5']) expect(() => planJobCount(bad, 5)).toThrow(/--jobs must be auto or a number of threads from 1 to 64/);
    const err: string[] = [];
    expect(await runCli(['plan', '--manifests', manifests, '--cluster', cluster, '--out', path.join(root, 'bad'), '--jobs', '0'],
      { stdout: (): void => undefined, stderr: (s: string): void => { err.push(s); } })).toBe(2);
    expect(err.join('')).toContain('--jobs must be auto or a number of threads from 1 to 64, got "0"');
    expect(fs.existsSync(path.join(root, 'bad'))).toBe(false);
  });
});
