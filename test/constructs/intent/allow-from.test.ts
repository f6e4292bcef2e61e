import { AllowEgressTo, AllowFromNamespace, AllowFromPods, PolicyTarget } from '../../../lib/constructs/intent';
import { LabelSelector, Peer, Port } from '../../../lib/constructs/vocabulary';
import { errorOf, newChart, synth } from './helpers';

const BACKEND = PolicyTarget.pods('shop', LabelSelector.of({ app: 'backend' }));

describe('AllowFromPods', () => {
  test('Kubernetes NetworkPolicy: backend from frontend on TCP 8080', () => {
    const chart = newChart();
    const a = new AllowFromPods(chart, 'backend-from-frontend', { target: BACKEND, fromPods: LabelSelector.of({ app: 'frontend' }), ports: [Port.tcp(8080)] });
    expect(a.usesCalico).toBe(false);
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'backend-from-frontend', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      },
    }]);
  });

  test('forceCalico gives the same intent as a Calico NetworkPolicy at the ALLOW order', () => {
    const chart = newChart();
    new AllowFromPods(chart, 'backend-from-frontend', {
      target: BACKEND, fromPods: LabelSelector.of({ app: 'frontend' }), ports: [Port.tcp(8080), Port.tcp(8443)], forceCalico: true,
    });
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
      metadata: { name: 'backend-from-frontend', namespace: 'shop' },
      spec: {
        order: 1200,
        selector: "projectcalico.org/orchestrator == 'k8s' && app == 'backend'",
        types: ['Ingress'],
        ingress: [{
          action: 'Allow', protocol: 'TCP',
          source: { selector: "projectcalico.org/orchestrator == 'k8s' && app == 'frontend'" },
          destination: { ports: [8080, 8443] },
        }],
      },
    }]);
  });

  test('an ICMP port makes it Calico by itself: one rule per protocol group', () => {
    const chart = newChart();
    const a = new AllowFromPods(chart, 'ping', { target: BACKEND, fromPods: LabelSelector.all(), fromNamespace: 'ops', ports: [Port.icmp(8), Port.udp(53)] });
    expect(a.usesCalico).toBe(true);
    const source = { selector: "projectcalico.org/orchestrator == 'k8s'", namespaceSelector: "kubernetes.io/metadata.name == 'ops'" };
    expect(synth(chart)).toEqual([expect.objectContaining({
      kind: 'NetworkPolicy', apiVersion: 'projectcalico.org/v3',
      spec: expect.objectContaining({
        ingress: [
          { action: 'Allow', protocol: 'ICMP', icmp: { type: 8 }, source },
          { action: 'Allow', protocol: 'UDP', source, destination: { ports: [53] } },
        ],
      }),
    })]);
  });

  test('cluster-wide target: fromNamespace is required', () => {
    expect(errorOf(() => new AllowFromPods(newChart(), 'x', { target: PolicyTarget.allNamespaces(), fromPods: LabelSelector.of({ app: 'prom' }) })))
      .toBe('test/x: Peer.pods("app == \'prom\'") has no namespace and is used in a cluster-wide policy, which has no namespace of its own; '
        + 'allowed: give the namespace argument');
  });

  test('a bad fromNamespace is reported with the construct path', () => {
    expect(errorOf(() => new AllowFromPods(newChart(), 'x', { target: BACKEND, fromPods: LabelSelector.all(), fromNamespace: 'Ops' })))
      .toMatch(/^test\/x: Peer.pods\("all\(\)", "Ops"\): namespace "Ops" is invalid; allowed: a DNS-1123 label/);
  });
});

describe('AllowFromNamespace', () => {
  test('Kubernetes: all traffic from every pod of the namespace', () => {
    const chart = newChart();
    new AllowFromNamespace(chart, 'from-monitoring', { target: PolicyTarget.namespace('shop'), fromNamespace: 'monitoring' });
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'from-monitoring', namespace: 'shop' },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
      },
    }]);
  });

  test('cluster-wide target: a GlobalNetworkPolicy', () => {
    const chart = newChart();
    new AllowFromNamespace(chart, 'scrape', { target: PolicyTarget.allNamespaces({ excludedNamespaces: ['kube-system'] }), fromNamespace: 'monitoring', ports: [Port.named('metrics')] });
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'scrape' },
      spec: {
        order: 1200,
        selector: "projectcalico.org/orchestrator == 'k8s' && projectcalico.org/namespace not in { 'kube-system' }",
        types: ['Ingress'],
        ingress: [{
          action: 'Allow', protocol: 'TCP',
          source: { selector: "projectcalico.org/orchestrator == 'k8s'", namespaceSelector: "kubernetes.io/metadata.name == 'monitoring'" },
          destination: { ports: ['metrics'] },
        }],
      },
    }]);
  });

  test('bad namespace', () => {
    expect(errorOf(() => new AllowFromNamespace(newChart(), 'x', { target: PolicyTarget.namespace('shop'), fromNamespace: '' })))
      .toMatch(/^test\/x: Peer.namespace\(""\): namespace "" is invalid/);
  });
});

