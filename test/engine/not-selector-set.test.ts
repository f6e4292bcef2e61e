// The engine matches a rule with selector and notSelector as Felix's one IP set for
// `(selector) && (!(notSelector))` (felix/calc/rule_scanner.go combineMatchesIfPossible; the case
// "positive selectors should be combined with negative ones" of rule_scanner_test.go), by address:
// an address matches when its own endpoint, or a network set holding it, is in that set. With no
// positive part ("only negative selectors") the notSelector stays a negated set.
import { dump } from 'js-yaml';
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';

const docs = (source: object): object[] => [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-2', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.20' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' } } },
  {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'ops', labels: { app: 'web' } },
    spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: '192.0.2.11', podIPs: [{ ip: '192.0.2.11' }] },
  },
  { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 'trusted-net', labels: { role: 'trusted' } }, spec: { nets: ['198.51.100.0/24'] } },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'worker-2-eth0', labels: { blocked: 'yes' } },
    spec: { node: 'worker-2', interfaceName: 'eth0', expectedIPs: ['198.51.100.20'], profiles: ['projectcalico-default-allow'] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'web-in' },
    spec: { selector: "app == 'web'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', source }] },
  },
];

function allowed(source: object, from: string): boolean {
  const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: docs(source).map((d) => dump(d)).join('---\n') }]));
  return evaluateFlow(model, buildFlow(model, { from, to: 'ops/web', protocol: 'TCP', port: 80 })).allowed;
}

describe('selector with notSelector: one set, as Felix builds it', () => {
  test('a host endpoint matching the notSelector, inside a network set the selector matches, is in the set', () => {
    expect(allowed({ selector: "role == 'trusted'", notSelector: "blocked == 'yes'" }, '198.51.100.20')).toBe(true);
    expect(allowed({ selector: "role == 'trusted'", notSelector: "blocked == 'yes'" }, '198.51.100.30')).toBe(true);
  });

  test('only a notSelector (global policy): a negated set, so the blocked host endpoint is excluded', () => {
    expect(allowed({ notSelector: "blocked == 'yes'" }, '198.51.100.20')).toBe(false);
    expect(allowed({ notSelector: "blocked == 'yes'" }, '198.51.100.30')).toBe(true);
  });

  test('a network set matching both selector and notSelector is not in the set', () => {
    expect(allowed({ selector: "role == 'trusted'", notSelector: "role == 'trusted'" }, '198.51.100.30')).toBe(false);
  });
});
