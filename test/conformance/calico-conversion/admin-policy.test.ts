// More of Calico's own conversion tests for the admin policy kinds (test/model/convert/admin-policy.test.ts
// has the first ones): each case is transcribed by hand, inputs as YAML-shaped data and expectations
// from the Go test's Expect lines, from projectcalico/calico v3.31.7
// libcalico-go/lib/backend/k8s/conversion/adminnetworkpolicy_test.go ("Test AdminNetworkPolicy
// conversion"); the It(...) name is the test name.
import { convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy } from '../../../lib/model/convert';
import { AdminNetworkPolicy } from '../../../lib/model/resources';

const ORCH = "projectcalico.org/orchestrator == 'k8s'";
const anp = (spec: AdminNetworkPolicy['spec']): AdminNetworkPolicy => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'test.policy' }, spec,
});
const SUBJECT = { namespaces: { matchLabels: { label: 'value', label2: 'value2' } } };
const named = (name: string): { metadata: { annotations: { name: string } } } => ({ metadata: { annotations: { name } } });

describe('Calico v3.31.7 AdminNetworkPolicy conversion (adminnetworkpolicy_test.go), continued', () => {
  test('should parse a k8s AdminNetworkPolicy with a DoesNotExist expression ', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label: 'value', label2: 'value2' } } } },
      ingress: [{ name: 'A random ingress rule', action: 'Allow', ports: [{ portNumber: { port: 80 } }],
        from: [{ pods: { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'toast', operator: 'DoesNotExist' }] } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value' && label2 == 'value2'`);
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule'), action: 'Allow', protocol: 'TCP',
      source: { namespaceSelector: 'all()', selector: `${ORCH} && ! has(toast)` }, destination: { ports: ['80'] },
    }]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an AdminNetworkPolicy with empty namespaces in Subject', () => {
    const { policy } = convertAdminNetworkPolicy(anp({ priority: 500, subject: { namespaces: {} } }), '3.31', 'anp.yaml#0');
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  test('should parse an AdminNetworkPolicy with empty podSelector in Subject', () => {
    const { policy } = convertAdminNetworkPolicy(anp({ priority: 600, subject: { pods: { namespaceSelector: {}, podSelector: {} } } }), '3.31', 'anp.yaml#0');
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  test('should parse an AdminNetworkPolicy with a Subject with MatchExpressions', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 500, subject: { namespaces: { matchExpressions: [{ key: 'k', operator: 'In', values: ['v1', 'v2'] }] } },
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("k in { 'v1', 'v2' }");
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  test('should parse a k8s AdminNetworkPolicy with an any address Network peer', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 200, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['0.0.0.0/0', '::/0'] }] }],
    }), '3.31', 'anp.yaml#0');
    expect(warnings).toEqual([]);
    // "We only default to TCP when ports exist": no protocol on these rules
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([
      { ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3'" } },
      { ...named('A random egress rule'), action: 'Deny', destination: { nets: ['0.0.0.0/0', '::/0'] } },
    ]);
  });

  test('should parse a k8s AdminNetworkPolicy with an invalid networks peer', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 200, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', ports: [{ portNumber: { port: 80 } }], from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', ports: [{ portNumber: { port: 80 } }],
        to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/66'] }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule'), action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['80'] },
    }]);
    // "The invalid rule is replaced with a deny-all rule."
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('1.1.1.1/66');
  });
  test('should drop rules with invalid action in a k8s AdminNetworkPolicy', () => {
    const ports = [{ portNumber: { port: 80 } }, { portRange: { start: 2000, end: 3000 } }];
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 300, subject: SUBJECT,
      ingress: [
        { name: 'A random ingress rule', action: 'Log', from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] },
        { name: 'A random ingress rule 2', action: 'Allow', ports, from: [{ namespaces: { matchLabels: { k10: 'v10', k20: 'v20' } } }] },
      ],
      egress: [
        { name: 'A random egress rule', action: 'Deny', ports, to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] },
        { name: 'A random egress rule 2', action: 'Drop', to: [{ namespaces: { matchLabels: { k30: 'v30', k40: 'v40' } } }] },
      ],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule 2'), action: 'Allow', protocol: 'TCP', source: { namespaceSelector: "k10 == 'v10' && k20 == 'v20'" }, destination: { ports: ['80', '2000:3000'] },
    }]);
    expect(policy.spec.egress).toEqual([{
      ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'", ports: ['80', '2000:3000'] },
    }]);
    // Calico reports "unsupported admin network policy action Log" / "Drop" for the two dropped rules
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Log');
    expect(warnings[1]).toContain('Drop');
  });

  test('should parse a k8s AdminNetworkPolicy with no ports', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 200, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([{ ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'" } }]);
  });

  test('should parse an AdminNetworkPolicy with no rules', () => {
    const { policy } = convertAdminNetworkPolicy(anp({ priority: 500, subject: SUBJECT }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  const PODS_SUBJECT = { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label: 'value' } } } };

  test('should parse an AdminNetworkPolicy with a rule with namespaceSelector', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Allow', from: [{ namespaces: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toHaveLength(1);
    expect(policy.spec.ingress?.[0].source?.selector).toBeUndefined();
    expect(policy.spec.ingress?.[0].source?.namespaceSelector).toBe("namespaceFoo == 'bar' && namespaceRole == 'dev'");
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an AdminNetworkPolicy with a rule with podSelector', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: PODS_SUBJECT,
      egress: [{ name: 'A random egress rule', action: 'Allow', to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.egress).toHaveLength(1);
    expect(policy.spec.egress?.[0].destination?.namespaceSelector).toBe('all()');
    expect(policy.spec.egress?.[0].destination?.selector).toBe(`${ORCH} && namespaceFoo == 'bar' && namespaceRole == 'dev'`);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('should parse an AdminNetworkPolicy with a rule with empty namespaceSelector', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Allow', from: [{ namespaces: { matchLabels: {} } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.ingress).toHaveLength(1);
    expect(policy.spec.ingress?.[0].source?.selector).toBeUndefined();
    expect(policy.spec.ingress?.[0].source?.namespaceSelector).toBe('all()');
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an AdminNetworkPolicy with a rule with empty podSelector', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: PODS_SUBJECT,
      egress: [{ name: 'A random egress rule', action: 'Pass', to: [{ pods: { namespaceSelector: { matchLabels: {} }, podSelector: { matchLabels: {} } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.egress).toHaveLength(1);
    expect(policy.spec.egress?.[0].destination?.selector).toBe(ORCH);
    expect(policy.spec.egress?.[0].destination?.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('should parse an AdminNetworkPolicy with a rule with a rule with both Namespaces and Pods', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 1000, subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Deny',
        from: [{ pods: { namespaceSelector: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } }, podSelector: { matchLabels: { podA: 'B', podC: 'D' } } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toHaveLength(1);
    expect(policy.spec.ingress?.[0].source?.selector).toBe(`${ORCH} && podA == 'B' && podC == 'D'`);
    expect(policy.spec.ingress?.[0].source?.namespaceSelector).toBe("namespaceFoo == 'bar' && namespaceRole == 'dev'");
    expect(policy.spec.types).toEqual(['Ingress']);
  });
  const MULTI_PEERS = {
    ingressFrom: [{ namespaces: { matchLabels: { k: 'v' } } }, { pods: { namespaceSelector: {}, podSelector: { matchLabels: { k2: 'v2' } } } }],
    egressTo: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { pods: { namespaceSelector: { matchLabels: { k4: 'v4' } }, podSelector: { matchLabels: { k5: 'v5' } } } }],
  };

  test('should parse an AdminNetworkPolicy with Namespaces subject and multiple peers', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: MULTI_PEERS.ingressFrom }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: MULTI_PEERS.egressTo }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.ingress?.map((r) => r.source)).toEqual([
      { namespaceSelector: "k == 'v'" }, { namespaceSelector: 'all()', selector: `${ORCH} && k2 == 'v2'` },
    ]);
    expect(policy.spec.egress?.map((r) => r.destination)).toEqual([
      { namespaceSelector: "k3 == 'v3'" }, { namespaceSelector: "k4 == 'v4'", selector: `${ORCH} && k5 == 'v5'` },
    ]);
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
  });

  test('should parse an AdminNetworkPolicy with multiple peers and ports', () => {
    const ports = [{ portNumber: { port: 80 } }, { portRange: { start: 20, end: 30, protocol: 'UDP' } }];
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', ports, from: MULTI_PEERS.ingressFrom }],
      egress: [{ name: 'A random egress rule', action: 'Deny', ports, to: MULTI_PEERS.egressTo }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    // one rule per protocol (TCP first), each with every peer
    expect(policy.spec.ingress?.map((r) => [r.source, r.destination?.ports])).toEqual([
      [{ namespaceSelector: "k == 'v'" }, ['80']],
      [{ namespaceSelector: 'all()', selector: `${ORCH} && k2 == 'v2'` }, ['80']],
      [{ namespaceSelector: "k == 'v'" }, ['20:30']],
      [{ namespaceSelector: 'all()', selector: `${ORCH} && k2 == 'v2'` }, ['20:30']],
    ]);
    expect(policy.spec.egress?.map((r) => [r.destination?.namespaceSelector, r.destination?.selector, r.destination?.ports])).toEqual([
      ["k3 == 'v3'", undefined, ['80']],
      ["k4 == 'v4'", `${ORCH} && k5 == 'v5'`, ['80']],
      ["k3 == 'v3'", undefined, ['20:30']],
      ["k4 == 'v4'", `${ORCH} && k5 == 'v5'`, ['20:30']],
    ]);
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
  });
  test('should parse an AdminNetworkPolicy with Pods subject and multiple peers', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label2: 'value2' } } } },
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: MULTI_PEERS.ingressFrom }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: MULTI_PEERS.egressTo }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.selector).toBe(`${ORCH} && label2 == 'value2'`);
    expect(policy.spec.ingress?.map((r) => r.source)).toEqual([
      { namespaceSelector: "k == 'v'" }, { namespaceSelector: 'all()', selector: `${ORCH} && k2 == 'v2'` },
    ]);
    expect(policy.spec.egress?.map((r) => r.destination)).toEqual([
      { namespaceSelector: "k3 == 'v3'" }, { namespaceSelector: "k4 == 'v4'", selector: `${ORCH} && k5 == 'v5'` },
    ]);
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
  });

  test('should parse a k8s AdminNetworkPolicy with a Networks peer', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 200, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/32'] }] }],
    }), '3.31', 'anp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([
      { ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3'" } },
      { ...named('A random egress rule'), action: 'Deny', destination: { nets: ['10.10.10.0/24', '1.1.1.1/32'] } },
    ]);
  });
  test('should drop rules with invalid ports in a k8s AdminNetworkPolicy', () => {
    const goodPorts = [{ portNumber: { port: 80 } }, { portRange: { start: 2000, end: 3000 } }];
    const badPorts = [{ portNumber: { port: 80 } }, { portRange: { start: 1000, end: 10 } }];
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 300, subject: SUBJECT,
      ingress: [
        { name: 'A random ingress rule', action: 'Allow', ports: badPorts, from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] },
        { name: 'A random ingress rule 2', action: 'Pass', ports: goodPorts, from: [{ namespaces: { matchLabels: { k10: 'v10', k20: 'v20' } } }] },
      ],
      egress: [
        { name: 'A random egress rule', action: 'Deny', ports: goodPorts, to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] },
        { name: 'A random egress rule 2', action: 'Allow', ports: badPorts, to: [{ namespaces: { matchLabels: { k30: 'v30', k40: 'v40' } } }] },
      ],
    }), '3.31', 'anp.yaml#0');
    // the Allow rules with a bad range are dropped (an Allow rule is not replaced by deny-all)
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule 2'), action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k10 == 'v10' && k20 == 'v20'" }, destination: { ports: ['80', '2000:3000'] },
    }]);
    expect(policy.spec.egress).toEqual([{
      ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'", ports: ['80', '2000:3000'] },
    }]);
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toContain('minimum port number (1000) is greater than maximum port number (10) in port range');
  });
});

describe('Calico v3.31.7 "Test BaselineAdminNetworkPolicy conversion", continued', () => {
  test('should parse a k8s BaselineAdminNetworkPolicy with an invalid networks peer', () => {
    const ports = [{ portNumber: { port: 80 } }];
    const { policy, warnings } = convertBaselineAdminNetworkPolicy({
      apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' },
      spec: {
        subject: SUBJECT,
        // an ingress peer with neither namespaces nor pods: "none of supported fields in 'From' is set."
        ingress: [{ action: 'Deny', ports, from: [{}] }],
        egress: [{ name: 'A random egress rule', action: 'Deny', ports, to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/66'] }] }],
      },
    }, '3.31', 'banp.yaml#0');
    // "The invalid rule is replaced with a deny-all rule." (both)
    expect(policy.spec.ingress).toEqual([{ action: 'Deny' }]);
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(warnings).toHaveLength(2);
  });
});
