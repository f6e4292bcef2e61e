import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { PodDef, inventory, model } from './helpers/world';

// 30 pods over 3 namespaces and 3 label values, so groups hold several pods each.
const pods: PodDef[] = [];
for (let i = 0; i < 30; i++) {
  pods.push({ ns: `n${i % 3}`, name: `p${i}`, ip: `10.1.${i % 3}.${i + 1}`, labels: { tier: `t${i % 2}` } });
}
const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: t0-from-t1, namespace: n0}
spec:
  podSelector: {matchLabels: {tier: t0}}
  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: t1}}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-cidr, namespace: n1}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: 10.1.0.0/24, except: [10.1.0.4/32]}}]}]
`;

describe('truth table', () => {
  const m = model(POLICIES, inventory(pods));
  const table = buildTruthTable(m, { protocol: 'TCP', port: 80 });

  test('equals evaluating every pair one by one (groups split by CIDR membership)', () => {
    const ids = pods.map((p) => `${p.ns}/${p.name}`);
    expect(table.ids).toEqual(ids);
    for (const a of ids) {
      for (const b of ids) {
        const v = evaluateFlow(m, buildFlow(m, { from: a, to: b, protocol: 'TCP', port: 80 }));
        expect([a, b, table.allowed(a, b)]).toEqual([a, b, v.allowed]);
      }
    }
    expect(table.allowed('n1/p1', 'n0/p3')).toBe(false); // 10.1.0.4 is excepted
    // Worked by hand: n1/p1 is t1 at 10.1.1.2; its egress may reach 10.1.0.0/24 except 10.1.0.4.
    expect(table.allowed('n1/p1', 'n0/p6')).toBe(true); // 10.1.0.7, t0: ingress needs a t1 source
    expect(table.allowed('n1/p1', 'n2/p2')).toBe(false); // 10.1.2.3: outside the ipBlock
    expect(table.allowed('n2/p2', 'n0/p0')).toBe(false); // n2/p2 is t0: not a t1 source
    expect(table.allowed('n2/p2', 'n1/p4')).toBe(true); // n2 has no egress policy, n1 no ingress policy
  });

  test('groups are fewer than pods', () => {
    expect(table.groupCount).toBeLessThan(pods.length);
  });

  test('pods with service accounts (so a ksa.<ns>.<sa> profile each): the same verdicts and the same number of groups', () => {
    // the account follows the tier label, so it splits no group the labels do not split already
    const withSa = model(POLICIES, inventory(pods.map((p, i) => ({ ...p, serviceAccount: `sa${i % 2}` }))));
    expect(withSa.endpoints.find((e) => e.id === 'n0/p0')?.profiles).toEqual(['kns.n0', 'ksa.n0.sa0']);
    const t = buildTruthTable(withSa, { protocol: 'TCP', port: 80 });
    expect(t.toJSON().allowed).toEqual(table.toJSON().allowed);
    expect(t.groupCount).toBe(table.groupCount);
  });

  test('JSON: every pair present, protocol and port', () => {
    const j = table.toJSON();
    expect(j.protocol).toBe('TCP');
    expect(j.port).toBe(80);
    expect(Object.keys(j.allowed)).toHaveLength(30);
    for (const row of Object.values(j.allowed)) expect(Object.keys(row)).toHaveLength(30);
    expect(j.allowed['n0/p0']['n0/p0']).toBe(true);
  });
});

// Host endpoints on several nodes (IKS puts one on every worker). Each HostEndpoint carries its own
// `node` label, so grouping by labels alone would split every node; what matters is which policies
// its chains hold. node-a and node-b: same policies (one class); node-c: a `*` endpoint (no untracked
// chain); node-d: other policies; node-e: no host endpoint.
describe('truth table with host endpoints on several nodes', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map((x, i) => ({ name: `node-${x}`, ip: `10.0.0.${i + 1}` }));
  const hepPods: PodDef[] = [];
  for (let i = 0; i < 40; i++) {
    hepPods.push({
      ns: `n${i % 2}`, name: `p${i}`, ip: `10.1.${i % 3}.${i + 1}`, labels: { tier: `t${i % 2}` },
      node: nodes[Math.floor(i / 3) % 5].name,
    });
  }
  const hep = (node: string, iface: string, role: string, ip?: string): string => `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: ${node}-hep, labels: {role: ${role}, node: ${node}}}
spec: {node: ${node}, interfaceName: '${iface}'${ip ? `, expectedIPs: [${ip}]` : ''}}
---
`;
  const gnp = (name: string, spec: string): string => `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: ${name}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
---
`;
  const MANIFESTS = hep('node-a', 'eth0', 'worker', '10.0.0.1') + hep('node-b', 'eth0', 'worker', '10.0.0.2')
    + hep('node-c', '*', 'worker') + hep('node-d', 'eth0', 'edge', '10.0.0.4')
    + gnp('fwd-worker', `selector: role == 'worker'
applyOnForward: true
types: [Ingress, Egress]
ingress: [{action: Deny, protocol: TCP, source: {selector: tier == 't1'}, destination: {ports: [80]}}, {action: Allow}]
egress: [{action: Deny, destination: {nets: [10.1.2.0/24]}}, {action: Allow}]`)
    + gnp('untracked-worker', `selector: role == 'worker'
doNotTrack: true
applyOnForward: true
types: [Ingress]
ingress: [{action: Allow, source: {nets: [10.1.0.0/24]}}]`)
    + gnp('prednat-edge', `selector: role == 'edge'
