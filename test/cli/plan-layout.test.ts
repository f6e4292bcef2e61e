// `--plan-layout felix|compact` on `netsec plan` (and `verify`, which shares the flag): declared once, default felix.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inventory } from '../engine/helpers/world';
import { runNetsec } from '../helpers/run-cli';

describe('netsec plan --plan-layout', () => {
  let dir = '';
  let pol = '';
  let cl = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-layout-'));
    pol = path.join(dir, 'p.yaml');
    cl = path.join(dir, 'c.yaml');
    fs.writeFileSync(pol, 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: allow}\nspec: {selector: all(), types: [Ingress], ingress: [{action: Allow}]}\n');
    fs.writeFileSync(cl, inventory([{ ns: 'x', name: 'a', ip: '192.0.2.11', node: 'node-1' }], {}, [{ name: 'node-1', ip: '198.51.100.10' }]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const header = (out: string): string => fs.readFileSync(path.join(out, 'node-1.iptables'), 'utf8').split('\n').slice(0, 3).join('\n');

  test("felix by default, compact on request; the files' headers say which", async () => {
    const felix = path.join(dir, 'felix');
    const compact = path.join(dir, 'compact');
    expect((await runNetsec('plan', '--manifests', pol, '--cluster', cl, '--out', felix)).code).toBe(0);
    expect((await runNetsec('plan', '--manifests', pol, '--cluster', cl, '--out', compact, '--plan-layout', 'compact')).code).toBe(0);
    expect(header(felix)).toContain("in Felix's layout");
    expect(header(compact)).toContain('compact layout');
  });

  test('an unknown layout is a usage error naming the choices (exit 2)', async () => {
    const r = await runNetsec('plan', '--manifests', pol, '--cluster', cl, '--out', path.join(dir, 'bad'), '--plan-layout', 'flat');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--plan-layout/);
    expect(r.err).toMatch(/felix/);
    expect(r.err).toMatch(/compact/);
    expect(fs.existsSync(path.join(dir, 'bad'))).toBe(false);
  });

  test('both commands list the flag in their help', async () => {
    for (const cmd of ['plan', 'verify']) {
      const r = await runNetsec(cmd, '--help');
      expect(r.out).toMatch(/--plan-layout felix\|compact/);
    }
  });
});
