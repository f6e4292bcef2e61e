import { DefaultDeny, OrderBands, PolicyTarget } from '../../../lib/constructs/intent';
import { errorOf, newChart, synth } from './helpers';

const DNS_K8S_RULE = {
  to: [{
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};

describe('DefaultDeny', () => {
  test('namespace target: a Kubernetes NetworkPolicy isolating both directions', () => {
    const chart = newChart();
    const d = new DefaultDeny(chart, 'default-deny', { target: PolicyTarget.namespace('shop') });
    expect(d.usesCalico).toBe(false);
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }]);
  });

  test('opt-in DNS egress to kube-dns, ingress only when egress is off', () => {
    const chart = newChart();
    new DefaultDeny(chart, 'with-dns', { target: PolicyTarget.namespace('shop'), allowDns: true });
    new DefaultDeny(chart, 'ingress-only', { target: PolicyTarget.namespace('shop'), egress: false });
    expect(synth(chart)).toEqual([
      {
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
        metadata: { name: 'with-dns', namespace: 'shop' },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_K8S_RULE] },
      },
      {
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
        metadata: { name: 'ingress-only', namespace: 'shop' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      },
    ]);
  });

  test('forceCalico: a Calico NetworkPolicy, last in order, DNS as one rule per protocol', () => {
    const chart = newChart();
    const d = new DefaultDeny(chart, 'default-deny', { target: PolicyTarget.namespace('shop'), allowDns: true, forceCalico: true });
    expect(d.usesCalico).toBe(true);
    const dnsDestination = {
      selector: "projectcalico.org/orchestrator == 'k8s' && k8s-app == 'kube-dns'",
      namespaceSelector: "kubernetes.io/metadata.name == 'kube-system'",
      ports: [53],
    };
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: {
        order: 100000,
        selector: "projectcalico.org/orchestrator == 'k8s'",
        types: ['Ingress', 'Egress'],
        egress: [
          { action: 'Allow', protocol: 'UDP', destination: dnsDestination },
          { action: 'Allow', protocol: 'TCP', destination: dnsDestination },
        ],
      },
    }]);
    expect(OrderBands.DEFAULT_DENY).toBe(100000);
  });

  test('cluster-wide: a GlobalNetworkPolicy over pods outside the system namespaces', () => {
    const chart = newChart();
    new DefaultDeny(chart, 'cluster-deny', { target: PolicyTarget.allNamespaces(), ingress: true, egress: false });
    new DefaultDeny(chart, 'cluster-deny-all', { target: PolicyTarget.allNamespaces({ excludedNamespaces: [] }) });
    expect(synth(chart)).toEqual([
      {
        apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
        metadata: { name: 'cluster-deny' },
        spec: {
          order: 100000,
          selector: "projectcalico.org/orchestrator == 'k8s' && projectcalico.org/namespace not in "
            + "{ 'kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator' }",
          types: ['Ingress'],
        },
      },
      {
        apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
        metadata: { name: 'cluster-deny-all' },
        spec: { order: 100000, selector: "projectcalico.org/orchestrator == 'k8s'", types: ['Ingress', 'Egress'] },
      },
    ]);
  });

  test('errors name the construct path, the field, the value and what is allowed', () => {
    expect(errorOf(() => new DefaultDeny(newChart(), 'x', { target: PolicyTarget.namespace('shop'), egress: false, allowDns: true })))
      .toBe('test/x: allowDns is true but egress is false; allowed: allowDns only when egress is denied');
    expect(errorOf(() => new DefaultDeny(newChart(), 'x', { target: PolicyTarget.namespace('shop'), egress: false, ingress: false })))
      .toBe('test/x: the intent governs neither ingress nor egress; allowed: at least one direction');
    expect(errorOf(() => new DefaultDeny(newChart(), 'DefaultDeny', { target: PolicyTarget.namespace('shop') })))
      .toMatch(/^test\/DefaultDeny: name \(taken from the construct id; set the `name` prop to choose another\) "DefaultDeny" is invalid; allowed: a DNS-1123 label/);
    expect(errorOf(() => new DefaultDeny(newChart(), 'x', { name: 'a.b', target: PolicyTarget.namespace('shop') })))
      .toMatch(/^test\/x: name "a.b" is invalid; allowed: a DNS-1123 label/);
    expect(() => PolicyTarget.namespace('Shop')).toThrow('PolicyTarget.namespace("Shop"): namespace "Shop" is invalid; allowed: a DNS-1123 label');
    expect(() => PolicyTarget.allNamespaces({ excludedNamespaces: ['kube_system'] }))
      .toThrow('PolicyTarget.allNamespaces(): excludedNamespaces entry "kube_system" is invalid');
  });

  test('a name prop overrides the construct id', () => {
    const chart = newChart();
    new DefaultDeny(chart, 'DenyShop', { name: 'deny-shop', target: PolicyTarget.namespace('shop'), egress: false });
    expect(synth(chart)).toEqual([expect.objectContaining({ metadata: { name: 'deny-shop', namespace: 'shop' } })]);
  });
});
