// The guardrail intents (issue 15): each one's ClusterNetworkPolicy written out by hand from the
// sig-network v1alpha2 API (network-policy-api apis/v1alpha2/clusternetworkpolicy_types.go), its
// errors at synth with the construct path, and its effect through the engine with Calico 3.32.
import * as yaml from 'js-yaml';
import {
  GuardrailAllow, GuardrailAllowDns, GuardrailDelegate, GuardrailDeny, GuardrailDenyCidr, GuardrailIsolateTenants, GuardrailTier, LabelSelector, Peer, Port,
} from '../../../lib';
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../../lib/engine';
import { inventory } from '../../engine/helpers/world';
import { errorOf, newChart, synth } from './helpers';

const NS = (n: string): Record<string, string> => ({ 'kubernetes.io/metadata.name': n });

describe('guardrail manifests', () => {
  test('GuardrailAllowDns: Admin Accept egress to kube-dns and ingress at kube-dns, UDP and TCP 53', () => {
    const chart = newChart();
    new GuardrailAllowDns(chart, 'always-dns');
    const kubeDns = { namespaceSelector: { matchLabels: NS('kube-system') }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
    const ports = [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }];
    expect(synth(chart)).toEqual([
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'always-dns' },
        spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} }, egress: [{ name: 'allow-kube-dns', action: 'Accept', to: [{ pods: kubeDns }], protocols: ports }] },
      },
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'always-dns-ingress' },
        spec: { tier: 'Admin', priority: 10, subject: { pods: kubeDns }, ingress: [{ name: 'allow-kube-dns', action: 'Accept', from: [{ namespaces: {} }], protocols: ports }] },
      },
    ]);
  });

  test('GuardrailDenyCidr: one egress Deny to the networks, ports as protocols, Baseline on request', () => {
    const chart = newChart();
    new GuardrailDenyCidr(chart, 'deny-block', { cidrs: ['203.0.113.0/24', '2001:db8::/32'], ports: [Port.tcp(443), Port.udpRange(1000, 2000)], tier: GuardrailTier.BASELINE, priority: 7 });
    expect(synth(chart)).toEqual([{
      apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'deny-block' },
      spec: {
        tier: 'Baseline', priority: 7, subject: { namespaces: {} },
        egress: [{
          name: 'deny-cidrs', action: 'Deny', to: [{ networks: ['203.0.113.0/24', '2001:db8::/32'] }],
          protocols: [{ tcp: { destinationPort: { number: 443 } } }, { udp: { destinationPort: { range: { start: 1000, end: 2000 } } } }],
        }],
      },
    }]);
  });

  test('GuardrailDelegate: Pass both ways, peers from the Peer vocabulary', () => {
    const chart = newChart();
    new GuardrailDelegate(chart, 'hand-down', {
      namespaces: LabelSelector.labelExists('tenant'),
      to: [Peer.cidr('198.51.100.0/28'), Peer.namespace('shared')],
      from: [Peer.pods(LabelSelector.of({ app: 'probe' }), 'monitoring')],
      ports: [Port.tcp(9100)],
    });
    const doc = synth(chart)[0] as { spec: unknown };
    expect(doc.spec).toEqual({
      tier: 'Admin', priority: 20, subject: { namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } },
      ingress: [{
        name: 'pass-to-namespace-owners', action: 'Pass',
        from: [{ pods: { namespaceSelector: { matchLabels: NS('monitoring') }, podSelector: { matchLabels: { app: 'probe' } } } }],
        protocols: [{ tcp: { destinationPort: { number: 9100 } } }],
      }],
      egress: [{
        name: 'pass-to-namespace-owners', action: 'Pass',
        to: [{ networks: ['198.51.100.0/28'] }, { namespaces: { matchLabels: NS('shared') } }],
        protocols: [{ tcp: { destinationPort: { number: 9100 } } }],
      }],
    });
  });

  test('GuardrailAllow: Admin Accept from the monitoring namespace into labelled namespaces, default priority 15', () => {
    const chart = newChart();
    new GuardrailAllow(chart, 'monitoring-in', { namespaces: LabelSelector.labelExists('tenant'), from: [Peer.namespace('monitoring')], ports: [Port.tcp(9100)] });
    expect(synth(chart)).toEqual([{
      apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'monitoring-in' },
      spec: {
        tier: 'Admin', priority: 15, subject: { namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } },
        ingress: [{ name: 'allow', action: 'Accept', from: [{ namespaces: { matchLabels: NS('monitoring') } }], protocols: [{ tcp: { destinationPort: { number: 9100 } } }] }],
      },
    }]);
  });

  test('GuardrailAllow: egress to a CIDR in the Baseline tier', () => {
    const chart = newChart();
    new GuardrailAllow(chart, 'out', { to: [Peer.cidr('192.0.2.0/24')], tier: GuardrailTier.BASELINE, priority: 5 });
    expect((synth(chart)[0] as { spec: unknown }).spec).toEqual({
      tier: 'Baseline', priority: 5, subject: { namespaces: {} }, egress: [{ name: 'allow', action: 'Accept', to: [{ networks: ['192.0.2.0/24'] }] }],
    });
  });

  test('GuardrailDeny: Baseline Deny from every namespace into one namespace', () => {
    const chart = newChart();
    new GuardrailDeny(chart, 'closed', { namespaces: LabelSelector.of(NS('kube-system')), from: [Peer.namespaces(LabelSelector.all())], tier: GuardrailTier.BASELINE, priority: 3 });
    expect(synth(chart)).toEqual([{
      apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'closed' },
      spec: {
        tier: 'Baseline', priority: 3, subject: { namespaces: { matchLabels: NS('kube-system') } },
        ingress: [{ name: 'deny', action: 'Deny', from: [{ namespaces: {} }] }],
      },
    }]);
  });

  test('a named port becomes destinationNamedPort', () => {
    const chart = newChart();
    new GuardrailDelegate(chart, 'hand-down', { from: [Peer.namespace('monitoring')], ports: [Port.named('metrics')] });
    const doc = synth(chart)[0] as { spec: { ingress: unknown[] } };
    expect(doc.spec.ingress[0]).toEqual({ name: 'pass-to-namespace-owners', action: 'Pass', from: [{ namespaces: { matchLabels: NS('monitoring') } }], protocols: [{ destinationNamedPort: 'metrics' }] });
  });

  test('GuardrailIsolateTenants: one policy per tenant, Deny from namespaces of other tenants', () => {
    const chart = newChart();
    new GuardrailIsolateTenants(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'] });
    const docs = synth(chart) as { metadata: { name: string }; spec: unknown }[];
    expect(docs.map((d) => d.metadata.name)).toEqual(['tenants-a', 'tenants-b']);
    expect(docs[1].spec).toEqual({
      tier: 'Admin', priority: 40, subject: { namespaces: { matchLabels: { tenant: 'b' } } },
      ingress: [{
        name: 'deny-other-tenants', action: 'Deny',
        from: [{ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }, { key: 'tenant', operator: 'NotIn', values: ['b'] }] } }],
      }],
    });
  });
});

