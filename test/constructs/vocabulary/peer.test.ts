import { Chart, Testing } from 'cdk8s';
import { CalicoGlobalNetworkSet, CalicoNetworkSet } from '../../../lib/constructs/l1';
import { LabelSelector, Peer } from '../../../lib/constructs/vocabulary';

const NAMESPACED = { policyNamespace: 'shop' };
const CLUSTER = {};

describe('Peer (Kubernetes-expressible)', () => {
  test('pods in the own namespace', () => {
    const p = Peer.pods(LabelSelector.of({ app: 'web' }));
    expect(p.kubernetesExpressible).toBe(true);
    expect(p.toKubernetes()).toEqual({ podSelector: { matchLabels: { app: 'web' } } });
    expect(p.toCalico(NAMESPACED)).toEqual({ selector: "projectcalico.org/orchestrator == 'k8s' && app == 'web'" });
  });

  test('pods in another namespace select the namespace by kubernetes.io/metadata.name', () => {
    const p = Peer.pods(LabelSelector.of({ app: 'web' }), 'front');
    expect(p.toKubernetes()).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } },
    });
    expect(p.toCalico(CLUSTER)).toEqual({
      selector: "projectcalico.org/orchestrator == 'k8s' && app == 'web'",
      namespaceSelector: "kubernetes.io/metadata.name == 'front'",
    });
  });

  test('pods without a namespace have no meaning in a cluster-wide policy', () => {
    expect(() => Peer.pods(LabelSelector.all()).toCalico(CLUSTER))
      .toThrow('Peer.pods("all()") has no namespace and is used in a cluster-wide policy');
  });

  test('namespace(name) and namespaces(selector): every pod there (calico-facts 3.1 case 8)', () => {
    expect(Peer.namespace('monitoring').toKubernetes()).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } });
    expect(Peer.namespace('monitoring').toCalico(NAMESPACED)).toEqual({
      selector: "projectcalico.org/orchestrator == 'k8s'", namespaceSelector: "kubernetes.io/metadata.name == 'monitoring'",
    });
    const sel = Peer.namespaces(LabelSelector.of({ namespaceRole: 'dev', namespaceFoo: 'bar' }));
    expect(sel.toKubernetes()).toEqual({ namespaceSelector: { matchLabels: { namespaceFoo: 'bar', namespaceRole: 'dev' } } });
    expect(sel.toCalico(NAMESPACED)).toEqual({
      selector: "projectcalico.org/orchestrator == 'k8s'", namespaceSelector: "namespaceFoo == 'bar' && namespaceRole == 'dev'",
    });
    expect(Peer.namespaces(LabelSelector.all()).toCalico(CLUSTER).namespaceSelector).toBe('all()');
  });

  test('cidr with except (calico-facts 3.1 case 10), anyIpv4, anyIpv6', () => {
    const p = Peer.cidr('192.168.0.0/16', { except: ['192.168.3.0/24', '192.168.4.0/24'] });
    expect(p.toKubernetes()).toEqual({ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] } });
    expect(p.toCalico(CLUSTER)).toEqual({ nets: ['192.168.0.0/16'], notNets: ['192.168.3.0/24', '192.168.4.0/24'] });
    expect(p.ipVersion).toBe(4);
    expect(Peer.anyIpv4().toCalico(CLUSTER)).toEqual({ nets: ['0.0.0.0/0'] });
    expect(Peer.anyIpv6().toKubernetes()).toEqual({ ipBlock: { cidr: '::/0' } });
    expect(Peer.cidr('2001:db8::/32').ipVersion).toBe(6);
  });
});