describe('AllowEgressTo', () => {
  test('Kubernetes: egress to a CIDR and to pods of another namespace, TCP 5432', () => {
    const chart = newChart();
    new AllowEgressTo(chart, 'to-db', {
      target: BACKEND,
      to: [Peer.cidr('192.0.2.0/24'), Peer.pods(LabelSelector.of({ app: 'db' }), 'data')],
      ports: [Port.tcp(5432)],
    });
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'to-db', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Egress'],
        egress: [{
          to: [
            { ipBlock: { cidr: '192.0.2.0/24' } },
            { podSelector: { matchLabels: { app: 'db' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } } },
          ],
          ports: [{ protocol: 'TCP', port: 5432 }],
        }],
      },
    }]);
  });

  test('a host endpoint peer makes it Calico; peers go into destination with the ports', () => {
    const chart = newChart();
    const a = new AllowEgressTo(chart, 'to-nodes', { target: BACKEND, to: [Peer.hostEndpoints(LabelSelector.of({ 'ibm.role': 'worker_private' }))], ports: [Port.tcp(10250)] });
    expect(a.usesCalico).toBe(true);
    expect(synth(chart)).toEqual([expect.objectContaining({
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
      spec: {
        order: 1200,
        selector: "projectcalico.org/orchestrator == 'k8s' && app == 'backend'",
        types: ['Egress'],
        egress: [{ action: 'Allow', protocol: 'TCP', destination: { selector: "ibm.role == 'worker_private'", namespaceSelector: 'global()', ports: [10250] } }],
      },
    })]);
  });

  test('all traffic to anywhere IPv4 and IPv6: no ports, one Calico rule per peer', () => {
    const chart = newChart();
    new AllowEgressTo(chart, 'out', { target: BACKEND, to: [Peer.anyIpv4(), Peer.anyIpv6()], forceCalico: true });
    expect(synth(chart)).toEqual([expect.objectContaining({
      spec: expect.objectContaining({
        egress: [{ action: 'Allow', destination: { nets: ['0.0.0.0/0'] } }, { action: 'Allow', destination: { nets: ['::/0'] } }],
      }),
    })]);
  });

  test('errors: empty peers, ICMP to an IPv6 peer', () => {
    expect(errorOf(() => new AllowEgressTo(newChart(), 'x', { target: BACKEND, to: [] })))
      .toBe('test/x: to is empty; allowed: at least one peer (Peer.anyIpv4() and Peer.anyIpv6() for anywhere)');
    expect(errorOf(() => new AllowEgressTo(newChart(), 'x', { target: BACKEND, to: [Peer.cidr('2001:db8::/32')], ports: [Port.icmp()] })))
      .toBe('test/x: Peer.cidr("2001:db8::/32") is IPv6 but protocol ICMP only matches IPv4; allowed: Port.icmpv6() for IPv6 peers, or a peer of IPv4');
  });

  // An ICMPv6 type (e.g. 128, echo request) is IPv6 traffic: it fits an IPv6 peer and not an IPv4 one,
  // whether or not a type is given (Calico: ICMPv6 needs ipVersion 6).
  test('ICMPv6 with a type goes to an IPv6 peer, and is refused for an IPv4 peer', () => {
    const chart = newChart();
    new AllowEgressTo(chart, 'ping6', { target: BACKEND, to: [Peer.cidr('2001:db8::/32')], ports: [Port.icmpv6(128)] });
    expect(synth(chart)).toEqual([expect.objectContaining({
      spec: expect.objectContaining({
        egress: [{ action: 'Allow', protocol: 'ICMPv6', icmp: { type: 128 }, destination: { nets: ['2001:db8::/32'] } }],
      }),
    })]);
    expect(errorOf(() => new AllowEgressTo(newChart(), 'x', { target: BACKEND, to: [Peer.cidr('192.0.2.0/24')], ports: [Port.icmpv6(128, 0)] })))
      .toBe('test/x: Peer.cidr("192.0.2.0/24") is IPv4 but protocol ICMPv6 only matches IPv6; allowed: Port.icmp() for IPv4 peers, or a peer of IPv6');
  });
});