preDNAT: true
applyOnForward: true
types: [Ingress]
ingress: [{action: Deny, source: {selector: tier == 't0'}}]`)
    + `apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec:
  failsafeInboundHostPorts: [{protocol: tcp, port: 80, net: 10.1.1.0/25}]
---
` + POLICIES;
  const m = model(MANIFESTS, inventory(hepPods, {}, nodes));
  const outside = { name: 'outside', ip: '203.0.113.9' };
  const nodeAddr = { name: 'node-a-address', ip: '10.0.0.1' };
  const podAlias = { name: 'pod-alias', ip: '10.1.1.2' };

  test.each([80, 81])('equals evaluating every pair one by one (TCP %i; hosts, externals)', (port) => {
    const table = buildTruthTable(m, { protocol: 'TCP', port, includeHostEndpoints: true, externalAddresses: [outside, nodeAddr, podAlias] });
    const refs = new Map<string, string>(table.ids.map((id) => [id, id]));
    refs.set('outside', outside.ip);
    refs.set('node-a-address', nodeAddr.ip);
    refs.set('pod-alias', podAlias.ip);
    let allowed = 0;
    let denied = 0;
    for (const a of table.ids) {
      for (const b of table.ids) {
        const from = refs.get(a) as string;
        const to = refs.get(b) as string;
        const v = a === b ? true : evaluateFlow(m, buildFlow(m, { from, to, protocol: 'TCP', port })).allowed;
        expect([a, b, table.allowed(a, b)]).toEqual([a, b, v]);
        if (v) allowed++;
        else denied++;
      }
    }
    // both outcomes occur, so the comparison is not vacuous
    expect(allowed).toBeGreaterThan(100);
    expect(denied).toBeGreaterThan(100);
    // node-a and node-b share a host class: fewer kinds of rows than rows
    expect(table.groupCount).toBeLessThan(table.ids.length);
  });

  test('worked by hand: forward policies of the host endpoints decide cross-node flows', () => {
    const table = buildTruthTable(m, { protocol: 'TCP', port: 80 });
    // n0/p0 (t0, 10.1.0.1, node-a) to n1/p1 (t1, 10.1.1.2, node-a): same node, no host chain; n1 has
    // no ingress policy and n0 no egress policy: allowed.
    expect(table.allowed('n0/p0', 'n1/p1')).toBe(true);
    // n1/p1 (t1, 10.1.1.2, node-a) to n0/p18 (t0, 10.1.0.19, node-b): n1's egress ipBlock allows
    // 10.1.0.19 and node-a's forward egress does not deny it; 10.1.1.2 is in the failsafe net
    // 10.1.1.0/25 for port 80, which skips only untracked and pre-DNAT policy, so node-b's forward
    // chain (fwd-worker) denies the t1 source on port 80.
    expect(table.allowed('n1/p1', 'n0/p18')).toBe(false);
    // the same pair on port 81: no failsafe, untracked and pre-DNAT do not decide, fwd-worker falls
    // through to Allow, and n0's policy admits t1 sources on any port.
    expect(buildTruthTable(m, { protocol: 'TCP', port: 81 }).allowed('n1/p1', 'n0/p18')).toBe(true);
    // n1/p9 (t1, 10.1.0.10, node-d) to n0/p18 (node-b) on port 80: node-b's untracked policy allows
    // sources in 10.1.0.0/24 before the forward chain, so the t1 deny never runs.
    expect(table.allowed('n1/p9', 'n0/p18')).toBe(true);
    // n0/p0 (t0, node-a) to n1/p9 (node-d): node-d's pre-DNAT policy denies t0 sources.
    expect(table.allowed('n0/p0', 'n1/p9')).toBe(false);
  });
});

describe('truth table progress', () => {
  // worked by hand: x/a and x/c share labels (app=a), x/b differs: 2 groups. Node n1 holds both
  // groups, n2 only app=a: 2 nodes with same-node cells. No host endpoints or externals: no singles.
  const world = model('', inventory([
    { ns: 'x', name: 'a', ip: '10.0.0.1', labels: { app: 'a' }, node: 'n1' },
    { ns: 'x', name: 'b', ip: '10.0.0.2', labels: { app: 'b' }, node: 'n1' },
    { ns: 'x', name: 'c', ip: '10.0.0.3', labels: { app: 'a' }, node: 'n2' },
  ]));

  const calls = (externalAddresses: { name: string; ip: string }[] = []): [number, number][] => {
    const seen: [number, number][] = [];
    buildTruthTable(world, { protocol: 'TCP', port: 80, externalAddresses, onProgress: (done, total) => seen.push([done, total]) });
    return seen;
  };

  test('reports 0 first, then each step up to the total: a cross-node row per group and each node', () => {
    expect(calls()).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  test('an external address is a single row: two more steps (its cells against the groups, its row of single pairs)', () => {
    expect(calls([{ name: 'ext', ip: '203.0.113.5' }]).map(([d, t]) => `${d}/${t}`)).toEqual(['0/6', '1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  });

  test('the table is the same with or without a listener', () => {
    const ext = [{ name: 'ext', ip: '203.0.113.5' }];
    const plain = buildTruthTable(world, { protocol: 'TCP', port: 80, externalAddresses: ext });
    const heard = buildTruthTable(world, { protocol: 'TCP', port: 80, externalAddresses: ext, onProgress: () => undefined });
    expect(heard.toJSON()).toEqual(plain.toJSON());
  });
});
