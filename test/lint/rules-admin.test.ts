// The policy lint rules over the admin policy kinds (as the declared Calico version converts them):
// a guardrail shadowed by a higher-priority Pass (NS003), a subject that selects nothing (NS001).
import { parseEngineInputs } from '../../lib/engine';
import { lintInputs } from '../../lib/lint';
import { inventory } from '../engine/helpers/world';

const CLUSTER = inventory([
  { ns: 'tenant-a', name: 'web', ip: '198.51.100.10', labels: { app: 'web' } },
  { ns: 'tenant-b', name: 'api', ip: '198.51.100.20', labels: { app: 'api' } },
], { 'tenant-a': { tenant: 'a' }, 'tenant-b': { tenant: 'b' } });

const lint = (manifests: string): ReturnType<typeof lintInputs> =>
  lintInputs(parseEngineInputs([{ file: 'guard.yaml', text: manifests }, { file: 'cluster.yaml', text: CLUSTER }], { calicoVersion: '3.32' }), true);

const cnp = (name: string, priority: number, subject: string, ingress: string, egress = '[]'): string => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: ${name}}
spec:
  tier: Admin
  priority: ${priority}
  subject: ${subject}
  ingress: ${ingress}
  egress: ${egress}
---
`;
const GUARD_EGRESS = '[{action: Deny, to: [{networks: [192.0.2.0/24]}]}]';

test('NS003: a Deny guardrail behind a higher-priority Pass over the same traffic is never reached', () => {
  const findings = lint(cnp('delegate', 1, '{namespaces: {}}', '[{action: Pass, from: [{namespaces: {}}]}]')
    + cnp('guardrail', 50, '{namespaces: {matchLabels: {tenant: b}}}', '[{action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]', GUARD_EGRESS));
  const shadowed = findings.filter((f) => f.ruleId === 'NS003');
  expect(shadowed).toHaveLength(1);
  expect(shadowed[0].location).toMatchObject({ file: 'guard.yaml', documentIndex: 1, kind: 'ClusterNetworkPolicy', name: 'guardrail' });
  expect(shadowed[0].message).toContain('delegate');
  expect(shadowed[0].location.field).toBe('ingress rule 1 as Calico converts it');
});

test('NS004: a guardrail all of whose rules sit behind a higher-priority Pass is fully redundant', () => {
  const findings = lint(cnp('delegate', 1, '{namespaces: {}}', '[{action: Pass, from: [{namespaces: {}}]}]')
    + cnp('guardrail', 50, '{namespaces: {matchLabels: {tenant: b}}}', '[{action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]'));
  expect(findings.filter((f) => f.ruleId === 'NS004').map((f) => f.message))
    .toEqual(['ClusterNetworkPolicy guardrail is fully redundant: every rule is covered by an earlier rule of ClusterNetworkPolicy delegate']);
});

test('no shadowing when the Pass covers fewer namespaces than the guardrail', () => {
  const findings = lint(cnp('delegate', 1, '{namespaces: {matchLabels: {tenant: a}}}', '[{action: Pass, from: [{namespaces: {}}]}]')
    + cnp('guardrail', 50, '{namespaces: {}}', '[{action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]'));
  expect(findings.filter((f) => f.ruleId === 'NS003' || f.ruleId === 'NS004')).toEqual([]);
});

test('no NS003 when the Pass has the lower precedence (higher priority number)', () => {
  const findings = lint(cnp('delegate', 60, '{namespaces: {}}', '[{action: Pass, from: [{namespaces: {}}]}]')
    + cnp('guardrail', 50, '{namespaces: {matchLabels: {tenant: b}}}', '[{action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]'));
  expect(findings.filter((f) => f.ruleId === 'NS003' || f.ruleId === 'NS004')).toEqual([]);
});

test('NS001: a subject that selects no pod, located at spec.subject', () => {
  const findings = lint(cnp('nobody', 5, '{namespaces: {matchLabels: {tenant: zz}}}', '[{action: Deny, from: [{namespaces: {}}]}]'));
  const none = findings.filter((f) => f.ruleId === 'NS001');
  expect(none).toHaveLength(1);
  expect(none[0].location).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'nobody', field: 'spec.subject' });
});