describe('guardrail errors name the construct path and field', () => {
  test('priority out of range', () => {
    expect(errorOf(() => new GuardrailAllowDns(newChart(), 'dns', { priority: 1001 }))).toMatch(/^test\/dns: priority: 1001 is not allowed; allowed: an integer 0-1000/);
  });
  test('a CIDR with host bits and an ingress CIDR peer', () => {
    expect(errorOf(() => new GuardrailDenyCidr(newChart(), 'deny', { cidrs: ['10.0.0.0/8', '203.0.113.1/24'] }))).toMatch(/test\/deny: cidrs\[1\]: .*203\.0\.113\.1\/24/);
    expect(errorOf(() => new GuardrailDelegate(newChart(), 'pass', { from: [Peer.cidr('192.0.2.0/24')] }))).toMatch(/test\/pass: from\[0\]: .*cannot match addresses/);
  });
  test('a named port with a network peer is refused by the API rules at synth', () => {
    expect(errorOf(() => new GuardrailDelegate(newChart(), 'p', { to: [Peer.cidr('192.0.2.0/24')], ports: [Port.named('http')] }))).toMatch(/test\/p\/Resource: spec\.egress\[0\]: networks, nodes and domainNames peers cannot be combined with named ports/);
  });
  test('GuardrailAllow: nothing to allow, an ingress CIDR peer', () => {
    expect(errorOf(() => new GuardrailAllow(newChart(), 'a', {}))).toMatch(/test\/a: to, from: both empty/);
    expect(errorOf(() => new GuardrailAllow(newChart(), 'a', { from: [Peer.cidr('192.0.2.0/24')] }))).toMatch(/test\/a: from\[0\]: .*cannot match addresses/);
  });
  test('pods without a namespace, ICMP, nothing to delegate, a tenant twice', () => {
    expect(errorOf(() => new GuardrailDelegate(newChart(), 'p', { to: [Peer.pods(LabelSelector.all())] }))).toMatch(/test\/p: to\[0\]: .*has no namespace/);
    expect(errorOf(() => new GuardrailDenyCidr(newChart(), 'd', { cidrs: ['192.0.2.0/24'], ports: [Port.icmp()] }))).toMatch(/test\/d: ports\[0\]: Port\.icmp\(\) cannot be written/);
    expect(errorOf(() => new GuardrailDelegate(newChart(), 'p', {}))).toMatch(/test\/p: to, from: both empty/);
    expect(errorOf(() => new GuardrailDeny(newChart(), 'd', { from: [Peer.cidr('192.0.2.0/24')], to: [Peer.pods(LabelSelector.all())] })))
      .toMatch(/test\/d: to\[0\]: .*has no namespace.*\ntest\/d: from\[0\]: .*cannot match addresses/);
    expect(errorOf(() => new GuardrailIsolateTenants(newChart(), 't', { tenantLabel: 'tenant', tenants: ['a', 'a'] }))).toMatch(/test\/t: tenants\[1\]: "a" is listed twice/);
  });
});

