import { AllowCidr, DenyCidr, PolicyTarget, TrafficDirection } from '../../../lib/constructs/intent';
import { KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { LabelSelector, Port } from '../../../lib/constructs/vocabulary';
import { errorOf, newChart, synth } from './helpers';

const SHOP = PolicyTarget.namespace('shop');
const DENY_TIER = {
  apiVersion: 'projectcalico.org/v3', kind: 'Tier',
  metadata: { name: 'netsec-deny' },
  spec: { order: 100, defaultAction: 'Pass' },
};

describe('AllowCidr', () => {
  test('ingress (default): Kubernetes ipBlock peers', () => {
    const chart = newChart();
    new AllowCidr(chart, 'office', { target: SHOP, cidrs: ['203.0.113.0/24', '198.51.100.0/25'], ports: [Port.tcp(443)] });
    expect(synth(chart)).toEqual([{
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: { name: 'office', namespace: 'shop' },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }, { ipBlock: { cidr: '198.51.100.0/25' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
      },
    }]);
  });

  test('both directions, forced to Calico', () => {
    const chart = newChart();
    new AllowCidr(chart, 'partner', { target: SHOP, cidrs: ['192.0.2.0/24'], direction: TrafficDirection.BOTH, forceCalico: true });
    expect(synth(chart)).toEqual([{
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
      metadata: { name: 'partner', namespace: 'shop' },
      spec: {
        order: 1200,
        selector: "projectcalico.org/orchestrator == 'k8s'",
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Allow', source: { nets: ['192.0.2.0/24'] } }],
        egress: [{ action: 'Allow', destination: { nets: ['192.0.2.0/24'] } }],
      },
    }]);
  });

  test('egress only, Kubernetes', () => {
    const chart = newChart();
    new AllowCidr(chart, 'to-api', { target: SHOP, cidrs: ['192.0.2.10/32'], direction: TrafficDirection.EGRESS });
    expect(synth(chart)).toEqual([expect.objectContaining({
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '192.0.2.10/32' } }] }] },
    })]);
  });

  test('errors name the construct path and the bad entry', () => {
    expect(errorOf(() => new AllowCidr(newChart(), 'x', { target: SHOP, cidrs: [] })))
      .toBe('test/x: cidrs is empty; allowed: at least one CIDR like 203.0.113.0/24');
    expect(errorOf(() => new AllowCidr(newChart(), 'x', { target: SHOP, cidrs: ['192.0.2.0/24', '192.0.2.1/24'] })))
      .toBe('test/x: cidrs[1]: Peer.cidr("192.0.2.1/24"): cidr "192.0.2.1/24" is not in canonical network form; allowed: "192.0.2.0/24"');
    expect(errorOf(() => new AllowCidr(newChart(), 'x', { target: SHOP, cidrs: ['300.0.0.0/8'] })))
      .toMatch(/^test\/x: cidrs\[0\]: Peer.cidr\("300.0.0.0\/8"\): cidr is invalid: /);
  });
});

describe('DenyCidr', () => {
  test('always Calico: Deny rules in the netsec-deny tier, created once per chart', () => {
    const chart = newChart();
    const d = new DenyCidr(chart, 'block-bad', { target: SHOP, cidrs: ['198.51.100.0/24'], direction: TrafficDirection.INGRESS });
    new DenyCidr(chart, 'block-exfil', { target: SHOP, cidrs: ['192.0.2.0/24'], direction: TrafficDirection.EGRESS, ports: [Port.allTcp()] });
    expect(d.usesCalico).toBe(true);
    expect(synth(chart)).toEqual([
      DENY_TIER,
      {
        apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
        metadata: { name: 'netsec-deny.block-bad', namespace: 'shop' },
        spec: {
          tier: 'netsec-deny', order: 300,
          selector: "projectcalico.org/orchestrator == 'k8s'",
          types: ['Ingress'],
          ingress: [{ action: 'Deny', source: { nets: ['198.51.100.0/24'] } }],
        },
      },
      {
        apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy',
        metadata: { name: 'netsec-deny.block-exfil', namespace: 'shop' },
        spec: {
          tier: 'netsec-deny', order: 300,
          selector: "projectcalico.org/orchestrator == 'k8s'",
          types: ['Egress'],
          egress: [{ action: 'Deny', protocol: 'TCP', destination: { nets: ['192.0.2.0/24'] } }],
        },
      },
    ]);
  });

  test('host endpoint target: a GlobalNetworkPolicy in both directions', () => {
    const chart = newChart();
    new DenyCidr(chart, 'block-public', {
      target: PolicyTarget.hostEndpoints(LabelSelector.of({ 'ibm.role': 'worker_public' })),
      cidrs: ['198.51.100.0/24'], direction: TrafficDirection.BOTH,
    });
    expect(synth(chart)).toEqual([DENY_TIER, {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'netsec-deny.block-public' },
      spec: {
        tier: 'netsec-deny', order: 300,
        selector: "ibm.role == 'worker_public'",
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Deny', source: { nets: ['198.51.100.0/24'] } }],
        egress: [{ action: 'Deny', destination: { nets: ['198.51.100.0/24'] } }],
      },
    }]);
  });

  // cdk8s answers `instanceof` on ApiObject subclasses for any ApiObject, so another object named
  // netsec-deny must not be taken for the tier (the policies would then name a tier that is never created).
  test('another kind of object named netsec-deny does not stand in for the tier', () => {
    const chart = newChart();
    new KubeNetworkPolicy(chart, 'np', { metadata: { name: 'netsec-deny', namespace: 'shop' }, spec: { podSelector: {} } });
    new DenyCidr(chart, 'block-bad', { target: SHOP, cidrs: ['198.51.100.0/24'], direction: TrafficDirection.INGRESS });
    expect(synth(chart)).toContainEqual(DENY_TIER);
  });

  test('errors', () => {
    expect(errorOf(() => new DenyCidr(newChart(), 'x', { target: SHOP, cidrs: ['10.0.0.0/40'], direction: TrafficDirection.INGRESS })))
      .toMatch(/^test\/x: cidrs\[0\]: Peer.cidr\("10.0.0.0\/40"\): cidr is invalid: CIDR prefix out of range/);
    expect(errorOf(() => new DenyCidr(newChart(), 'Block', { target: SHOP, cidrs: ['10.0.0.0/8'], direction: TrafficDirection.INGRESS })))
      .toMatch(/^test\/Block: name \(taken from the construct id.*"Block" is invalid/);
  });
});
