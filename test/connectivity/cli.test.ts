// `netsec connectivity` on a hand-written cluster: two Deployments (pods grouped by owner, as
// netpol-analyzer names workloads) and one policy. Expectations worked out by hand: api admits only
// TCP 80 from web; nothing restricts web or anyone's egress, except what Felix drops from every
// pod before policy: VXLAN (UDP 4789) and IP-in-IP (protocol 4).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNetsec as run } from '../helpers/run-cli';

const pod = (name: string, app: string, ip: string, hash: string): string => `- apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    namespace: shop
    labels: {app: ${app}, pod-template-hash: ${hash}}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ${app}-${hash}, controller: true, uid: x}]
  spec: {nodeName: n1, containers: [{name: c}]}
  status: {phase: Running, podIP: ${ip}}
`;

/** What a pod may send when no policy restricts it: everything but VXLAN and IP-in-IP. */
const POD_EGRESS = 'TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255';

const CLUSTER = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
${pod('web-5d4f8c-a', 'web', '192.0.2.10', '5d4f8c')}${pod('api-77c9-a', 'api', '192.0.2.20', '77c9')}${pod('api-77c9-b', 'api', '192.0.2.21', '77c9')}`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 80}]
`;

describe('netsec connectivity', () => {
  let dir: string;
  let args: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-conn-'));
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), CLUSTER);
    fs.writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    args = ['--manifests', path.join(dir, 'policy.yaml'), '--cluster', path.join(dir, 'cluster.yaml')];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('txt: one line per connected pair, workloads by owner, the outside as one range', async () => {
    const r = await run('connectivity', ...args);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      `shop/api[Deployment] => shop/web[Deployment] : ${POD_EGRESS}`,
      `shop/api[Deployment] => 0.0.0.0/0 : ${POD_EGRESS}`,
      'shop/web[Deployment] => shop/api[Deployment] : TCP 80',
      `shop/web[Deployment] => 0.0.0.0/0 : ${POD_EGRESS}`,
      '0.0.0.0/0 => shop/web[Deployment] : All Connections',
      '',
    ].join('\n'));
  });

  test('json, csv, md and dot carry the same lines; --focus keeps one workload', async () => {
    const json = JSON.parse((await run('connectivity', ...args, '--format', 'json')).out) as { src: string; dst: string; conn: string }[];
    expect(json).toContainEqual({ src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 80' });
    expect(json).toHaveLength(5);
    expect((await run('connectivity', ...args, '--format', 'csv')).out.split('\n')[0]).toBe('src,dst,conn');
    expect((await run('connectivity', ...args, '--format', 'md')).out).toContain('| shop/web[Deployment] | shop/api[Deployment] | TCP 80 |');
    expect((await run('connectivity', ...args, '--format', 'dot')).out).toContain('"shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 80"];');
    const focused = (await run('connectivity', ...args, '--focus', 'shop/api[Deployment]')).out.trim().split('\n');
    expect(focused).toEqual([
      `shop/api[Deployment] => shop/web[Deployment] : ${POD_EGRESS}`,
      `shop/api[Deployment] => 0.0.0.0/0 : ${POD_EGRESS}`,
      'shop/web[Deployment] => shop/api[Deployment] : TCP 80',
    ]);
  });

  test.each([
    ['3.31', 'knp\\.default\\.api-from-web'],
    ['3.32', 'api-from-web'],
  ])('--explain says under each line what decided each group of connections (Calico %s names)', async (version, policy) => {
    const r = await run('connectivity', ...args, '--focus', 'shop/api[Deployment]', '--explain', '--calico-version', version);
    const block = r.out.split('\n');
    const at = block.indexOf('shop/web[Deployment] => shop/api[Deployment] : TCP 80');
    expect(at).toBeGreaterThanOrEqual(0);
    const why = block.slice(at + 1).filter((l) => l.startsWith('    '));
    // TCP 80 is allowed by the converted Kubernetes rule; every other TCP port ends in the default tier's drop
    expect(why).toContainEqual(expect.stringMatching(new RegExp(`^ {4}TCP 80: allowed; egress: .*; ingress: ${policy} rule 0 \\(Allow\\) in tier default$`)));
    expect(why).toContainEqual(expect.stringMatching(/^ {4}TCP 1-79,81-65535,.*: denied; egress: .*; ingress: end of tier default/));
  });
});
