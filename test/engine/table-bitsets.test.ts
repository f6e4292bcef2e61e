// The truth table's chain rows are computed for one owner against every group at once, over bitsets
// of 32 groups a word (lib/engine/table/chain-row.ts), and a namespaced entity tests only the groups
// with a party in its namespace (group-matches.ts). This world has more than 32 groups, a tier whose
// rules Pass, Deny and Allow and whose end drops, and a namespaced NetworkSet holding pods of another
// namespace (selected by a namespaced policy and through a namespaceSelector); every pair is checked against evaluateFlow, and a few by hand.
import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { PodDef, inventory, model } from './helpers/world';

const pods: PodDef[] = [];
for (let i = 0; i < 40; i++) {
  const labels: Record<string, string> = { app: `a${i}` };
  if (i % 4 === 0) labels.guard = 'yes';
  if (i % 5 === 1) labels.pass = 'yes';
  pods.push({ ns: i < 20 ? 'n0' : 'n1', name: `p${i}`, ip: `${i < 20 ? '198.51.100' : '203.0.113'}.${i + 1}`, labels, node: `node-${i % 2}` });
}

const POLICIES = `apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: guard}
spec:
  tier: security
  order: 10
  selector: guard == 'yes'
  types: [Ingress]
  ingress:
  - {action: Deny, source: {selector: app == 'a33'}}
  - {action: Pass, source: {selector: has(pass)}}
  - {action: Allow, source: {nets: [203.0.113.32/29]}}
---
apiVersion: projectcalico.org/v3
kind: NetworkSet
metadata: {name: trusted, namespace: n1, labels: {trusted: 'yes'}}
spec: {nets: [198.51.100.1/32, 198.51.100.2/31]}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: from-trusted, namespace: n1}
spec:
  order: 20
  selector: all()
  types: [Ingress]
  ingress:
  - {action: Allow, source: {selector: trusted == 'yes'}}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: ns-pick}
spec:
  order: 25
  selector: app == 'a10'
  types: [Ingress]
  ingress:
  - {action: Allow, source: {namespaceSelector: "kubernetes.io/metadata.name == 'n1'", selector: has(pass)}}
  - {action: Allow, source: {namespaceSelector: "kubernetes.io/metadata.name == 'n1'", selector: trusted == 'yes'}}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: a5-out}
spec:
  order: 30
  selector: app == 'a5'
  types: [Egress]
  egress:
  - {action: Deny, destination: {selector: "app in {'a34', 'a36'}"}}
  - {action: Allow}
`;

describe('truth table over more than 32 groups: tiers, Pass, namespaced network sets', () => {
  const m = model(POLICIES, inventory(pods, {}, [{ name: 'node-0', ip: '192.0.2.1' }, { name: 'node-1', ip: '192.0.2.2' }]));
  const table = buildTruthTable(m, { protocol: 'TCP', port: 80 });
  const ids = pods.map((p) => `${p.ns}/${p.name}`);

  test('every pair equals evaluateFlow', () => {
    expect(table.groupCount).toBeGreaterThan(32);
    for (const a of ids) {
      for (const b of ids) {
        const v = evaluateFlow(m, buildFlow(m, { from: a, to: b, protocol: 'TCP', port: 80 }));
        expect([a, b, table.allowed(a, b)]).toEqual([a, b, v.allowed]);
      }
    }
  });

  test('worked by hand', () => {
    // p33 to a guarded pod: the security tier's first rule denies
    expect(table.allowed('n1/p33', 'n0/p4')).toBe(false);
    // p34 (203.0.113.35, in 203.0.113.32/29) to a guarded pod of n0: the tier's Allow
    expect(table.allowed('n1/p34', 'n0/p4')).toBe(true);
    // p3 (198.51.100.4) to guarded p4: no rule of the tier matches, the tier's end drops
    expect(table.allowed('n0/p3', 'n0/p4')).toBe(false);
    // p6 (pass) to guarded p8: passed on; no policy of n0 in the default tier, the profile allows
    expect(table.allowed('n0/p6', 'n0/p8')).toBe(true);
    // p1 (pass, n0, 198.51.100.2) to guarded p24 of n1: passed on; from-trusted (n1) allows sources
    // that n1's NetworkSet trusted holds, pods of n0 included
    expect(table.allowed('n0/p1', 'n1/p24')).toBe(true);
    // p2 (198.51.100.3, held) and p3 (198.51.100.4, not held) to p25 (no guard) of n1
    expect(table.allowed('n0/p2', 'n1/p25')).toBe(true);
    expect(table.allowed('n0/p3', 'n1/p25')).toBe(false);
    // p21 (pass, n1, not held) to guarded p24: passed on, from-trusted does not allow it
    expect(table.allowed('n1/p21', 'n1/p24')).toBe(false);
    // p10's ns-pick admits n1's pods with a pass label, and what n1's NetworkSet trusted holds
    expect(table.allowed('n1/p21', 'n0/p10')).toBe(true);
    expect(table.allowed('n1/p22', 'n0/p10')).toBe(false);
    expect(table.allowed('n0/p1', 'n0/p10')).toBe(true);
    expect(table.allowed('n0/p3', 'n0/p10')).toBe(false);
    // p5's egress denies a34 and a36 and allows the others
    expect(table.allowed('n0/p5', 'n1/p34')).toBe(false);
    expect(table.allowed('n0/p5', 'n0/p7')).toBe(true);
  });
});
