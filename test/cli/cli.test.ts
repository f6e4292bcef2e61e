import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS } from '../../lib/cli/registry';
import { runCli } from '../../lib/cli/run';
import { inventory } from '../engine/helpers/world';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-a, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
`;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('netsec CLI', () => {
  let dir: string;
  let pol: string;
  let cl: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-cli-'));
    pol = path.join(dir, 'p.yaml');
    cl = path.join(dir, 'c.yaml');
    fs.writeFileSync(pol, POLICY);
    fs.writeFileSync(cl, inventory([
      { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' } },
      { ns: 'x', name: 'b', ip: '10.0.1.2', labels: { app: 'b' } },
    ]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help at top level and on every subcommand exits 0', async () => {
    expect((await run('--help')).out).toContain('check');
    for (const c of COMMANDS.map((entry) => entry.name)) {
      const r = await run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`usage: netsec ${c}`);
    }
  });

  test('no command: the usage goes to stderr with exit 2 (stdout stays empty for pipes)', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('usage: netsec <command>');
  });

  test('a refused or unwritable output is an input error: exit 2 with the message, no stack trace', async () => {
    const taken = path.join(dir, 'taken');
    fs.mkdirSync(taken, { recursive: true });
    fs.writeFileSync(path.join(taken, 'keep.txt'), 'not netsec output');
    const withNode = path.join(dir, 'with-node.yaml');
    fs.writeFileSync(withNode, inventory([{ ns: 'x', name: 'a', ip: '10.0.1.1', node: 'node-1' }], {}, [{ name: 'node-1', ip: '10.0.0.1' }]));
    const plan = await run('plan', '--manifests', pol, '--cluster', withNode, '--out', taken);
    expect(plan.code).toBe(2);
    expect(plan.err).toMatch(/^netsec plan: outdir .*taken is not empty and was not written by cdk8s-netsec/);
    expect(plan.err).not.toContain('    at ');
    expect(fs.readFileSync(path.join(taken, 'keep.txt'), 'utf8')).toBe('not netsec output');
    const report = await run('report', '--manifests', pol, '--cluster', cl, '--out', taken);
    expect(report.code).toBe(2);
    expect(report.err).toMatch(/^netsec report: E[A-Z]+: /);
  });

  test('plan on an inventory without nodes is an input error (exit 2, one line), and writes nothing', async () => {
    const out = path.join(dir, 'plan-out');
    const r = await run('plan', '--manifests', pol, '--cluster', cl, '--out', out);
    expect([r.code, r.err]).toEqual([2, `netsec plan: ${cl}: the inventory has no Node: nothing to plan (add Node objects or WorkerNode constructs)\n`]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('check prints verdict and trace, exit 0; --expect gates 0/1', async () => {
    const base = ['check', '--manifests', pol, '--cluster', cl, '--from', 'x/a', '--to', 'x/b', '--protocol', 'TCP'];
    const ok = await run(...base, '--port', '80');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('x/a -> x/b TCP/80: ALLOW');
    expect((await run(...base, '--port', '80', '--expect', 'allow')).code).toBe(0);
    const bad = await run(...base, '--port', '81', '--expect', 'allow');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('netsec check: expected allow, got deny\n');
    expect((await run(...base, '--port', '81', '--expect', 'deny')).code).toBe(0);
    const json = await run(...base, '--port', '81', '--format', 'json');
    expect(JSON.parse(json.out).verdict).toBe('deny');
  });

  test('check --via picks the node interface a forwarded flow crosses', async () => {
    // x/a (node-1) has no policy of its own. Only eth1 has a host endpoint, whose applyOnForward
    // policy denies forwarded traffic from 198.51.100.0/24: crossing eth1 is denied, eth0 is not.
    const fwd = path.join(dir, 'fwd.yaml');
    fs.writeFileSync(fwd, `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: node-1-eth1, labels: {side: public}}
spec: {node: node-1, interfaceName: eth1, expectedIPs: [203.0.113.1]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-forwarded}
spec:
  selector: side == 'public'
  applyOnForward: true
  types: [Ingress]
  ingress: [{action: Deny, source: {nets: [198.51.100.0/24]}}, {action: Allow}]
