import { AllowSsh, IsolateNamespace, RestrictNodePorts } from '../../../lib/constructs/intent';
import { LabelSelector, Port } from '../../../lib/constructs/vocabulary';
import { errorOf, newChart, synth } from './helpers';

const NODE_PORT_DENY = [
  { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } },
  { action: 'Deny', protocol: 'UDP', destination: { ports: ['30000:32767'] } },
];

describe('RestrictNodePorts', () => {
  test('no allowlist: IBM tutorial deny-nodeports (preDNAT, applyOnForward, order 1100, worker_public)', () => {
    const chart = newChart();
    new RestrictNodePorts(chart, 'deny-nodeports');
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny-nodeports' },
      spec: {
        order: 1100,
        selector: "ibm.role == 'worker_public'",
        types: ['Ingress'],
        ingress: NODE_PORT_DENY,
        preDNAT: true,
        applyOnForward: true,
      },
    }]);
  });

  test('allowlist: open ports first, then allowed sources, then the deny', () => {
    const chart = newChart();
    new RestrictNodePorts(chart, 'deny-nodeports', {
      allowedPorts: [Port.tcp(30080), Port.udpRange(31000, 31010)],
      allowedSources: ['203.0.113.0/24'],
      hostEndpoints: LabelSelector.labelIn('ibm.role', ['worker_public', 'master_public']),
    });
    const src = { nets: ['203.0.113.0/24'] };
    expect(synth(chart)).toEqual([expect.objectContaining({
      spec: {
        order: 1100,
        selector: "ibm.role in { 'worker_public', 'master_public' }",
        types: ['Ingress'],
        ingress: [
          { action: 'Allow', protocol: 'TCP', destination: { ports: [30080] } },
          { action: 'Allow', protocol: 'UDP', destination: { ports: ['31000:31010'] } },
          { action: 'Allow', protocol: 'TCP', source: src, destination: { ports: ['30000:32767'] } },
          { action: 'Allow', protocol: 'UDP', source: src, destination: { ports: ['30000:32767'] } },
          ...NODE_PORT_DENY,
        ],
        preDNAT: true,
        applyOnForward: true,
      },
    })]);
  });

  test('errors: a port outside the NodePort range, a bad source', () => {
    expect(errorOf(() => new RestrictNodePorts(newChart(), 'x', { allowedPorts: [Port.tcp(30080), Port.tcp(80)] })))
      .toBe('test/x: allowedPorts[1]: Port.tcp(80) is not a NodePort; allowed: TCP or UDP ports or ranges inside 30000-32767, e.g. Port.tcp(30080)');
    expect(errorOf(() => new RestrictNodePorts(newChart(), 'x', { allowedPorts: [Port.icmp()] })))
      .toMatch(/^test\/x: allowedPorts\[0\]: Port.icmp\(\) is not a NodePort/);
    expect(errorOf(() => new RestrictNodePorts(newChart(), 'x', { allowedSources: ['203.0.113.0'] })))
      .toMatch(/^test\/x: cidrs\[0\]: Peer.cidr\("203.0.113.0"\): cidr is invalid/);
  });
});

describe('AllowSsh', () => {
  test('TCP 22 from the CIDRs into the private interface host endpoints', () => {
    const chart = newChart();
    const a = new AllowSsh(chart, 'allow-ssh', { sourceCidrs: ['10.0.0.0/8', '192.0.2.0/24'] });
    expect(a.usesCalico).toBe(true);
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'allow-ssh' },
      spec: {
        order: 1200,
        selector: "ibm.role == 'worker_private'",
        types: ['Ingress'],
        ingress: [
          { action: 'Allow', protocol: 'TCP', source: { nets: ['10.0.0.0/8'] }, destination: { ports: [22] } },
          { action: 'Allow', protocol: 'TCP', source: { nets: ['192.0.2.0/24'] }, destination: { ports: [22] } },
        ],
      },
    }]);
  });

  test('errors', () => {
    expect(errorOf(() => new AllowSsh(newChart(), 'ssh', { sourceCidrs: [] })))
      .toBe('test/ssh: cidrs is empty; allowed: at least one CIDR like 203.0.113.0/24');
  });

  // A GlobalNetworkPolicy with selector all() applies to every workload endpoint too, so an empty
  // host endpoint selector would put every pod of the cluster behind this policy.
  test('an empty host endpoint selector is refused, naming the construct', () => {
    expect(errorOf(() => new AllowSsh(newChart(), 'ssh', { sourceCidrs: ['10.0.0.0/8'], hostEndpoints: LabelSelector.all() })))
      .toBe('test/ssh: PolicyTarget.hostEndpoints("all()"): an empty selector selects every pod as well as every host endpoint; '
        + "allowed: a selector that requires at least one host endpoint label, e.g. LabelSelector.of({ 'ibm.role': 'worker_public' })");
    expect(errorOf(() => new RestrictNodePorts(newChart(), 'np', { hostEndpoints: LabelSelector.all() })))
      .toMatch(/^test\/np: PolicyTarget.hostEndpoints\("all\(\)"\): an empty selector selects every pod/);
  });
});

describe('IsolateNamespace', () => {
  test('Kubernetes: ingress only from the own namespace and the listed ones', () => {
    const chart = newChart();
    new IsolateNamespace(chart, 'isolate-shop', { namespace: 'shop', allowFromNamespaces: ['ingress'] });
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'isolate-shop', namespace: 'shop' },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } }] }],
      },
    }]);
  });

  test('isolateEgress, forced to Calico, with DNS by default', () => {
    const chart = newChart();
    new IsolateNamespace(chart, 'isolate-shop', { namespace: 'shop', isolateEgress: true, forceCalico: true });
    const own = { selector: "projectcalico.org/orchestrator == 'k8s'" };
    const dns = {
      selector: "projectcalico.org/orchestrator == 'k8s' && k8s-app == 'kube-dns'",
      namespaceSelector: "kubernetes.io/metadata.name == 'kube-system'",
      ports: [53],
    };
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
      metadata: { name: 'isolate-shop', namespace: 'shop' },
      spec: {
        order: 1200,
        selector: "projectcalico.org/orchestrator == 'k8s'",
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Allow', source: own }],
        egress: [
          { action: 'Allow', destination: own },
          { action: 'Allow', protocol: 'UDP', destination: dns },
          { action: 'Allow', protocol: 'TCP', destination: dns },
        ],
      },
    }]);
  });

  test('isolateEgress without DNS in Kubernetes', () => {
    const chart = newChart();
    new IsolateNamespace(chart, 'isolate-shop', { namespace: 'shop', isolateEgress: true, allowDns: false });
    expect(synth(chart)).toEqual([expect.objectContaining({
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    })]);
  });

  test('errors', () => {
    expect(errorOf(() => new IsolateNamespace(newChart(), 'x', { namespace: 'Shop' })))
      .toMatch(/^test\/x: PolicyTarget.namespace\("Shop"\): namespace "Shop" is invalid; allowed: a DNS-1123 label/);
    expect(errorOf(() => new IsolateNamespace(newChart(), 'x', { namespace: 'shop', allowFromNamespaces: ['ok', 'not ok'] })))
      .toMatch(/^test\/x: Peer.namespace\("not ok"\): namespace "not ok" is invalid/);
  });
});
