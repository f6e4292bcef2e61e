import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import {
  AllowCidr, AllowEgressTo, AllowFromNamespace, AllowFromPods, AllowSsh, DefaultDeny, DenyCidr, IsolateNamespace,
  OrderBands, PolicyTarget, RestrictNodePorts, TrafficDirection,
} from '../../../lib/constructs/intent';
import { LabelSelector, Peer, Port } from '../../../lib/constructs/vocabulary';

describe('intents together', () => {
  test('order bands: deny tier and denies first, then Kubernetes, preDNAT, allows, IBM defaults, default deny last', () => {
    expect(OrderBands.DENY_TIER).toBeLessThan(OrderBands.DENY);
    expect(OrderBands.DENY).toBeLessThan(OrderBands.KUBERNETES);
    expect(OrderBands.KUBERNETES).toBe(1000); // Calico's fixed order for converted Kubernetes policies
    expect(OrderBands.PRE_DNAT).toBeLessThan(1800); // IBM: preDNAT policies below 1800
    expect(OrderBands.ALLOW).toBeLessThan(1500); // before IBM's defaults (1500-1950)
    expect(OrderBands.DEFAULT_DENY).toBeGreaterThan(99900); // after IBM's deny-all-private-default
  });

  test('every intent passes the app validation and synthesises; two DenyCidr in two charts: the same tier in each chart', () => {
    const app = new NetsecApp({ outdir: '/nonexistent-not-written' });
    const a = new Chart(app, 'shop');
    const b = new Chart(app, 'nodes');
    const web = PolicyTarget.pods('shop', LabelSelector.of({ app: 'web' }));
    new DefaultDeny(a, 'default-deny', { target: PolicyTarget.namespace('shop'), allowDns: true });
    new DefaultDeny(a, 'default-deny-calico', { target: PolicyTarget.namespace('shop'), allowDns: true, forceCalico: true });
    new AllowFromNamespace(a, 'from-ingress', { target: web, fromNamespace: 'ingress', ports: [Port.tcp(80)] });
    new AllowFromPods(a, 'from-lb', { target: web, fromPods: LabelSelector.of({ role: 'lb' }), ports: [Port.icmp(8, 0)] });
    new AllowEgressTo(a, 'to-db', { target: web, to: [Peer.pods(LabelSelector.of({ app: 'db' }))], ports: [Port.tcp(5432)], forceCalico: true });
    new AllowCidr(a, 'office', { target: web, cidrs: ['203.0.113.0/24'], direction: TrafficDirection.BOTH, forceCalico: true });
    new DenyCidr(a, 'deny-bad', { target: web, cidrs: ['198.51.100.0/24'], direction: TrafficDirection.BOTH });
    new IsolateNamespace(a, 'isolate', { namespace: 'shop', isolateEgress: true, forceCalico: true });
    new RestrictNodePorts(b, 'deny-nodeports', { allowedPorts: [Port.tcp(30080)], allowedSources: ['203.0.113.0/24'] });
    new AllowSsh(b, 'allow-ssh', { sourceCidrs: ['192.0.2.0/24'] });
    new DenyCidr(b, 'deny-bad-hosts', {
      target: PolicyTarget.hostEndpoints(LabelSelector.of({ 'ibm.role': 'worker_public' })), cidrs: ['198.51.100.0/24'], direction: TrafficDirection.INGRESS,
    });
    const yaml = app.synthYaml();
    expect(yaml.match(/^kind: Tier$/gm)).toHaveLength(2); // one in each chart's Calico file (issue 14), identical
    expect(yaml.match(/^kind: (NetworkPolicy|GlobalNetworkPolicy)$/gm)).toHaveLength(11);
  });
});
