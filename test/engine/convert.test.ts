// Expected values: calico-facts.md section 3 and 3.1 (libcalico-go conversion_test.go at v3.31.7); the
// names are 3.31's, so those cases declare 3.31 (3.32's names: test/engine/calico-version.test.ts).
import { K8sNetworkPolicy } from '../../lib/model/resources';
import { convertK8sNetworkPolicy } from '../../lib/engine';
import { namespaceProfile, namespaceProfileLabels, simplifyPorts } from '../../lib/model/convert';
import { vethNameForWorkload } from '../../lib/engine/model/veth';

const ORCH = "projectcalico.org/orchestrator == 'k8s'";

function np(spec: Record<string, unknown>, name = 'test.policy'): K8sNetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'default' }, spec } as unknown as K8sNetworkPolicy;
}

describe('Kubernetes NetworkPolicy -> Calico (3.1 pairs)', () => {
  test('1: name, order, sorted matchLabels, TCP default, ports kept in order', () => {
    const { policy } = convertK8sNetworkPolicy(np({
      podSelector: { matchLabels: { label2: 'value2', label: 'value' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { k2: 'v2', k: 'v' } } }], ports: [{ port: '80' }, { port: 'foo' }] }],
    }), '3.31');
    expect(policy.metadata).toEqual({ name: 'knp.default.test.policy', namespace: 'default' });
    expect(policy.spec.order).toBe(1000);
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value' && label2 == 'value2'`);
    expect(policy.spec.ingress).toEqual([{
      action: 'Allow', protocol: 'TCP',
      source: { selector: `${ORCH} && k == 'v' && k2 == 'v2'` }, destination: { ports: ['80', 'foo'] },
    }]);
    expect(policy.spec.types).toEqual(['Ingress']);
    expect(policy.spec.egress).toEqual([]);
  });

  test('2: no ports -> no protocol and an empty destination', () => {
    const { policy } = convertK8sNetworkPolicy(np({ podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { k: 'v' } } }] }] }));
    expect(policy.spec.ingress).toEqual([{ action: 'Allow', source: { selector: `${ORCH} && k == 'v'` }, destination: {} }]);
  });

  test('3: a blank port means all TCP ports and overrides port 80', () => {
    const { policy } = convertK8sNetworkPolicy(np({ podSelector: {}, ingress: [{ ports: [{ port: '80' }, {}] }] }));
    expect(policy.spec.ingress).toEqual([{ action: 'Allow', protocol: 'TCP', source: {}, destination: {} }]);
  });

  test('4: egress rules put peer and ports in destination, one rule per protocol', () => {
    const { policy } = convertK8sNetworkPolicy(np({
      podSelector: {}, policyTypes: ['Egress'],
      egress: [
        { ports: [{}, { port: '80' }], to: [{ podSelector: { matchLabels: { k: 'v', k2: 'v2' } } }] },
        { ports: [{ port: '53', protocol: 'UDP' }] },
      ],
    }));
    expect(policy.spec.egress).toEqual([
      { action: 'Allow', protocol: 'TCP', source: {}, destination: { selector: `${ORCH} && k == 'v' && k2 == 'v2'` } },
      { action: 'Allow', protocol: 'UDP', source: {}, destination: { ports: ['53'] } },
    ]);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('5: isolation only', () => {
    const { policy } = convertK8sNetworkPolicy(np({ podSelector: { matchLabels: { label: 'value' } }, policyTypes: ['Ingress'] }));
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('6: default-deny egress', () => {
    const { policy } = convertK8sNetworkPolicy(np({ podSelector: {}, policyTypes: ['Egress'] }, 'testPolicy'), '3.31');
    expect(policy.metadata.name).toBe('knp.default.testPolicy');
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('7: protocol loop outside the peer loop', () => {
    const { policy } = convertK8sNetworkPolicy(np({
      podSelector: {},
      ingress: [{
        from: [{ podSelector: { matchLabels: { k: 'v' } } }, { podSelector: { matchLabels: { k2: 'v2' } } }],
        ports: [{ port: '80', protocol: 'TCP' }, { port: '90', protocol: 'UDP' }],
      }],
    }));
    expect((policy.spec.ingress ?? []).map((r) => [r.protocol, r.destination?.ports, r.source?.selector])).toEqual([
      ['TCP', ['80'], `${ORCH} && k == 'v'`],
      ['TCP', ['80'], `${ORCH} && k2 == 'v2'`],
      ['UDP', ['90'], `${ORCH} && k == 'v'`],
      ['UDP', ['90'], `${ORCH} && k2 == 'v2'`],
    ]);
  });

  test('8: namespace selectors: sorted keys, empty -> all(), nil -> none, with pod selector', () => {
    const conv = (peer: unknown) => convertK8sNetworkPolicy(np({ podSelector: {}, ingress: [{ from: [peer] }] })).policy.spec.ingress?.[0].source;
    expect(conv({ namespaceSelector: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } } }))
      .toEqual({ selector: ORCH, namespaceSelector: "namespaceFoo == 'bar' && namespaceRole == 'dev'" });
    expect(conv({ namespaceSelector: {} })).toEqual({ selector: ORCH, namespaceSelector: 'all()' });
    expect(conv({ podSelector: {} })).toEqual({ selector: ORCH });
    expect(conv({ podSelector: { matchLabels: { podA: 'B', podC: 'D' } }, namespaceSelector: { matchLabels: { n: 'x' } } }))
      .toEqual({ selector: `${ORCH} && podA == 'B' && podC == 'D'`, namespaceSelector: "n == 'x'" });
  });

  test('9: matchExpressions In, NotIn, Exists, DoesNotExist', () => {
    const sel = (e: unknown) => convertK8sNetworkPolicy(np({ podSelector: { matchExpressions: [e] } })).policy.spec.selector;
    expect(sel({ key: 'k', operator: 'In', values: ['v1', 'v2'] })).toBe(`${ORCH} && k in { 'v1', 'v2' }`);
    expect(sel({ key: 'k', operator: 'NotIn', values: ['v1'] })).toBe(`${ORCH} && k not in { 'v1' }`);
    expect(sel({ key: 'k', operator: 'Exists' })).toBe(`${ORCH} && has(k)`);
    expect(sel({ key: 'toast', operator: 'DoesNotExist' })).toBe(`${ORCH} && ! has(toast)`);
  });

  test('10: ipBlock -> nets/notNets (normalised), endPort -> range', () => {
    const { policy } = convertK8sNetworkPolicy(np({
      podSelector: {}, policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] } }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.1.2.3/8' } }], ports: [{ protocol: 'TCP', port: '32000', endPort: 32768 }] }],
    }));
    expect(policy.spec.ingress?.[0].source).toEqual({ nets: ['192.168.0.0/16'], notNets: ['192.168.3.0/24', '192.168.4.0/24'] });
    expect(policy.spec.egress?.[0]).toEqual({
      action: 'Allow', protocol: 'TCP', source: {}, destination: { ports: ['32000:32768'], nets: ['10.0.0.0/8'] },
    });
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
  });
});