describe('guardrails through the engine (Calico 3.32)', () => {
  const CLUSTER = inventory([
    { ns: 'tenant-a', name: 'web', ip: '198.51.100.10' },
    { ns: 'tenant-b', name: 'api', ip: '198.51.100.20' },
    { ns: 'kube-system', name: 'dns', ip: '198.51.100.30', labels: { 'k8s-app': 'kube-dns' } },
  ], { 'tenant-a': { ...NS('tenant-a'), tenant: 'a' }, 'tenant-b': { ...NS('tenant-b'), tenant: 'b' }, 'kube-system': NS('kube-system') });
  const DENY_ALL_B = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: 'tenant-b' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
  const ALLOW_FROM_A = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'from-a', namespace: 'tenant-b' }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tenant: 'a' } } }] }] } };
  function verdict(extra: unknown[], from: string, to: string, protocol: string, port: number): boolean {
    const chart = newChart();
    new GuardrailAllowDns(chart, 'dns');
    new GuardrailDelegate(chart, 'pass-partner', { to: [Peer.cidr('203.0.113.0/28')] });
    new GuardrailDenyCidr(chart, 'deny-block', { cidrs: ['203.0.113.0/24'] });
    new GuardrailIsolateTenants(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'] });
    const text = [...synth(chart), ...extra].map((d) => yaml.dump(d)).join('---\n');
    const m = buildEngineModel(parseEngineInputs([{ file: 'p.yaml', text }, { file: 'c.yaml', text: CLUSTER }], { calicoVersion: '3.32' }));
    return evaluateFlow(m, buildFlow(m, { from, to, protocol, port })).allowed;
  }
  test('DNS is allowed even from a namespace that denies all its egress; other ports are not', () => {
    expect(verdict([DENY_ALL_B], 'tenant-b/api', 'kube-system/dns', 'UDP', 53)).toBe(true);
    expect(verdict([DENY_ALL_B], 'tenant-b/api', 'kube-system/dns', 'TCP', 80)).toBe(false);
  });
  test('tenant isolation: an admin Deny wins over the namespace Allow; kube-system is not a tenant', () => {
    expect(verdict([ALLOW_FROM_A], 'tenant-a/web', 'tenant-b/api', 'TCP', 80)).toBe(false);
    expect(verdict([], 'kube-system/dns', 'tenant-b/api', 'TCP', 80)).toBe(true);
  });
  test('GuardrailAllow: an admin Accept from kube-system into tenant-b wins over its deny-all', () => {
    const allowIn = (chart: ReturnType<typeof newChart>): unknown[] => {
      new GuardrailAllow(chart, 'in', { namespaces: LabelSelector.of({ tenant: 'b' }), from: [Peer.namespace('kube-system')], ports: [Port.tcp(80)] });
      return synth(chart);
    };
    expect(verdict([DENY_ALL_B, ...allowIn(newChart())], 'kube-system/dns', 'tenant-b/api', 'TCP', 80)).toBe(true);
    expect(verdict([DENY_ALL_B, ...allowIn(newChart())], 'kube-system/dns', 'tenant-b/api', 'TCP', 81)).toBe(false);
    expect(verdict([DENY_ALL_B], 'kube-system/dns', 'tenant-b/api', 'TCP', 80)).toBe(false);
  });
  test('the denied block is denied, its delegated part is left to the namespace owners', () => {
    expect(verdict([], 'tenant-a/web', '203.0.113.100', 'TCP', 443)).toBe(false);
    expect(verdict([], 'tenant-a/web', '203.0.113.5', 'TCP', 443)).toBe(true);
    expect(verdict([DENY_ALL_B], 'tenant-b/api', '203.0.113.5', 'TCP', 443)).toBe(false);
  });
});
