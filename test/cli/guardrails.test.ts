// The admin policy kinds through the CLI, end to end (issue 15): `table`, `connectivity` and
// `diff` over a ClusterNetworkPolicy (Calico 3.32, the default) and an AdminNetworkPolicy
// (--calico-version 3.31), and the error for a kind the declared version does not convert.
// Expected verdicts by hand: both policies deny ingress into namespace b (tenant: b) from
// namespace a (tenant: a) in the admin tier; nothing else selects the pods, so every other flow
// is allowed by the namespace profiles.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inventory } from '../engine/helpers/world';
import { runNetsec } from '../helpers/run-cli';

const CNP = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: isolate-b}
spec:
  tier: Admin
  priority: 10
  subject: {namespaces: {matchLabels: {tenant: b}}}
  ingress: [{name: deny-a, action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]
`;
const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: isolate-b}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {tenant: b}}}
  ingress: [{name: deny-a, action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]
`;
// a Baseline guardrail closing namespace a's TCP 8080 to the pods of every namespace (no namespace
// policy selects a, so the baseline decides)
const BASELINE = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: default}
spec:
  tier: Baseline
  priority: 5
  subject: {namespaces: {matchLabels: {tenant: a}}}
  ingress: [{name: closed, action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 8080}}}]}]
`;
const NS = (n: string): Record<string, string> => ({ 'kubernetes.io/metadata.name': n, tenant: n });

describe('netsec over ClusterNetworkPolicy and AdminNetworkPolicy', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-cli-guardrails-'));
    fs.writeFileSync(file('cnp.yaml'), CNP);
    fs.writeFileSync(file('anp.yaml'), ANP);
    fs.writeFileSync(file('baseline.yaml'), BASELINE);
    fs.writeFileSync(file('none.yaml'), '# no policies yet\n');
    fs.writeFileSync(file('c.yaml'), inventory(
      [{ ns: 'a', name: 'web', ip: '192.0.2.10', labels: { app: 'web' } }, { ns: 'b', name: 'api', ip: '192.0.2.20', labels: { app: 'api' } }],
      { a: NS('a'), b: NS('b') },
    ));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['ClusterNetworkPolicy, Calico 3.32 (default)', 'cnp.yaml', []],
    ['AdminNetworkPolicy, --calico-version 3.31', 'anp.yaml', ['--calico-version', '3.31']],
  ] as const)('table: %s denies a -> b only', async (_what, policy, version) => {
    const r = await runNetsec('table', '--manifests', file(policy), '--cluster', file('c.yaml'), '--protocol', 'TCP', '--port', '80', '--format', 'json', ...version);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toEqual({
      protocol: 'TCP', port: 80, pods: ['a/web', 'b/api'],
      allowed: { 'a/web': { 'a/web': true, 'b/api': false }, 'b/api': { 'a/web': true, 'b/api': true } },
    });
  });

  test('connectivity: the pair a -> b is gone, b -> a stays; --explain names the guardrail\'s tier', async () => {
    const json = async (...args: string[]): Promise<{ src: string; dst: string; conn: string }[]> => {
      const r = await runNetsec('connectivity', '--cluster', file('c.yaml'), '--format', 'json', ...args);
      expect(r.code).toBe(0);
      return JSON.parse(r.out);
    };
    const pairs = (rows: { src: string; dst: string }[]): string[] => rows.filter((p) => !p.src.includes('/0') && !p.dst.includes('/0')).map((p) => `${p.src} => ${p.dst}`);
    expect(pairs(await json('--manifests', file('none.yaml')))).toEqual(['a/web => b/api', 'b/api => a/web']);
    expect(pairs(await json('--manifests', file('cnp.yaml')))).toEqual(['b/api => a/web']);
    expect(pairs(await json('--manifests', file('anp.yaml'), '--calico-version', '3.31'))).toEqual(['b/api => a/web']);
    // the baseline closes TCP 8080 into a for b's pods; the rest stays open
    const base = await runNetsec('connectivity', '--manifests', file('baseline.yaml'), '--cluster', file('c.yaml'), '--explain');
    expect(base.code).toBe(0);
    expect(base.out).toContain('b/api => a/web : TCP 1-8079,8081-65535,');
    expect(base.out).toMatch(/TCP 8080: denied; egress: [^\n]*; ingress: default rule 0 \(Deny\) in tier kube-baseline/);
  });

  test('diff: a guardrail added shows as closed, removed as opened, with the policy that decided', async () => {
    const added = await runNetsec('diff', '--before', file('none.yaml'), '--after', file('cnp.yaml'), '--cluster', file('c.yaml'), '--ports', 'TCP/80');
    expect(added.code).toBe(0);
    expect(added.out).toContain('netsec diff: 0 flows opened, 1 closed (compared 2 pods on 1 port: TCP/80)');
    expect(added.out).toContain('Closed:\n  a [app=web] -> b [app=api]  TCP/80  (1 pod flow)\n    before: ingress Profile kns.b rule 0 (Allow)\n'
      + '    after: ingress ClusterNetworkPolicy isolate-b rule 0 (Deny) in tier kube-admin\n');
    const removed = await runNetsec('diff', '--before', file('cnp.yaml'), '--after', file('none.yaml'), '--cluster', file('c.yaml'), '--ports', 'TCP/80', '--allow-opening');
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('netsec diff: 1 flow opened, 0 closed');
    expect(removed.out).toContain('Opened:\n  a [app=web] -> b [app=api]  TCP/80  (1 pod flow)\n    before: ingress ClusterNetworkPolicy isolate-b rule 0 (Deny) in tier kube-admin\n');
    const removedGated = await runNetsec('diff', '--before', file('cnp.yaml'), '--after', file('none.yaml'), '--cluster', file('c.yaml'), '--ports', 'TCP/80');
    expect(removedGated.code).toBe(1);
    const v31 = await runNetsec('diff', '--before', file('none.yaml'), '--after', file('anp.yaml'), '--cluster', file('c.yaml'), '--ports', 'TCP/80', '--calico-version', '3.31');
    expect(v31.out).toContain('    after: ingress AdminNetworkPolicy isolate-b rule 0 (Deny) in tier adminnetworkpolicy\n');
  });

  test.each([
    ['table', ['--protocol', 'TCP', '--port', '80']],
    ['connectivity', []],
    ['check', ['--from', 'a/web', '--to', 'b/api', '--protocol', 'TCP', '--port', '80']],
  ] as const)('%s: a kind the declared Calico version does not convert is an input error naming the version that does', async (command, args) => {
    const cnpOn31 = await runNetsec(command, '--manifests', file('cnp.yaml'), '--cluster', file('c.yaml'), ...args, '--calico-version', '3.31');
    expect(cnpOn31).toMatchObject({ code: 2, out: '' });
    expect(cnpOn31.err).toContain(`${file('cnp.yaml')}#0: kind: policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy is not converted by Calico 3.31`);
    expect(cnpOn31.err).toContain('Calico 3.32 converts it: declare Calico version 3.32');
    const anpOn32 = await runNetsec(command, '--manifests', file('anp.yaml'), '--cluster', file('c.yaml'), ...args);
    expect(anpOn32).toMatchObject({ code: 2, out: '' });
    expect(anpOn32.err).toContain(`${file('anp.yaml')}#0: kind: policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy is not converted by Calico 3.32`);
    expect(anpOn32.err).toContain('Calico 3.31 converts it: declare Calico version 3.31');
  });

  test('diff: the same error for the --after side', async () => {
    const r = await runNetsec('diff', '--before', file('none.yaml'), '--after', file('anp.yaml'), '--cluster', file('c.yaml'), '--ports', 'TCP/80');
    expect(r.code).toBe(2);
    expect(r.err).toContain('AdminNetworkPolicy is not converted by Calico 3.32');
    expect(r.err).toContain('Calico 3.31 converts it');
  });
});