`);
    const base = ['check', '--manifests', pol, fwd, '--cluster', cl, '--from', '198.51.100.7', '--to', 'x/a', '--protocol', 'TCP', '--port', '80'];
    expect((await run(...base, '--via', 'eth1', '--expect', 'deny')).code).toBe(0);
    expect((await run(...base, '--via', 'eth0', '--expect', 'allow')).code).toBe(0);
  });

  test('usage and input errors exit 2 with a message', async () => {
    const noPort = await run('check', '--manifests', pol, '--cluster', cl, '--from', 'x/a', '--to', 'x/b', '--protocol', 'TCP');
    expect(noPort.code).toBe(2);
    expect(noPort.err).toContain('--port is required for TCP');
    expect((await run('check', '--manifests', pol, '--from', 'x/a', '--to', 'x/b', '--protocol', 'ICMP', '--port', '1')).code).toBe(2);
    expect((await run('check', '--bogus')).code).toBe(2);
    expect((await run('nope')).code).toBe(2);
    const badProto = await run('table', '--manifests', pol, '--cluster', cl, '--protocol', 'HTTP', '--port', '80');
    expect([badProto.code, badProto.err.split('\n')[0]]).toEqual([2, 'netsec table: protocol "HTTP" is not one of TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255']);
    const unknownPod = await run('check', '--manifests', pol, '--cluster', cl, '--from', 'x/zz', '--to', 'x/b', '--protocol', 'UDP', '--port', '53');
    expect(unknownPod.code).toBe(2);
    expect(unknownPod.err).toContain('"x/zz" is not a pod or host endpoint');
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b, namespace: x}\nspec: {podSelector: {}, policyTypes: 5}\n');
    const r = await run('convert', '--manifests', broken);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${broken}#0: spec.policyTypes`);
  });

  test('table --format json: exactly protocol, port, pods, allowed with every pair', async () => {
    const r = await run('table', '--manifests', pol, '--cluster', cl, '--protocol', 'TCP', '--port', '80', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      protocol: 'TCP', port: 80, pods: ['x/a', 'x/b'],
      allowed: { 'x/a': { 'x/a': true, 'x/b': true }, 'x/b': { 'x/a': true, 'x/b': true } },
    });
    const r81 = JSON.parse((await run('table', '--manifests', pol, '--cluster', cl, '--protocol', 'tcp', '--port', '81', '--format', 'json')).out);
    expect(r81.allowed['x/a']['x/b']).toBe(false);
  });

  test('convert prints the Calico policy (Calico 3.31 declared)', async () => {
    const r = await run('convert', '--manifests', pol, '--calico-version', '3.31');
    expect(r.code).toBe(0);
    expect(r.out).toContain('name: knp.default.only-a');
    expect(r.out).toContain("selector: projectcalico.org/orchestrator == 'k8s' && app == 'b'");
    expect(r.out).toContain('order: 1000');
  });

  test('convert prints the Calico policy as 3.32 makes it by default', async () => {
    const r = await run('convert', '--manifests', pol);
    expect(r.code).toBe(0);
    expect(r.out).toContain('as Calico v3.32 converts it');
    expect(r.out).toMatch(/\n {2}name: only-a\n/);
    expect(r.out).toContain('tier: default');
  });

  const built = fs.existsSync(path.join(__dirname, '..', '..', 'build', 'cli', 'main.js'));
  (built ? test : test.skip)('compiled bin/netsec (skipped when `npm run build` has not run): exit codes', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'netsec');
    expect(execFileSync('node', [bin, '--help']).toString()).toContain('usage: netsec');
    const base = [bin, 'check', '--manifests', pol, '--cluster', cl, '--from', 'x/a', '--to', 'x/b', '--protocol', 'TCP', '--port', '81'];
    expect(spawnSync('node', [...base, '--expect', 'allow']).status).toBe(1);
    expect(spawnSync('node', [...base, '--expect', 'deny']).status).toBe(0);
    expect(spawnSync('node', [bin, 'check', '--manifests', path.join(dir, 'missing.yaml')]).status).toBe(2);
  });
});
