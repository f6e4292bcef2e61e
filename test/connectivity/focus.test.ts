// `netsec connectivity --focus` on a workload whose two pods differ: api-77c9-b carries a label
// (`canary`) that a policy selects and api-77c9-a lacks, so the lines towards api are listed pod by
// pod. --focus names the workload (or the host endpoint, or the range) a line belongs to, so those
// pod lines are kept; a focus on one pod keeps its own lines and its workload's shared ones.
// Expectations worked out by hand: api-77c9-b admits only TCP 80 from web (a Kubernetes policy
// selecting it: everything else ends in the default tier's drop); api-77c9-a and web have no policy,
// so they receive everything their peer sends; a pod sends everything but what Felix drops from
// every pod before policy, VXLAN (UDP 4789) and IP-in-IP (protocol 4).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNetsec as run } from '../helpers/run-cli';

const pod = (name: string, app: string, ip: string, hash: string, extra = ''): string => `- apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    namespace: shop
    labels: {app: ${app}, pod-template-hash: ${hash}${extra}}
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
${pod('web-5d4f8c-a', 'web', '192.0.2.10', '5d4f8c')}${pod('api-77c9-a', 'api', '192.0.2.20', '77c9')}${pod('api-77c9-b', 'api', '192.0.2.21', '77c9', ', canary: "yes"')}`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: canary-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api, canary: "yes"}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 80}]
`;

const API = 'shop/api[Deployment]';
const WEB = 'shop/web[Deployment]';

/** The whole map, in the map's order (workloads by name, then the range; pod lines in pod order). */
const ALL = [
  `${API} => ${WEB} : ${POD_EGRESS}`,
  `${API} => 0.0.0.0/0 : ${POD_EGRESS}`,
  `shop/web-5d4f8c-a => shop/api-77c9-a : ${POD_EGRESS}`,
  'shop/web-5d4f8c-a => shop/api-77c9-b : TCP 80',
  `${WEB} => 0.0.0.0/0 : ${POD_EGRESS}`,
  '0.0.0.0/0 => shop/api-77c9-a : All Connections',
  `0.0.0.0/0 => ${WEB} : All Connections`,
];

describe('netsec connectivity --focus on a workload whose pods differ', () => {
  let dir: string;
  let args: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-focus-'));
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), CLUSTER);
    fs.writeFileSync(path.join(dir, 'policy.yaml'), POLICY);
    args = ['--manifests', path.join(dir, 'policy.yaml'), '--cluster', path.join(dir, 'cluster.yaml')];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lines = async (...extra: string[]): Promise<string[]> => {
    const r = await run('connectivity', ...args, ...extra);
    expect(r.code).toBe(0);
    return r.out.split('\n').filter((l) => l !== '');
  };

  test('without --focus: the lines towards api are listed pod by pod', async () => {
    expect(await lines()).toEqual(ALL);
  });

  test.each([
    [API, [ALL[0], ALL[1], ALL[2], ALL[3], ALL[5]]],
    [WEB, [ALL[0], ALL[2], ALL[3], ALL[4], ALL[6]]],
    ['0.0.0.0/0', [ALL[1], ALL[4], ALL[5], ALL[6]]],
    // a pod: its own lines, and its workload's lines where the pods agree
    ['shop/api-77c9-b', [ALL[0], ALL[1], ALL[3]]],
    ['shop/web-5d4f8c-a', [ALL[0], ALL[2], ALL[3], ALL[4], ALL[6]]],
  ])('--focus %s keeps every line of it, pod lines included', async (focus, expected) => {
    expect(await lines('--focus', focus)).toEqual(expected);
  });

  test('--focus with --explain keeps the pod lines and explains them', async () => {
    const out = await lines('--focus', API, '--explain');
    const at = out.indexOf('shop/web-5d4f8c-a => shop/api-77c9-b : TCP 80');
    expect(at).toBeGreaterThanOrEqual(0);
    const rest = out.slice(at + 1);
    const why = rest.slice(0, rest.findIndex((l) => !l.startsWith('    ')));
    expect(why).toContainEqual(expect.stringMatching(/^ {4}TCP 80: allowed; egress: .*; ingress: canary-from-web rule 0 \(Allow\) in tier default$/));
    expect(why).toContainEqual(expect.stringMatching(/^ {4}TCP 1-79,81-65535,.*: denied; egress: .*; ingress: end of tier default/));
  });

  test('a focus that names nothing is an error, not an empty map', async () => {
    for (const focus of ['shop/nothing', 'shop/api', '10.0.0.0/8']) {
      const r = await run('connectivity', ...args, '--focus', focus);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`focus "${focus}": no workload (ns/name[Kind]), pod (ns/name), host endpoint or address range of the map has this name`);
    }
  });
});
