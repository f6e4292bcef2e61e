// Issue 14 item 4: the L1 KubeNetworkPolicy port follows cdk8s's IntOrString convention:
// IntOrString.fromNumber(8080) renders `port: 8080`, IntOrString.fromString('http') `port: http`.
// JavaScript callers passing a plain number or string, and cdk8s imports' IntOrString ({ value }),
// are read the same way; anything else is a synth error naming the construct path and the field.
import { Chart, Testing } from 'cdk8s';
import { IntOrString, KubeNetworkPolicy } from '../../../lib/constructs/l1';

function policy(ports: { protocol?: string; port?: IntOrString; endPort?: number }[]): { chart: Chart; np: KubeNetworkPolicy } {
  const chart = new Chart(Testing.app(), 'test');
  const np = new KubeNetworkPolicy(chart, 'np', {
    metadata: { name: 'web', namespace: 'shop' },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports }] },
  });
  return { chart, np };
}

const renderedPorts = (np: KubeNetworkPolicy): unknown => (np.toJson() as { spec: { ingress: { ports: unknown }[] } }).spec.ingress[0].ports;

describe('KubeNetworkPolicy ports as IntOrString', () => {
  test('a number, a named port and a range render as Kubernetes writes them', () => {
    const { chart, np } = policy([
      { protocol: 'TCP', port: IntOrString.fromNumber(8080) },
      { protocol: 'TCP', port: IntOrString.fromString('http') },
      { protocol: 'UDP', port: IntOrString.fromNumber(30000), endPort: 32767 },
    ]);
    expect(renderedPorts(np)).toEqual([{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 'http' }, { protocol: 'UDP', port: 30000, endPort: 32767 }]);
    expect(np.spec.ingress?.[0].ports).toEqual([{ protocol: 'TCP', port: '8080' }, { protocol: 'TCP', port: 'http' }, { protocol: 'UDP', port: '30000', endPort: 32767 }]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('JavaScript values: a plain number, a plain string, cdk8s imports\' IntOrString ({ value })', () => {
    const js = (v: unknown): IntOrString => v as IntOrString; // what an untyped caller passes
    const { np } = policy([{ port: js(8080) }, { port: js('metrics') }, { port: js({ value: 9090 }) }, { port: js({ value: 'grpc' }) }]);
    expect(renderedPorts(np)).toEqual([{ port: 8080 }, { port: 'metrics' }, { port: 9090 }, { port: 'grpc' }]);
  });

  test('anything else is a synth error with the construct path and the field', () => {
    const { chart } = policy([{ port: IntOrString.fromNumber(80) }, { port: true as unknown as IntOrString }]);
    expect(() => Testing.synth(chart)).toThrow("test/np: spec.ingress[0].ports[1].port: invalid port true; allowed: IntOrString.fromNumber(8080) "
      + "or IntOrString.fromString('http') (a port number 1-65535 or a named port)");
  });

  test('out of range is the L1 validation\'s error; a fraction is refused by fromNumber', () => {
    const { chart } = policy([{ port: IntOrString.fromNumber(70000) }]);
    expect(() => Testing.synth(chart)).toThrow(/test\/np: spec\.ingress\[0\]\.ports\[0\]\.port: .*70000/);
    expect(() => IntOrString.fromNumber(8080.5)).toThrow('IntOrString.fromNumber(8080.5): not an integer; allowed: an integer, e.g. a port number 1-65535');
  });

  test('IntOrString.isIntOrString tells it apart from other values', () => {
    expect(IntOrString.isIntOrString(IntOrString.fromString('http'))).toBe(true);
    expect(IntOrString.isIntOrString({ value: 80 })).toBe(false);
    expect(IntOrString.fromNumber(443).toString()).toBe('443');
  });
});
