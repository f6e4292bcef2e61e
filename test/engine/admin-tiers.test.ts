// Admin policy kinds through the engine: Calico's tiers for each declared version, Pass handing the
// decision to namespace owners, the baseline after Kubernetes and Calico policies, version errors,
// validation errors naming file#document and field, and `convert`. Expectations worked out by hand
// from libcalico-go v3.31.7 / v3.32.1 (tier names and orders in names/policy.go and api tier.go).
import {
  BuiltModel, ValidationError, buildEngineModel, buildFlow, evaluateFlow, explainText, parseEngineInputs, renderConvertedPolicies,
} from '../../lib/engine';
import { AdminPolicyVersionError } from '../../lib/model/convert';
import { CalicoVersion } from '../../lib/model/calico-version';
import { inventory } from './helpers/world';

const CLUSTER = inventory([
  { ns: 'tenant-a', name: 'web', ip: '198.51.100.10', labels: { app: 'web' } },
  { ns: 'tenant-b', name: 'api', ip: '198.51.100.20', labels: { app: 'api' } },
  { ns: 'platform', name: 'dns', ip: '198.51.100.30', labels: { app: 'dns' } },
], { 'tenant-a': { tenant: 'a' }, 'tenant-b': { tenant: 'b' }, platform: { role: 'platform' } });

const CNP_PASS = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: delegate-tenants}
spec:
  tier: Admin
  priority: 20
  subject: {namespaces: {matchExpressions: [{key: tenant, operator: Exists}]}}
  ingress:
  - {name: hand-down, action: Pass, from: [{namespaces: {matchExpressions: [{key: tenant, operator: Exists}]}}]}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: isolate-tenants}
spec:
  tier: Baseline
  priority: 0
  subject: {namespaces: {matchExpressions: [{key: tenant, operator: Exists}]}}
  ingress:
  - {name: deny-other-tenants, action: Deny, from: [{namespaces: {matchExpressions: [{key: tenant, operator: Exists}]}}]}
`;
const NP_ALLOW_A = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-from-a, namespace: tenant-b}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {tenant: a}}}]}]
`;

function build(manifests: string, version: CalicoVersion): BuiltModel {
  return buildEngineModel(parseEngineInputs([{ file: 'policies.yaml', text: manifests }, { file: 'cluster.yaml', text: CLUSTER }], { calicoVersion: version }));
}
const flow = (m: BuiltModel, from: string, to: string, port = 80): ReturnType<typeof evaluateFlow> =>
  evaluateFlow(m, buildFlow(m, { from, to, protocol: 'TCP', port }));

