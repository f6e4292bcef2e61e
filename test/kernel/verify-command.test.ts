// `netsec verify`: usage errors, refusal of non-documentation addresses, and a full run on the lab.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../lib/cli/run';
import { listNamespaces } from '../../lib/verify/namespaces';
import { kernelIt } from './support';

const FIXTURES = join(__dirname, 'fixtures');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['verify', ...args], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('netsec verify', () => {
  it('exits 2 with the usage when --cluster is missing', async () => {
    const r = await cli(['--manifests', join(FIXTURES, 'ibm-lab')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--cluster is required');
    expect(r.err).toContain('usage: netsec verify');
  });

  it('prints its help with --help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('documentation addresses only');
    expect(r.out).toContain('--cross-node');
  });

  kernelIt('exits 2 and names the address when a pod IP is outside the documentation ranges', async () => {
    const before = await listNamespaces();
    const r = await cli(['--manifests', join(FIXTURES, 'unsafe', 'policy.yaml'), '--cluster', join(FIXTURES, 'unsafe', 'inventory.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('workload app/a: address(es) 10.1.2.3 are outside the documentation ranges');
    expect(await listNamespaces()).toEqual(before);
  }, 60000);

  kernelIt('verifies the lab node and exits 0 with 0 mismatches', async () => {
    const lab = join(FIXTURES, 'ibm-lab');
    const r = await cli(['--manifests', join(lab, 'host-endpoints.yaml'), join(lab, 'ibm-defaults.yaml'), join(lab, 'guestbook.yaml'),
      '--cluster', join(lab, 'inventory.yaml'), '--node', 'kube-w1', '--max-probes', '300']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^node kube-w1: compared 300 probes, 0 mismatches$/m);
    expect(r.code).toBe(0);
  }, 180000);

  kernelIt('--cross-node joins the nodes and caps the Service probes of the pair at --max-probes, with a note', async () => {
    // the Service scenario, its Nodes and Pods as the inventory, the rest as the manifests
    const docs = readFileSync(join(FIXTURES, 'services', 'scenario.yaml'), 'utf8').split(/^---$/m);
    const dir = mkdtempSync(join(tmpdir(), 'netsec-verify-'));
    try {
      const inventory = docs.filter((d) => /^kind: (Node|Pod)$/m.test(d));
      writeFileSync(join(dir, 'inventory.yaml'), inventory.join('---'));
      writeFileSync(join(dir, 'manifests.yaml'), docs.filter((d) => !inventory.includes(d)).join('---'));
      const r = await cli(['--manifests', join(dir, 'manifests.yaml'), '--cluster', join(dir, 'inventory.yaml'), '--node', 'w2', '--cross-node', '--max-probes', '30']);
      expect(r.err).toBe('');
      // 41 Service probes cross between w1 and w2 (counted by hand in test/verify/cross-node.test.ts): 30 sent
      expect(r.out).toMatch(/^nodes w1 and w2 joined: compared 30 probes \(30 to Services, each through its pinned backend\), 0 mismatches$/m);
      expect(r.out).toContain('note: nodes w1 and w2 joined: 11 Service probes over the limit of 30 not sent');
      expect(r.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);
});
