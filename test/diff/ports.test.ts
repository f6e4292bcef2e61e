import { defaultPortKeys, parsePortList, portKeyText } from '../../lib/diff/ports';
import { EngineDocument, buildEngineModel, parseEngineDocuments } from '../../lib/engine';

describe('parsePortList', () => {
  test('parses, canonicalises, de-duplicates and sorts', () => {
    expect(parsePortList('udp/53,TCP/80, TCP/80,icmp,TCP/443')).toEqual([
      { protocol: 'ICMP' }, { protocol: 'TCP', port: 80 }, { protocol: 'TCP', port: 443 }, { protocol: 'UDP', port: 53 },
    ]);
  });

  test.each(['TCP', 'TCP/0', 'HTTP/80', 'TCP/80/1', '', 'ICMP/0'])('rejects %j', (text) => {
    expect(() => parsePortList(text)).toThrow(/--ports: .*expected a comma-separated list/);
  });
});

describe('defaultPortKeys', () => {
  const pod = (name: string, spec: { [k: string]: unknown }): { [k: string]: unknown } => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'x' }, spec: { nodeName: 'w1', ...spec }, status: { phase: 'Running', podIP: '192.0.2.10' },
  });
  const policy = {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'g' },
    spec: { selector: 'all()', ingress: [
      { action: 'Allow', protocol: 'TCP', destination: { ports: [80, '1000:1002', 'http'] } },
      { action: 'Allow', protocol: 'ICMP' },
    ] },
  };
  const docs = (extra: unknown[]): EngineDocument[] => [policy, ...extra].map((doc) => ({ file: 'f', documentIndex: 0, doc }));

  test('rule ports (both ends of ranges, named ports resolved) and every container port of every pod', () => {
    const m = buildEngineModel(parseEngineDocuments(docs([
      pod('web', { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 6379 }] }],
        initContainers: [{ name: 'i', ports: [{ containerPort: 7000, protocol: 'UDP' }] }] }),
      pod('exporter', { hostNetwork: true, containers: [{ name: 'c', ports: [{ containerPort: 9100 }] }] }),
    ])));
    // worked out by hand, sorted by protocol name then port
    expect(defaultPortKeys([m]).map(portKeyText)).toEqual(['ICMP', 'TCP/80', 'TCP/1000', 'TCP/1002', 'TCP/6379', 'TCP/8080', 'TCP/9100', 'UDP/7000']);
  });

  test('the union over both sides of a diff, without duplicates', () => {
    const before = buildEngineModel(parseEngineDocuments(docs([pod('a', { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] })])));
    const after = buildEngineModel(parseEngineDocuments([{ file: 'f', documentIndex: 0, doc: pod('b', { containers: [{ name: 'c', ports: [{ containerPort: 5432 }] }] }) }]));
    expect(defaultPortKeys([before, after]).map(portKeyText)).toEqual(['ICMP', 'TCP/80', 'TCP/1000', 'TCP/1002', 'TCP/5432']);
  });
});
