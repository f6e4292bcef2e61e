import { explainJson, explainText } from '../../lib/engine';
import { check, inventory, model } from './helpers/world';

const PODS = inventory([
  { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' } },
  { ns: 'x', name: 'b', ip: '10.0.1.2', labels: { app: 'b' } },
]);
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-a, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
`;

// The traces name the policy as Felix sees it; these expectations pin Calico 3.31 (knp.default.<name>).
describe('explain', () => {
  test('text: verdict, both directions, the policy and rule that decided', () => {
    const text = explainText(check(model(POLICY, PODS, '3.31'), 'x/a', 'x/b'));
    expect(text).toBe([
      'x/a -> x/b TCP/80: ALLOW',
      "  allowed by both the source's egress and the destination's ingress",
      'egress of the source (x/a): allow',
      '  [workload] x/a: allow (no policy applies; profile kns.x rule 0 (Allow))',
      '    profiles [kns.x]: profile kns.x rule 0 Allow',
      'ingress of the destination (x/b): allow',
      '  [workload] x/b: allow (knp.default.only-a rule 0 (Allow) in tier default)',
      '    tier default: allow',
      '      NetworkPolicy x/knp.default.only-a: rule 0 Allow',
      // the fixture names neither policyTypes nor the port's protocol: kube-apiserver fills them in
      '        spec.policyTypes defaulted to [Ingress] (kube-apiserver)',
      '        spec.ingress[0].ports[0].protocol defaulted to TCP (kube-apiserver)',
      '',
    ].join('\n'));
  });

  test('text: why the default applied (end of tier)', () => {
    const text = explainText(check(model(POLICY, PODS, '3.31'), 'x/a', 'x/b', 'TCP', 81));
    expect(text).toContain('x/a -> x/b TCP/81: DENY');
    expect(text).toContain('[workload] x/b: deny (end of tier default: no policy allowed or passed the packet)');
    expect(text).toContain('      NetworkPolicy x/knp.default.only-a: no rule matched');
  });

  test('JSON: verdict and structured traces', () => {
    const j = explainJson(check(model(POLICY, PODS, '3.31'), 'x/a', 'x/b', 'TCP', 81)) as Record<string, unknown>;
    expect(j.verdict).toBe('deny');
    expect(j.protocol).toBe('TCP');
    expect(j.port).toBe(81);
    const ingress = j.ingress as { stages: { tiers: unknown[] }[] };
    expect(ingress.stages[0].tiers).toEqual([{
      tier: 'default', outcome: 'end-of-tier-drop',
      policies: [{
        policy: 'knp.default.only-a', writtenName: 'only-a', namespace: 'x', kind: 'NetworkPolicy', logged: [],
        defaults: ['spec.policyTypes defaulted to [Ingress] (kube-apiserver)', 'spec.ingress[0].ports[0].protocol defaulted to TCP (kube-apiserver)'],
      }],
    }]);
  });
});
