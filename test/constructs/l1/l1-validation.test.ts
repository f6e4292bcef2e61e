import { Chart, JsonPatch, Testing } from 'cdk8s';
import { CalicoGlobalNetworkPolicy, CalicoHostEndpoint, KubeNetworkPolicy, NetsecApiObject } from '../../../lib/constructs/l1';

describe('L1 construct validation', () => {
  test('model validation issues are reported with the construct path, field and bad value', () => {
    const chart = new Chart(Testing.app(), 'infra');
    const gnp = new CalicoGlobalNetworkPolicy(chart, 'Deny', {
      metadata: { name: 'deny' },
      spec: { ingress: [{ action: 'Drop' }] },
    });
    const errors = gnp.node.validate();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^infra\/Deny: spec\.ingress\[0\]\.action: .*"Drop"/);
  });

  test('a valid resource has no validation errors', () => {
    const chart = new Chart(Testing.app(), 'infra');
    const hep = new CalicoHostEndpoint(chart, 'hep', { metadata: { name: 'w1-eth0' }, spec: { node: 'w1', interfaceName: 'eth0' } });
    expect(hep.node.validate()).toEqual([]);
  });

  test('metadata the model cannot carry (finalizers) is reported, not silently dropped', () => {
    const np = new KubeNetworkPolicy(new Chart(Testing.app(), 'c'), 'np', { metadata: { name: 'np', namespace: 'a' }, spec: { podSelector: {} } });
    np.metadata.addFinalizers('example.com/keep');
    expect(np.node.validate()).toEqual(['c/np: metadata.finalizers is not supported on NetworkPolicy; allowed: name, namespace, labels, annotations']);
  });

  test('JSON patches are refused with the construct path', () => {
    const np = new KubeNetworkPolicy(new Chart(Testing.app(), 'c'), 'np', { metadata: { name: 'np' }, spec: { podSelector: {} } });
    expect(() => np.addJsonPatch(JsonPatch.add('/spec/x', 1))).toThrow(/^c\/np: addJsonPatch is not supported/);
  });

  test('isNetsecApiObject tells L1 constructs from other constructs', () => {
    const chart = new Chart(Testing.app(), 'c');
    const np = new KubeNetworkPolicy(chart, 'np', { metadata: { name: 'np' }, spec: { podSelector: {} } });
    expect(NetsecApiObject.isNetsecApiObject(np)).toBe(true);
    expect(NetsecApiObject.isNetsecApiObject(chart)).toBe(false);
    expect(NetsecApiObject.isNetsecApiObject(undefined)).toBe(false);
  });
});
