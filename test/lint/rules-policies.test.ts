// NS001-NS004 and NS012: selectors that match nothing, shadowed rules, redundant policies, order ties.
import { lint, only } from './helpers';

const k8sPolicy = (podSelector: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: ${podSelector}}}
  ingress: [{ports: [{port: 8080}]}]
`;

describe('NS001 policy-selects-nothing', () => {
  test('a podSelector with a typo selects no pod of the inventory', () => {
    const found = only(lint(k8sPolicy('fronted')), 'NS001');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].location).toMatchObject({ file: 'm.yaml', kind: 'NetworkPolicy', namespace: 'shop', name: 'web' });
  });
  test('a podSelector that matches a pod is fine', () => {
    expect(only(lint(k8sPolicy('frontend')), 'NS001')).toEqual([]);
  });
  test('without an inventory the rule does not run', () => {
    expect(only(lint(k8sPolicy('fronted'), false), 'NS001')).toEqual([]);
  });
});

const calicoPeer = (source: string) => `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: backend-in, namespace: shop}
spec:
  selector: app == 'backend'
  ingress:
  - action: Allow
    protocol: TCP
    source: {selector: "${source}"}
    destination: {ports: [9090]}
`;

describe('NS002 peer-matches-nothing', () => {
  test('a source selector with a typo matches nothing', () => {
    const found = only(lint(calicoPeer("app == 'frontnd'")), 'NS002');
    expect(found).toHaveLength(1);
    expect(found[0].location.field).toBe('spec.ingress[0].source');
    expect(found[0].message).toContain("app == 'frontnd'");
  });
  test('a source selector that matches a pod is fine', () => {
    expect(only(lint(calicoPeer("app == 'frontend'")), 'NS002')).toEqual([]);
  });
});

const deny = (order: number, selector: string, ports = '') => `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: a-deny, namespace: shop}
spec:
  order: ${order}
  selector: ${selector}
  ingress: [{action: Deny, protocol: TCP${ports ? `, destination: {ports: [${ports}]}` : ''}}]
`;
const allowTwo = `
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: b-allow, namespace: shop}
spec:
  order: 200
  selector: app == 'backend'
  ingress:
  - {action: Allow, protocol: TCP, source: {selector: app == 'frontend'}, destination: {ports: [9090]}}
  - {action: Allow, protocol: UDP, destination: {ports: [53]}}
`;
const allowOne = `
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: b-allow, namespace: shop}
spec:
  order: 200
  selector: app == 'backend'
  ingress:
  - {action: Allow, protocol: TCP, source: {selector: app == 'frontend'}, destination: {ports: [9090]}}
`;

describe('NS003 shadowed-rule', () => {
  test('an Allow after an earlier Deny of all TCP to the same pods is never reached', () => {
    const found = only(lint(deny(100, "app == 'backend'") + allowTwo), 'NS003');
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ name: 'b-allow', field: 'spec.ingress[0]' });
    expect(found[0].message).toContain('Calico NetworkPolicy shop/a-deny');
  });
  test('an earlier Deny of a narrower selector (subset of pods) does not shadow', () => {
    expect(only(lint(deny(100, "app == 'backend' && tier == 'x'") + allowTwo), 'NS003')).toEqual([]);
  });
  test('an earlier Deny of other ports does not shadow', () => {
    expect(only(lint(deny(100, "app == 'backend'", '22') + allowTwo), 'NS003')).toEqual([]);
  });
  test('a Deny with a higher order comes later and does not shadow', () => {
    expect(only(lint(deny(300, "app == 'backend'") + allowTwo), 'NS003')).toEqual([]);
  });
  test('within one policy, a rule after a broader rule is never reached', () => {
    const yaml = `
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: g}
spec:
  selector: role == 'edge'
  ingress:
  - {action: Allow, protocol: TCP, source: {nets: [10.0.0.0/8]}}
  - {action: Allow, protocol: TCP, source: {nets: [10.2.0.0/16]}, destination: {ports: ['80:90']}}
  - {action: Allow, protocol: TCP, source: {nets: [192.168.0.0/16]}, destination: {ports: [80]}}
`;
    const found = only(lint(yaml), 'NS003');
    expect(found.map((f) => f.location.field)).toEqual(['spec.ingress[1]']);
    expect(found[0].message).toContain('rule 0 of the same policy');
  });
});

describe('NS004 redundant-policy', () => {
  test('a policy whose only rule is shadowed is fully redundant (and not reported as NS003 too)', () => {
    const findings = lint(deny(100, "app == 'backend'") + allowOne);
    expect(only(findings, 'NS004').map((f) => f.location.name)).toEqual(['b-allow']);
    expect(only(findings, 'NS004')[0].severity).toBe('info');
    expect(only(findings, 'NS003')).toEqual([]);
  });
  test('a policy with one reachable rule is not redundant', () => {
    expect(only(lint(deny(100, "app == 'backend'") + allowTwo), 'NS004')).toEqual([]);
  });
  test('two identical Kubernetes policies: the second by name is redundant', () => {
    const second = k8sPolicy('backend').replace('name: web', 'name: web2');
    expect(only(lint(`${k8sPolicy('backend')}---${second}`), 'NS004').map((f) => f.location.name)).toEqual(['web2']);
  });
});

const tie = (order2: number, proto2: string) => `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: allow-front, namespace: shop}
spec:
  order: 100
  selector: app == 'backend'
  ingress: [{action: Allow, protocol: TCP, source: {selector: app == 'frontend'}, destination: {ports: [9090]}}]
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec:
  order: ${order2}
  selector: app == 'backend'
  ingress: [{action: Deny, protocol: ${proto2}}]
