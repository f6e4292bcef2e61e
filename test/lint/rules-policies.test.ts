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
