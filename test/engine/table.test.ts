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

  test('JSON: every pair present, protocol and port', () => {
    const j = table.toJSON();
    expect(j.protocol).toBe('TCP');
    expect(j.port).toBe(80);
    expect(Object.keys(j.allowed)).toHaveLength(30);
    for (const row of Object.values(j.allowed)) expect(Object.keys(row)).toHaveLength(30);
    expect(j.allowed['n0/p0']['n0/p0']).toBe(true);
  });
});