describe('other conversion rules', () => {
  test('SimplifyPorts: named first, numbers merged into ranges', () => {
    expect(simplifyPorts(['81:90', '4', '2', 'foo', '80:81', '3', '1', '9090', 'http'])).toEqual(['foo', 'http', '1:4', '80:90', '9090']);
    expect(simplifyPorts(['80', 'foo'])).toEqual(['80', 'foo']);
    expect(simplifyPorts(['81', '80'])).toEqual(['80:81']);
    expect(simplifyPorts(['80'])).toEqual(['80']);
  });

  test('protocols sorted; ports of one protocol merged', () => {
    const { policy } = convertK8sNetworkPolicy(np({
      podSelector: {}, ingress: [{ ports: [{ port: '81', protocol: 'UDP' }, { port: '80', protocol: 'SCTP' }, { port: '82' }, { port: '81' }] }],
    }));
    expect((policy.spec.ingress ?? []).map((r) => [r.protocol, r.destination?.ports])).toEqual([
      ['SCTP', ['80']], ['TCP', ['81:82']], ['UDP', ['81']],
    ]);
  });

  test('no policyTypes -> [Ingress] even with egress rules (which are still converted)', () => {
    const { policy } = convertK8sNetworkPolicy(np({ podSelector: {}, egress: [{}] }));
    expect(policy.spec.types).toEqual(['Ingress']);
    expect(policy.spec.egress).toEqual([{ action: 'Allow', source: {}, destination: {} }]);
  });

  test('a port that does not convert drops the whole rule, with a warning', () => {
    const r = convertK8sNetworkPolicy(np({ podSelector: {}, ingress: [{ ports: [{ port: 'http', endPort: 90 }] }, {}] }));
    expect(r.policy.spec.ingress).toEqual([{ action: 'Allow', source: {}, destination: {} }]);
    expect(r.warnings).toEqual(['ingress[0]: invalid port "http:90"; Calico drops this rule']);
  });

  test('namespace profile kns.<ns> allows both ways and carries pcns. labels', () => {
    expect(namespaceProfile('x')).toEqual({ name: 'kns.x', ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] });
    expect(namespaceProfileLabels('x', { team: 'a' })).toEqual({ 'pcns.team': 'a', 'pcns.projectcalico.org/name': 'x' });
  });

  test('veth name: cali + 11 hex of sha1("<ns>.<pod>")', () => {
    // sha1("default.nginx") computed with `printf default.nginx | sha1sum`.
    expect(vethNameForWorkload('default', 'nginx')).toBe(`cali${SHA1_DEFAULT_NGINX.slice(0, 11)}`);
    expect(vethNameForWorkload('default', 'nginx')).toHaveLength(15);
  });
});

const SHA1_DEFAULT_NGINX = 'c440f455693b69cdd48a37aa5ecd78038f50413d';