describe('ClusterNetworkPolicy with Calico 3.32', () => {
  test('the tiers: kube-admin (1000) before default (1000000) before kube-baseline (10000000), both admin tiers default Pass', () => {
    const m = build(CNP_PASS, '3.32');
    expect(m.tiers.map((t) => [t.name, t.order, t.defaultAction])).toEqual([
      ['kube-admin', 1000, 'Pass'], ['default', 1_000_000, 'Deny'], ['kube-baseline', 10_000_000, 'Pass'],
    ]);
  });

  test('Pass hands the decision down: no namespace policy, so the baseline denies', () => {
    const v = flow(build(CNP_PASS, '3.32'), 'tenant-a/web', 'tenant-b/api');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages[0].tiers?.map((t) => [t.tier, t.outcome])).toEqual([['kube-admin', 'pass'], ['kube-baseline', 'deny']]);
    const text = explainText(v);
    expect(text).toContain('kube-admin');
    expect(text).toContain('delegate-tenants');
    expect(text).toContain('isolate-tenants');
  });

  test("Pass then the namespace owner's NetworkPolicy decides; the baseline is never reached", () => {
    const v = flow(build(CNP_PASS + '---\n' + NP_ALLOW_A, '3.32'), 'tenant-a/web', 'tenant-b/api');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].tiers?.map((t) => [t.tier, t.outcome])).toEqual([['kube-admin', 'pass'], ['default', 'allow']]);
  });

  test('no subject match: platform pods keep the profile allow', () => {
    expect(flow(build(CNP_PASS, '3.32'), 'tenant-a/web', 'platform/dns').allowed).toBe(true);
  });

  test('an admin Deny wins over a namespace Allow', () => {
    const deny = CNP_PASS.replace('action: Pass', 'action: Deny');
    expect(flow(build(deny + '---\n' + NP_ALLOW_A, '3.32'), 'tenant-a/web', 'tenant-b/api').allowed).toBe(false);
  });

  test('priority is the order: a lower priority Accept is evaluated before a higher one Deny', () => {
    const two = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: z-allow}
spec:
  tier: Admin
  priority: 5
  subject: {pods: {namespaceSelector: {matchLabels: {tenant: b}}, podSelector: {matchLabels: {app: api}}}}
  ingress: [{action: Accept, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: a-deny}
spec:
  tier: Admin
  priority: 6
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {}}]}]
`;
    const m = build(two, '3.32');
    expect(m.tiers[0].policies.map((p) => p.name)).toEqual(['z-allow', 'a-deny']);
    expect(flow(m, 'tenant-a/web', 'tenant-b/api').allowed).toBe(true);
    expect(flow(m, 'platform/dns', 'tenant-b/api').allowed).toBe(false);
  });

  test('a v1alpha1 kind with Calico 3.32 is an error naming 3.31', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: guard}
spec: {priority: 1, subject: {namespaces: {}}}
`;
    expect(() => build(anp, '3.32')).toThrow(AdminPolicyVersionError);
    expect(() => build(anp, '3.32')).toThrow(/policies\.yaml#0: .*Calico 3\.31 converts it/);
  });
});

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy with Calico 3.31', () => {
  const V1 = CNP_PASS.replace(/v1alpha2/g, 'v1alpha1')
    .replace('kind: ClusterNetworkPolicy\nmetadata: {name: delegate-tenants}\nspec:\n  tier: Admin\n', 'kind: AdminNetworkPolicy\nmetadata: {name: delegate-tenants}\nspec:\n')
    .replace('kind: ClusterNetworkPolicy\nmetadata: {name: isolate-tenants}\nspec:\n  tier: Baseline\n  priority: 0\n', 'kind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n');

  test('the tiers adminnetworkpolicy and baselineadminnetworkpolicy, the policies renamed as Calico 3.31 does', () => {
    const m = build(V1, '3.31');
    expect(m.tiers.map((t) => [t.name, t.order, t.defaultAction, t.policies.map((p) => p.name)])).toEqual([
      ['adminnetworkpolicy', 1000, 'Pass', ['kanp.adminnetworkpolicy.delegate-tenants']],
      ['default', 1_000_000, 'Deny', []],
      ['baselineadminnetworkpolicy', 10_000_000, 'Pass', ['kbanp.baselineadminnetworkpolicy.default']],
    ]);
    expect(flow(m, 'tenant-a/web', 'tenant-b/api').allowed).toBe(false);
    expect(flow(build(V1 + '---\n' + NP_ALLOW_A, '3.31'), 'tenant-a/web', 'tenant-b/api').allowed).toBe(true);
  });

  test('a ClusterNetworkPolicy with Calico 3.31 is an error naming 3.32', () => {
    expect(() => build(CNP_PASS, '3.31')).toThrow(/policies\.yaml#0: kind: policy\.networking\.k8s\.io\/v1alpha2 ClusterNetworkPolicy is not converted by Calico 3\.31 .*Calico 3\.32 converts it/);
  });

  test('a rule Calico cannot convert: Pass over a nodes peer becomes deny-all, with a note naming file#document and field', () => {
    const anp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: nodes}
spec:
  priority: 3
  subject: {namespaces: {matchLabels: {tenant: a}}}
  egress: [{action: Pass, to: [{nodes: {}}]}]
`;
    const m = build(anp, '3.31');
    expect(m.notes).toContainEqual(expect.stringMatching(/^policies\.yaml#0: spec\.egress\[0\]: a nodes peer is not converted by Calico .*replaces this rule with a deny-all rule$/));
    expect(flow(m, 'tenant-a/web', 'tenant-b/api').allowed).toBe(false);
  });
});

describe('validation of the admin kinds (CRD schema and CEL), every error naming file#document, field, value and what is allowed', () => {
  const errorOf = (text: string): string => {
    try {
      parseEngineInputs([{ file: 'bad.yaml', text }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  const cnp = (spec: string): string => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: p}
spec:
${spec}`;

  test.each([
    ['priority out of range', '  tier: Admin\n  priority: 1001\n  subject: {namespaces: {}}', 'spec.priority: priority out of range (got 1001; allowed: an integer 0-1000)'],
    ['unknown tier', '  tier: Admins\n  priority: 1\n  subject: {namespaces: {}}', 'spec.tier: unknown tier (got "Admins"; allowed: Admin or Baseline)'],
    ['subject with both fields', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}', 'spec.subject: more than one field set'],
    ['v1alpha1 action in v1alpha2', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Allow, from: [{namespaces: {}}]}]', 'spec.ingress[0].action: unknown action (got "Allow"; allowed: Accept, Deny, Pass)'],
    ['range start not below end', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 90, end: 80}}}}]}]',
      'spec.ingress[0].protocols[0].tcp.destinationPort.range: start port must be less than end port'],
    ['named port with a networks peer (CEL)', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{networks: [192.0.2.0/24]}], protocols: [{destinationNamedPort: web}]}]',
      'spec.egress[0]: networks, nodes and domainNames peers cannot be combined with named ports'],
    ['a bad CIDR', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{networks: [192.0.2.0/33]}]}]', 'spec.egress[0].to[0].networks[0]'],
    ['a rule with no peers', '  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: []}]', 'spec.ingress[0].from: wrong number of entries (got 0; allowed: 1-25 entries)'],
  ])('%s', (_name, spec, expected) => {
    const message = errorOf(cnp(spec));
    expect(message).toContain('bad.yaml#0');
    expect(message).toContain(expected);
  });

  test('BaselineAdminNetworkPolicy must be named default and has no Pass', () => {
    const message = errorOf(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: other}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Pass, from: [{namespaces: {}}]}]
`);
    expect(message).toContain('metadata.name: only one BaselineAdminNetworkPolicy can exist in a cluster, named default (got "other"; allowed: default)');
    expect(message).toContain('spec.ingress[0].action: unknown action (got "Pass"; allowed: Allow, Deny)');
  });

  test('an admin policy kind is cluster-scoped', () => {
    expect(errorOf(`apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: p, namespace: x}
spec: {priority: 1, subject: {namespaces: {}}}
`)).toContain('metadata.namespace: AdminNetworkPolicy is cluster-scoped and cannot have a namespace');
  });
});

describe('netsec convert of the admin kinds', () => {
  test('a ClusterNetworkPolicy renders as the GlobalNetworkPolicy Calico 3.32 makes of it', () => {
    const inputs = parseEngineInputs([{ file: 'p.yaml', text: CNP_PASS }]);
    const out = renderConvertedPolicies(inputs.resources, '3.32');
    expect(out).toContain('# from p.yaml#0, as Calico v3.32 converts it\n');
    expect(out).toContain('kind: GlobalNetworkPolicy\nmetadata:\n  name: delegate-tenants\n');
    expect(out).toContain('tier: kube-admin');
    expect(out).toContain('tier: kube-baseline');
    expect(out).toContain('action: Pass');
  });
});
