// The L1 constructs of the admin policy kinds: cluster-scoped, validated at synth with the API's
// rules (errors name the construct path, field and value), rendered so the engine reads them back.
import { Chart, Testing } from 'cdk8s';
import { KubeAdminNetworkPolicy, KubeBaselineAdminNetworkPolicy, KubeClusterNetworkPolicy } from '../../../lib/constructs/l1';
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineDocuments } from '../../../lib/engine';
import * as yaml from 'js-yaml';
import { inventory } from '../../engine/helpers/world';

/** A platform guardrail chart written with the L1 classes: DNS always allowed, tenants isolated, a block denied. */
function guardrails(chart: Chart): void {
  new KubeClusterNetworkPolicy(chart, 'AllowDns', {
    metadata: { name: 'allow-dns' },
    spec: {
      tier: 'Admin', priority: 10, subject: { namespaces: {} },
      egress: [{ name: 'dns', action: 'Accept', to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
        protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }] }],
    },
  });
  new KubeClusterNetworkPolicy(chart, 'DenyBlock', {
    metadata: { name: 'deny-metadata-block' },
    spec: { tier: 'Admin', priority: 20, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['203.0.113.0/24'] }] }] },
  });
  new KubeClusterNetworkPolicy(chart, 'IsolateTenants', {
    metadata: { name: 'isolate-tenants' },
    spec: {
      tier: 'Baseline', priority: 10, subject: { namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } },
      ingress: [{ action: 'Deny', from: [{ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } }] }],
    },
  });
}

describe('admin policy L1 constructs', () => {
  test('cluster-scoped even in a namespaced chart, rendered in the API form', () => {
    const chart = new Chart(Testing.app(), 'platform', { namespace: 'ops' });
    guardrails(chart);
    const docs = Testing.synth(chart);
    expect(docs.map((d) => [d.apiVersion, d.kind, d.metadata.name, d.metadata.namespace])).toEqual([
      ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy', 'allow-dns', undefined],
      ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy', 'deny-metadata-block', undefined],
      ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy', 'isolate-tenants', undefined],
    ]);
    expect(docs[1].spec).toEqual({ tier: 'Admin', priority: 20, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['203.0.113.0/24'] }] }] });
  });

  test('the guardrail chart through the engine (Calico 3.32): DNS allowed, the block denied, tenants isolated, others unchanged', () => {
    const chart = new Chart(Testing.app(), 'platform');
    guardrails(chart);
    const cluster = inventory([
      { ns: 'kube-system', name: 'coredns', ip: '198.51.100.53', labels: { 'k8s-app': 'kube-dns' } },
      { ns: 'team-a', name: 'web', ip: '198.51.100.10' },
      { ns: 'team-b', name: 'api', ip: '198.51.100.20' },
    ], { 'kube-system': { 'kubernetes.io/metadata.name': 'kube-system' }, 'team-a': { tenant: 'a' }, 'team-b': { tenant: 'b' } });
    const documents = [
      ...Testing.synth(chart).map((doc, i) => ({ file: 'platform.yaml', documentIndex: i, doc })),
      ...((yaml.load(cluster) as { items: unknown[] }).items.map((doc, i) => ({ file: 'cluster.yaml', documentIndex: i, doc }))),
    ];
    const m = buildEngineModel(parseEngineDocuments(documents, { calicoVersion: '3.32' }));
    const allowed = (from: string, to: string, protocol: string, port: number): boolean =>
      evaluateFlow(m, buildFlow(m, { from, to, protocol, port })).allowed;
    expect(allowed('team-a/web', 'kube-system/coredns', 'UDP', 53)).toBe(true);
    expect(allowed('team-a/web', '203.0.113.9', 'TCP', 80)).toBe(false);
    expect(allowed('team-a/web', '192.0.2.9', 'TCP', 80)).toBe(true);
    expect(allowed('team-a/web', 'team-b/api', 'TCP', 8080)).toBe(false);
    expect(allowed('kube-system/coredns', 'team-b/api', 'TCP', 8080)).toBe(true);
  });

  test('validation at synth names the construct path, field, value and what is allowed', () => {
    const chart = new Chart(Testing.app(), 'platform');
    const cnp = new KubeClusterNetworkPolicy(chart, 'Bad', {
      metadata: { name: 'bad' }, spec: { tier: 'Admin', priority: 2000, subject: { namespaces: {} } },
    });
    expect(cnp.node.validate()).toEqual(['platform/Bad: spec.priority: priority out of range (got 2000; allowed: an integer 0-1000)']);
    const banp = new KubeBaselineAdminNetworkPolicy(chart, 'Banp', {
      metadata: { name: 'baseline' }, spec: { subject: { namespaces: {} }, egress: [{ action: 'Pass', to: [{ namespaces: {} }] }] },
    });
    expect(banp.node.validate()).toEqual([
      'platform/Banp: metadata.name: only one BaselineAdminNetworkPolicy can exist in a cluster, named default (got "baseline"; allowed: default)',
      'platform/Banp: spec.egress[0].action: unknown action (got "Pass"; allowed: Allow, Deny)',
    ]);
    const anp = new KubeAdminNetworkPolicy(chart, 'Anp', {
      metadata: { name: 'ok' }, spec: { priority: 1, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'x' } } } } },
    });
    expect(anp.node.validate()).toEqual([]);
  });
});
