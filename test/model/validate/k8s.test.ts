import { knp, messages } from './helpers';

describe('Kubernetes NetworkPolicy checks', () => {
  test('a valid policy', () => {
    expect(messages(knp({
      podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: '80' }, { port: 'http', protocol: 'UDP' }] }],
      egress: [{ ports: [{ protocol: 'TCP', port: '32000', endPort: 32768 }] }],
    }))).toEqual([]);
  });

  test('policyTypes values', () => {
    expect(messages(knp({ podSelector: {}, policyTypes: ['Ingress', 'All'] }))).toEqual([
      'r: spec.policyTypes[1]: unknown policy type (got "All"; allowed: Ingress or Egress)',
    ]);
  });

  test('matchExpressions operators and values', () => {
    expect(messages(knp({
      podSelector: {
        matchExpressions: [
          { key: 'a', operator: 'Equals', values: ['x'] },
          { key: 'b', operator: 'In' },
          { key: 'c', operator: 'Exists', values: ['x'] },
          { key: 'd', operator: 'NotIn', values: ['ok', 'not ok'] },
        ],
      },
    }))).toEqual([
      'r: spec.podSelector.matchExpressions[0].operator: unknown operator (got "Equals"; allowed: In, NotIn, Exists, DoesNotExist)',
      'r: spec.podSelector.matchExpressions[1].values: operator In needs at least one value (got []; allowed: a non-empty list of values)',
      'r: spec.podSelector.matchExpressions[2].values: operator Exists takes no values (got ["x"]; allowed: no values)',
      "r: spec.podSelector.matchExpressions[3].values[1]: invalid label value (got \"not ok\"; allowed: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)",
    ]);
  });

  test('protocol values', () => {
    expect(messages(knp({ podSelector: {}, ingress: [{ ports: [{ protocol: 'ICMP' }, { protocol: 'tcp', port: '80' }] }] }))).toEqual([
      'r: spec.ingress[0].ports[0].protocol: unsupported protocol (got "ICMP"; allowed: TCP, UDP or SCTP)',
      'r: spec.ingress[0].ports[1].protocol: unsupported protocol (got "tcp"; allowed: TCP, UDP or SCTP)',
    ]);
  });

  test('port bounds and names', () => {
    expect(messages(knp({ podSelector: {}, ingress: [{ ports: [{ port: '0' }, { port: '70000' }, { port: 'my--port' }] }] }))).toEqual([
      'r: spec.ingress[0].ports[0].port: port number must be between 1 and 65535 (got 0; allowed: a port number 1-65535)',
      'r: spec.ingress[0].ports[1].port: port number must be between 1 and 65535 (got 70000; allowed: a port number 1-65535)',
      "r: spec.ingress[0].ports[2].port: invalid port name (got \"my--port\"; allowed: a port number 1-65535, or at most 15 lower case letters, digits and '-')",
    ]);
  });

  test('endPort without a numeric port, and below port', () => {
    expect(messages(knp({ podSelector: {}, egress: [{ ports: [{ port: 'http', endPort: 90 }, { endPort: 90 }, { port: '100', endPort: 90 }, { port: '100', endPort: 65536 }] }] }))).toEqual([
      'r: spec.egress[0].ports[0].endPort: endPort needs a numeric port (got 90; allowed: endPort only together with a port number)',
      'r: spec.egress[0].ports[1].endPort: endPort needs a numeric port (got 90; allowed: endPort only together with a port number)',
      'r: spec.egress[0].ports[2].endPort: endPort is below port 100 (got 90; allowed: a port from 100 to 65535)',
      'r: spec.egress[0].ports[3].endPort: port number must be between 1 and 65535 (got 65536; allowed: a port from 100 to 65535)',
    ]);
  });

  test('endPort must be an integer', () => {
    expect(messages(knp({ podSelector: {}, egress: [{ ports: [{ port: '100', endPort: 200.5 }] }] }))).toEqual([
      'r: spec.egress[0].ports[0].endPort: port number must be between 1 and 65535 (got 200.5; allowed: a port from 100 to 65535)',
    ]);
  });

  test('peers: empty, and ipBlock combined with a selector', () => {
    expect(messages(knp({ podSelector: {}, ingress: [{ from: [{}, { ipBlock: { cidr: '192.0.2.0/24' }, podSelector: {} }] }] }))).toEqual([
      'r: spec.ingress[0].from[0]: a peer needs podSelector, namespaceSelector or ipBlock (got {}; allowed: at least one of them)',
      'r: spec.ingress[0].from[1].ipBlock: ipBlock cannot be combined with podSelector or namespaceSelector (got {"cidr":"192.0.2.0/24"}; allowed: ipBlock alone in its peer)',
    ]);
  });
});
