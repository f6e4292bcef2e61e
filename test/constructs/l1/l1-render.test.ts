import { Chart, Testing } from 'cdk8s';
import {
  IntOrString,
  CalicoFelixConfiguration, CalicoGlobalNetworkPolicy, CalicoGlobalNetworkSet, CalicoHostEndpoint,
  CalicoNetworkPolicy, CalicoNetworkSet, CalicoTier, KubeNetworkPolicy,
} from '../../../lib/constructs/l1';

function chart(): Chart {
  return new Chart(Testing.app(), 'test');
}

describe('L1 constructs render the canonical resource', () => {
  test('KubeNetworkPolicy: digits-only ports become integers, named ports stay strings', () => {
    const np = new KubeNetworkPolicy(chart(), 'np', {
      metadata: { name: 'allow-web', namespace: 'shop', labels: { team: 'web' } },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { role: 'frontend' } } }, { ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.8/29'] } }],
          ports: [{ protocol: 'TCP', port: IntOrString.fromNumber(80) }, { protocol: 'TCP', port: IntOrString.fromString('https') }, { port: IntOrString.fromString('8000'), endPort: 8080 }],
        }],
      },
    });
    expect(np.toJson()).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-web', namespace: 'shop', labels: { team: 'web' } },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { role: 'frontend' } } }, { ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.8/29'] } }],
          ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'TCP', port: 'https' }, { port: 8000, endPort: 8080 }],
        }],
      },
    });
    expect(Object.keys(np.toJson())).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  test('CalicoNetworkPolicy: protocol number and port range', () => {
    const np = new CalicoNetworkPolicy(chart(), 'cnp', {
      metadata: { name: 'allow-vrrp', namespace: 'infra' },
      spec: {
        tier: 'default',
        order: 100,
        selector: "app == 'lb'",
        types: ['Ingress'],
        ingress: [
          { action: 'Allow', protocol: '112' },
          { action: 'Allow', protocol: 'TCP', destination: { ports: ['2040:2041', '443', 'metrics'] } },
          { action: 'Deny', protocol: 'ICMP', icmp: { type: 8 }, source: { nets: ['198.51.100.0/24'] } },
        ],
      },
    });
    expect(np.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-vrrp', namespace: 'infra' },
      spec: {
        tier: 'default',
        order: 100,
        selector: "app == 'lb'",
        types: ['Ingress'],
        ingress: [
          { action: 'Allow', protocol: 112 },
          { action: 'Allow', protocol: 'TCP', destination: { ports: ['2040:2041', 443, 'metrics'] } },
          { action: 'Deny', protocol: 'ICMP', icmp: { type: 8 }, source: { nets: ['198.51.100.0/24'] } },
        ],
      },
    });
  });

  test('CalicoGlobalNetworkPolicy: host endpoint flags kept', () => {
    const gnp = new CalicoGlobalNetworkPolicy(chart(), 'gnp', {
      metadata: { name: 'deny-public-nodeports' },
      spec: {
        order: 1500,
        selector: 'ibm.role == "worker_public"',
        preDNAT: true,
        applyOnForward: true,
        types: ['Ingress'],
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }],
      },
    });
    expect(gnp.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny-public-nodeports' },
      spec: {
        order: 1500,
        selector: 'ibm.role == "worker_public"',
        preDNAT: true,
        applyOnForward: true,
        types: ['Ingress'],
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }],
      },
    });
  });

  test('CalicoHostEndpoint', () => {
    const hep = new CalicoHostEndpoint(chart(), 'hep', {
      metadata: { name: 'worker-1-eth0', labels: { 'ibm.role': 'worker_private' } },
      spec: { node: 'worker-1', interfaceName: 'eth0', expectedIPs: ['192.0.2.10'], ports: [{ name: 'ssh', port: 22, protocol: 'TCP' }] },
    });
    expect(hep.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpoint',
      metadata: { name: 'worker-1-eth0', labels: { 'ibm.role': 'worker_private' } },
      spec: { node: 'worker-1', interfaceName: 'eth0', expectedIPs: ['192.0.2.10'], ports: [{ name: 'ssh', port: 22, protocol: 'TCP' }] },
    });
  });

  test('CalicoGlobalNetworkSet and CalicoNetworkSet', () => {
    const c = chart();
    const gns = new CalicoGlobalNetworkSet(c, 'gns', { metadata: { name: 'partners', labels: { kind: 'partner' } }, spec: { nets: ['203.0.113.0/24'] } });
    const ns = new CalicoNetworkSet(c, 'ns', { metadata: { name: 'backups', namespace: 'ops' }, spec: { nets: ['198.51.100.7/32', '2001:db8::/64'] } });
    expect(gns.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet',
      metadata: { name: 'partners', labels: { kind: 'partner' } }, spec: { nets: ['203.0.113.0/24'] },
    });
    expect(ns.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkSet',
      metadata: { name: 'backups', namespace: 'ops' }, spec: { nets: ['198.51.100.7/32', '2001:db8::/64'] },
    });
  });

  test('CalicoTier and CalicoFelixConfiguration', () => {
    const c = chart();
    const tier = new CalicoTier(c, 'tier', { metadata: { name: 'security' }, spec: { order: 100, defaultAction: 'Pass' } });
    const felix = new CalicoFelixConfiguration(c, 'felix', {
      metadata: { name: 'default' },
      spec: { failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }], iptablesFilterDenyAction: 'Reject' },
    });
    expect(tier.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100, defaultAction: 'Pass' },
    });
    expect(felix.toJson()).toEqual({
      apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' },
      spec: { failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }], iptablesFilterDenyAction: 'Reject' },
    });
  });

  test('toResource returns the typed model data with the final metadata', () => {
    const c = new Chart(Testing.app(), 'c', { namespace: 'shop', labels: { owner: 'platform' } });
    const np = new CalicoNetworkPolicy(c, 'np', { metadata: { name: 'p', labels: { a: 'b' } }, spec: { ingress: [{ action: 'Allow', protocol: '6' }] } });
    expect(np.toResource()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'shop', labels: { owner: 'platform', a: 'b' } },
      spec: { ingress: [{ action: 'Allow', protocol: '6' }] },
    });
  });

  test('names are used as given: no cdk8s hash suffix', () => {
    const np = new KubeNetworkPolicy(chart(), 'SomeId', { metadata: { name: 'exact-name' }, spec: { podSelector: {} } });
    expect(np.name).toBe('exact-name');
    expect((np.toJson().metadata as { name: string }).name).toBe('exact-name');
  });

  test('labels and annotations added through cdk8s metadata appear in the output', () => {
    const tier = new CalicoTier(chart(), 't', { metadata: { name: 'security' }, spec: {} });
    tier.metadata.addLabel('x', 'y');
    tier.metadata.addAnnotation('note', 'reviewed');
    expect(tier.toJson().metadata).toEqual({ name: 'security', labels: { x: 'y' }, annotations: { note: 'reviewed' } });
  });
});
