// `netsec verify --remap` on a cluster with real-world addresses (fixtures/remap: 10.x pods and
// node, 10.0.0.0/8 with an exception, 169.254.0.0/16 and the public 8.8.8.8 in policies, only as
// data): refused without --remap, verified with it after the printed mapping, no namespace left.
import { join } from 'path';
import { runCli } from '../../lib/cli/run';
import { listNamespaces, ownerPid } from '../../lib/verify/namespaces';
import { kernelIt } from './support';

const DIR = join(__dirname, 'fixtures', 'remap');
const ARGS = ['verify', '--manifests', join(DIR, 'policies.yaml'), '--cluster', join(DIR, 'inventory.yaml'), '--max-probes', '200'];

/** This process's namespaces (other test workers run in parallel). */
async function ours(): Promise<string[]> {
  return (await listNamespaces()).filter((ns) => ownerPid(ns) === process.pid);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('netsec verify --remap', () => {
  kernelIt('refuses the real-world addresses without --remap and verifies the remapped cluster with it', async () => {
    const before = await ours();
    const refused = await cli(ARGS);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/10\.1\.2\.[34] are outside the documentation ranges/);

    const r = await cli([...ARGS, '--remap']);
    expect(r.err).toBe('');
    expect(r.out).toContain('netsec verify --remap: 7 address(es) and CIDR(s) mapped into the documentation ranges:');
    for (const original of ['10.0.0.0/8', '10.1.2.3', '10.1.2.4', '10.240.0.0/16', '10.240.0.5', '169.254.0.0/16', '8.8.8.8/32']) {
      expect(r.out).toMatch(new RegExp(`^  ${original.replace(/\./g, '\\.')} -> (192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.`, 'm'));
    }
    expect(r.out).toMatch(/^node n1: compared [1-9][0-9]* probes, 0 mismatches$/m);
    expect(r.code).toBe(0);
    expect(await ours()).toEqual(before);
  }, 180000);
});
