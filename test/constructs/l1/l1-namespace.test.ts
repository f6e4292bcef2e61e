import { Chart, Testing } from 'cdk8s';
import {
  CalicoFelixConfiguration, CalicoGlobalNetworkPolicy, CalicoGlobalNetworkSet, CalicoHostEndpoint,
  CalicoNetworkPolicy, CalicoNetworkSet, CalicoTier, KubeNetworkPolicy,
} from '../../../lib/constructs/l1';

function namespacedChart(): Chart {
  return new Chart(Testing.app(), 'c', { namespace: 'team-a' });
}

describe('namespaces', () => {
  test.each([
    ['GlobalNetworkPolicy', (c: Chart) => new CalicoGlobalNetworkPolicy(c, 'x', { metadata: { name: 'n' }, spec: {} })],
    ['HostEndpoint', (c: Chart) => new CalicoHostEndpoint(c, 'x', { metadata: { name: 'n' }, spec: { node: 'w1', interfaceName: '*' } })],
    ['GlobalNetworkSet', (c: Chart) => new CalicoGlobalNetworkSet(c, 'x', { metadata: { name: 'n' }, spec: {} })],
    ['Tier', (c: Chart) => new CalicoTier(c, 'x', { metadata: { name: 'n' }, spec: {} })],
    ['FelixConfiguration', (c: Chart) => new CalicoFelixConfiguration(c, 'x', { metadata: { name: 'default' }, spec: {} })],
  ])('cluster-scoped %s never carries the chart namespace', (kind, make) => {
    const o = make(namespacedChart());
    expect(o.toJson().kind).toBe(kind);
    expect(o.toJson().metadata).not.toHaveProperty('namespace');
    expect(o.toResource().metadata.namespace).toBeUndefined();
    expect(o.clusterScoped).toBe(true);
  });

  test.each([
    ['KubeNetworkPolicy', (c: Chart) => new KubeNetworkPolicy(c, 'x', { metadata: { name: 'n' }, spec: { podSelector: {} } })],
    ['CalicoNetworkPolicy', (c: Chart) => new CalicoNetworkPolicy(c, 'x', { metadata: { name: 'n' }, spec: {} })],
    ['CalicoNetworkSet', (c: Chart) => new CalicoNetworkSet(c, 'x', { metadata: { name: 'n' }, spec: {} })],
  ])('namespaced %s inherits the chart namespace when props omit it', (_name, make) => {
    const o = make(namespacedChart());
    expect(o.toJson().metadata).toEqual({ name: 'n', namespace: 'team-a' });
    expect(o.clusterScoped).toBe(false);
  });

  test('an explicit namespace wins over the chart namespace', () => {
    const o = new KubeNetworkPolicy(namespacedChart(), 'x', { metadata: { name: 'n', namespace: 'other' }, spec: { podSelector: {} } });
    expect(o.toJson().metadata).toEqual({ name: 'n', namespace: 'other' });
  });

  test('a namespaced kind in a chart without namespace has none', () => {
    const o = new CalicoNetworkSet(new Chart(Testing.app(), 'c'), 'x', { metadata: { name: 'n' }, spec: {} });
    expect(o.toJson().metadata).toEqual({ name: 'n' });
  });
});