`;

describe('NS012 order-tie-conflict', () => {
  test('same order, same pods, Allow and Deny on overlapping traffic', () => {
    const found = only(lint(tie(100, 'TCP')), 'NS012');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('share order 100');
  });
  test('different orders do not tie', () => {
    expect(only(lint(tie(200, 'TCP')), 'NS012')).toEqual([]);
  });
  test('same order but disjoint traffic (TCP vs UDP) does not conflict', () => {
    expect(only(lint(tie(100, 'UDP')), 'NS012')).toEqual([]);
  });
});

// Two global policies of the default tier, `a` (order 100) before `b` (order 200), one ingress rule each.
const globalPair = (aRule: string, bRule: string) => `
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: a}
spec: {order: 100, selector: all(), ingress: [${aRule}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b}
spec: {order: 200, selector: all(), ingress: [${bRule}]}
`;
const shadowedOrRedundant = (yaml: string): string[] =>
  lint(yaml, false).filter((f) => f.ruleId === 'NS003' || f.ruleId === 'NS004').map((f) => `${f.ruleId} ${f.location.name}`);

describe('NS003/NS004: namespaceSelector and empty lists are read as Calico reads them', () => {
  test('a namespaceSelector (even all()) misses host endpoints and global network sets, which a global policy\'s bare selector matches', () => {
    // Calico: a rule namespaceSelector selects namespaced endpoints only; `b`'s source also matches
    // a host endpoint or GlobalNetworkSet labelled app=x, which `a` never matches.
    const yaml = globalPair(
      "{action: Deny, protocol: TCP, source: {selector: app == 'x', namespaceSelector: all()}}",
      "{action: Allow, protocol: TCP, source: {selector: app == 'x'}}");
    expect(shadowedOrRedundant(yaml)).toEqual([]);
  });
  test('the other way round it is covered: the bare selector of a global policy matches every namespace', () => {
    const yaml = globalPair(
      "{action: Deny, protocol: TCP, source: {selector: app == 'x'}}",
      "{action: Allow, protocol: TCP, source: {selector: app == 'x', namespaceSelector: all()}}");
    expect(shadowedOrRedundant(yaml)).toEqual(['NS004 b']);
  });
  test('namespaceSelector all() (namespaced endpoints) does not cover global() (non-namespaced ones)', () => {
    const yaml = globalPair(
      '{action: Deny, protocol: TCP, source: {namespaceSelector: all()}}',
      '{action: Allow, protocol: TCP, source: {namespaceSelector: global()}}');
    expect(shadowedOrRedundant(yaml)).toEqual([]);
  });
  test('a source limited to endpoints does not cover a rule without a source (any address)', () => {
    const yaml = `
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  selector: all()
  ingress:
  - {action: Deny, protocol: TCP, source: {namespaceSelector: all()}}
  - {action: Allow, protocol: TCP}
`;
    expect(shadowedOrRedundant(yaml)).toEqual([]);
  });
  test('an empty nets list constrains nothing, so a narrower earlier rule does not cover it', () => {
    const yaml = globalPair(
      '{action: Deny, protocol: UDP, source: {nets: [10.0.0.0/8]}}',
      '{action: Allow, protocol: UDP, source: {nets: []}}');
    expect(shadowedOrRedundant(yaml)).toEqual([]);
  });
});

describe('lint matches each policy to its own document', () => {
  test('a Kubernetes and a Calico NetworkPolicy of the same name in one List are told apart', () => {
    // The Calico `web` applies only to pods of service accounts with role x (serviceAccountSelector),
    // so it does not cover `later`. Read with the Kubernetes `web`'s spec it would seem to apply to all.
    const yaml = `
apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web, namespace: shop}
  spec: {podSelector: {matchLabels: {app: none}}, policyTypes: [Ingress]}
- apiVersion: projectcalico.org/v3
  kind: NetworkPolicy
  metadata: {name: web, namespace: shop}
  spec: {order: 10, selector: all(), serviceAccountSelector: "role == 'x'", ingress: [{action: Deny, protocol: TCP}]}
- apiVersion: projectcalico.org/v3
  kind: NetworkPolicy
  metadata: {name: later, namespace: shop}
  spec: {order: 20, selector: app == 'backend', ingress: [{action: Allow, protocol: TCP}]}
`;
    expect(shadowedOrRedundant(yaml)).toEqual([]);
  });
});
