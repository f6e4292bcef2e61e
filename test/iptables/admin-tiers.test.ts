// The admin policy tiers in the node plan as Felix programs them: kube-admin first, no end-of-tier
// drop in either admin tier (both default to Pass), the baseline after the default tier, and a
// Pass rule setting the pass mark. Expectations worked out by hand from Felix's
// felix/rules/endpoints.go (tier start, "End of tier" drop only for Deny-default tiers).
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables';
import { inventory } from '../engine/helpers/world';

const POLICIES = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: delegate}
spec: {tier: Admin, priority: 1, subject: {namespaces: {}}, ingress: [{action: Pass, from: [{namespaces: {matchLabels: {tenant: b}}}]}]}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: base}
spec: {tier: Baseline, priority: 50, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-b, namespace: a}
spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {tenant: b}}}]}]}
`;

test('the tiers in the workload ingress chain: kube-admin, default, kube-baseline; only the default tier ends in a drop', () => {
  const cluster = inventory([{ ns: 'a', name: 'p', ip: '198.51.100.1' }], { a: { tenant: 'a' } }, [{ name: 'node-1', ip: '192.0.2.1' }]);
  const m = buildEngineModel(parseEngineInputs([{ file: 'g.yaml', text: POLICIES }, { file: 'c.yaml', text: cluster }], { calicoVersion: '3.32' }));
  const lines = renderNodePlan(m, 'node-1').iptables.split('\n').filter((l) => l.startsWith('-A cali-tw-'));
  const marks = lines.map((l) => /(Start of tier [^" ]+|End of tier [^" ]+)/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
  expect(marks).toEqual(['Start of tier kube-admin', 'Start of tier default', 'End of tier default.', 'Start of tier kube-baseline']);
  const plan = renderNodePlan(m, 'node-1').iptables;
  expect(plan).toMatch(/-A cali-pi-kcnp\/delegate .*kcnp delegate ingress rule 0 Pass\b.*--jump MARK --set-mark 0x20000\/0x20000/);
  expect(plan).toMatch(/-A cali-pi-kcnp\/base .*kcnp base ingress rule 0 Deny\b.*--jump DROP/);
});