describe('Peer (Calico only)', () => {
  test('hostEndpoints: plain selector limited to cluster-scoped objects', () => {
    const p = Peer.hostEndpoints(LabelSelector.of({ 'ibm.role': 'worker_private' }));
    expect(p.kubernetesExpressible).toBe(false);
    expect(p.toCalico(NAMESPACED)).toEqual({ selector: "ibm.role == 'worker_private'", namespaceSelector: 'global()' });
    expect(() => p.toKubernetes()).toThrow('Peer.hostEndpoints("ibm.role == \'worker_private\'") cannot be expressed in a Kubernetes NetworkPolicy');
  });

  test('networkSet(global set) matches the set by all its labels; networkSets(selector) by a selector', () => {
    const chart = new Chart(Testing.app(), 'c');
    const set = new CalicoGlobalNetworkSet(chart, 'Bad', { metadata: { name: 'bad', labels: { role: 'blocked', zone: 'x' } }, spec: { nets: ['198.51.100.0/24'] } });
    expect(Peer.networkSet(set).toCalico(CLUSTER)).toEqual({ selector: "role == 'blocked' && zone == 'x'", namespaceSelector: 'global()' });
    expect(Peer.networkSets(LabelSelector.of({ role: 'blocked' })).toCalico(NAMESPACED))
      .toEqual({ selector: "role == 'blocked'", namespaceSelector: 'global()' });
  });

  test('networkSet of a set without labels cannot be selected', () => {
    const chart = new Chart(Testing.app(), 'c');
    const set = new CalicoGlobalNetworkSet(chart, 'Bare', { metadata: { name: 'bare' }, spec: { nets: ['198.51.100.0/24'] } });
    expect(() => Peer.networkSet(set).toCalico(CLUSTER)).toThrow('Peer.networkSet(c/Bare): the network set has no labels');
  });

  test('namespacedNetworkSet only works from a policy of its own namespace', () => {
    const chart = new Chart(Testing.app(), 'c');
    const set = new CalicoNetworkSet(chart, 'Db', { metadata: { name: 'db', namespace: 'shop', labels: { role: 'db' } }, spec: { nets: ['198.51.100.0/28'] } });
    const p = Peer.namespacedNetworkSet(set);
    expect(p.toCalico(NAMESPACED)).toEqual({ selector: "role == 'db'" });
    expect(() => p.toCalico({ policyNamespace: 'other' })).toThrow('the NetworkSet is in namespace "shop" and Calico only matches it from policies of that namespace, but this policy is in namespace "other"');
    expect(() => p.toCalico(CLUSTER)).toThrow('but this policy is cluster-wide');
  });

  test('serviceAccount', () => {
    expect(Peer.serviceAccount('api').toCalico(NAMESPACED)).toEqual({ serviceAccounts: { names: ['api'] } });
    expect(Peer.serviceAccount('api', 'shop').toCalico(CLUSTER)).toEqual({
      serviceAccounts: { names: ['api'] }, namespaceSelector: "kubernetes.io/metadata.name == 'shop'",
    });
    expect(Peer.serviceAccount('api').kubernetesExpressible).toBe(false);
    expect(() => Peer.serviceAccount('api').toCalico(CLUSTER)).toThrow('has no namespace and is used in a cluster-wide policy');
  });
});

describe('Peer errors', () => {
  test.each([
    ['bad CIDR', () => Peer.cidr('10.0.0.0/33'), 'Peer.cidr("10.0.0.0/33"): cidr is invalid: CIDR prefix out of range'],
    ['not a CIDR', () => Peer.cidr('example.com'), 'Peer.cidr("example.com"): cidr is invalid'],
    ['host bits', () => Peer.cidr('10.0.0.1/8'), 'Peer.cidr("10.0.0.1/8"): cidr "10.0.0.1/8" is not in canonical network form; allowed: "10.0.0.0/8"'],
    ['except outside', () => Peer.cidr('192.0.2.0/24', { except: ['198.51.100.0/25'] }), 'except entry "198.51.100.0/25" is not strictly inside "192.0.2.0/24"'],
    ['except equal', () => Peer.cidr('192.0.2.0/24', { except: ['192.0.2.0/24'] }), 'is not strictly inside'],
    ['except other version', () => Peer.cidr('192.0.2.0/24', { except: ['2001:db8::/64'] }), 'is not strictly inside'],
    ['bad namespace', () => Peer.namespace('Shop'), 'Peer.namespace("Shop"): namespace "Shop" is invalid; allowed: a DNS-1123 label'],
    ['bad pods namespace', () => Peer.pods(LabelSelector.all(), 'a_b'), 'Peer.pods("all()", "a_b"): namespace "a_b" is invalid'],
    ['bad service account', () => Peer.serviceAccount('API'), 'Peer.serviceAccount("API"): name "API" is invalid; allowed: a DNS-1123 subdomain'],
  ])('rejects %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
