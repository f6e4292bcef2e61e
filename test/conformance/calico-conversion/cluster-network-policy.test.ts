// More of Calico's own ClusterNetworkPolicy conversion tests (test/model/convert/admin-policy.test.ts
// has the first ones), transcribed by hand from projectcalico/calico v3.32.1
// libcalico-go/lib/backend/k8s/conversion/clusternetworkpolicy_test.go; the Describe and It(...)
// names are cited. Every It() of that file is covered, here or there:
// - "Admin tier" (23 cases): 20 here; "should parse an ClusterNetworkPolicy with multiple peers and
//   ports", "should parse an ClusterNetworkPolicy with no rules" and "should replace an unsupported
//   ClusterNetworkPolicy rule with Deny action with a deny-all one" are in
//   test/model/convert/admin-policy.test.ts (which also has "with no ports");
// - "Baseline tier": both cases here;
// - "malformed policies": both here, rejected as the API server's schema would (see below).
// The v3.31.7 adminnetworkpolicy_test.go and baselineadminnetworkpolicy_test.go cases are in
// ./admin-policy.test.ts and test/model/convert/admin-policy.test.ts.
// An upstream ConsistOf is asserted as the same members in any order (toHaveLength + arrayContaining).
import { buildEngineModel, parseEngineInputs } from '../../../lib/engine';
import { convertClusterNetworkPolicy } from '../../../lib/model/convert';
import { NetsecInputError } from '../../../lib/model/errors';
import { ClusterNetworkPolicy } from '../../../lib/model/resources';

const ORCH = "projectcalico.org/orchestrator == 'k8s'";
const cnp = (spec: ClusterNetworkPolicy['spec'], name = 'test.policy'): ClusterNetworkPolicy => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec,
});
const SUBJECT = { namespaces: { matchLabels: { label: 'value', label2: 'value2' } } };
const named = (name: string): { metadata: { annotations: { name: string } } } => ({ metadata: { annotations: { name } } });
const TCP80 = { tcp: { destinationPort: { number: 80 } } };
const PODS_SUBJECT = { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label: 'value' } } } };

describe('Calico v3.32.1 "Test ClusterNetworkPolicy conversion - Admin tier", continued', () => {
  test('should parse a basic k8s ClusterNetworkPolicy to a GlobalNetworkPolicy', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 100, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'The first ingress rule', action: 'Accept', protocols: [TCP80], from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(warnings).toEqual([]);
    // "Check the selector is correct, and that the matches are sorted."
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(policy.spec.ingress).toEqual([{
      ...named('The first ingress rule'), action: 'Allow', protocol: 'TCP', source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: { ports: ['80'] },
    }]);
    // "There should be no Egress rules"
    expect(policy.spec.egress).toEqual([]);
  });

  test('should faild parsing an ClusterNetworkPolicy with a rule with neither namespaces or pods set', () => {
    // Go's NamespacedPod.NamespaceSelector is a struct, so the omitted one is the empty selector
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label: 'value' } } } },
      ingress: [{ name: 'A random ingress rule', action: 'Accept', from: [{}] }],
      egress: [{ name: 'A random egress rule', action: 'Pass', to: [{}] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    // the Accept rule is dropped; the Pass rule is replaced by a deny-all rule (apiv3.Rule{Action: Deny})
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(policy.spec.ingress).toEqual([]);
    // the expected ErrorClusterNetworkPolicyConversion holds one rule each, with these reasons
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("none of supported fields in 'From' is set");
    expect(warnings[1]).toContain("none of supported fields in 'To' is set");
  });

  test('should parse a k8s ClusterNetworkPolicy with a Networks peer and ports', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 200, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', protocols: [TCP80], from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', protocols: [TCP80], to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/32'] }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule'), action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['80'] },
    }]);
    // ConsistOf upstream: one rule per peer, each with the rule's protocol and ports
    expect(policy.spec.egress).toHaveLength(2);
    expect(policy.spec.egress).toEqual(expect.arrayContaining([
      { ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { namespaceSelector: "k3 == 'v3'", ports: ['80'] } },
      { ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { nets: ['10.10.10.0/24', '1.1.1.1/32'], ports: ['80'] } },
    ]));
  });

  test('should drop rules with invalid action in a k8s ClusterNetworkPolicy', () => {
    const protocols = [TCP80, { tcp: { destinationPort: { range: { start: 2000, end: 3000 } } } }];
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 300, tier: 'Admin', subject: SUBJECT,
      ingress: [
        { name: 'A random ingress rule', action: 'Log', from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] },
        { name: 'A random ingress rule 2', action: 'Accept', protocols, from: [{ namespaces: { matchLabels: { k10: 'v10', k20: 'v20' } } }] },
      ],
      egress: [
        { name: 'A random egress rule', action: 'Deny', protocols, to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] },
        { name: 'A random egress rule 2', action: 'Drop', to: [{ namespaces: { matchLabels: { k30: 'v30', k40: 'v40' } } }] },
      ],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule 2'), action: 'Allow', protocol: 'TCP', source: { namespaceSelector: "k10 == 'v10' && k20 == 'v20'" }, destination: { ports: ['80', '2000:3000'] },
    }]);
    expect(policy.spec.egress).toEqual([{
      ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'", ports: ['80', '2000:3000'] },
    }]);
    // "unsupported cluster network policy action Log" / "Drop"
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Log');
    expect(warnings[1]).toContain('Drop');
  });

  test('should drop rules with invalid ports in a k8s ClusterNetworkPolicy', () => {
    const goodProtos = [TCP80, { tcp: { destinationPort: { range: { start: 2000, end: 3000 } } } }];
    const badProtos = [TCP80, { tcp: { destinationPort: { range: { start: 1000, end: 10 } } } }];
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 300, tier: 'Admin', subject: SUBJECT,
      ingress: [
        { name: 'A random ingress rule', action: 'Accept', protocols: badProtos, from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] },
        { name: 'A random ingress rule 2', action: 'Pass', protocols: goodProtos, from: [{ namespaces: { matchLabels: { k10: 'v10', k20: 'v20' } } }] },
      ],
      egress: [
        { name: 'A random egress rule', action: 'Deny', protocols: goodProtos, to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] },
        { name: 'A random egress rule 2', action: 'Accept', protocols: badProtos, to: [{ namespaces: { matchLabels: { k30: 'v30', k40: 'v40' } } }] },
      ],
    }), '3.32', 'cnp.yaml#0');
    // the Accept rules with a bad range are dropped (an Accept rule is not replaced by deny-all)
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule 2'), action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k10 == 'v10' && k20 == 'v20'" }, destination: { ports: ['80', '2000:3000'] },
    }]);
    expect(policy.spec.egress).toEqual([{
      ...named('A random egress rule'), action: 'Deny', protocol: 'TCP', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'", ports: ['80', '2000:3000'] },
    }]);
    // "minimum port number (1000) is greater than maximum port number (10) in port range"
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toContain('minimum port number (1000) is greater than maximum port number (10) in port range');
  });

  test('should parse an ClusterNetworkPolicy with empty namespaces in Subject', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({ priority: 500, tier: 'Admin', subject: { namespaces: {} } }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  test('should parse an ClusterNetworkPolicy with Namespaces subject and multiple peers', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass',
        from: [{ namespaces: { matchLabels: { k: 'v' } } }, { pods: { namespaceSelector: {}, podSelector: { matchLabels: { k2: 'v2' } } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny',
        to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { pods: { namespaceSelector: { matchLabels: { k4: 'v4' } }, podSelector: { matchLabels: { k5: 'v5' } } } }] }],
    }), '3.32', 'cnp.yaml#0');
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

  test('should parse an ClusterNetworkPolicy with a rule with podSelector', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: PODS_SUBJECT,
      egress: [{ name: 'A random egress rule', action: 'Accept', to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.egress?.map((r) => r.destination)).toEqual([{ namespaceSelector: 'all()', selector: `${ORCH} && namespaceFoo == 'bar' && namespaceRole == 'dev'` }]);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('should parse an ClusterNetworkPolicy with a rule with a rule with both Namespaces and Pods', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 1000, tier: 'Admin', subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Deny',
        from: [{ pods: { namespaceSelector: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } }, podSelector: { matchLabels: { podA: 'B', podC: 'D' } } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress?.map((r) => r.source)).toEqual([
      { namespaceSelector: "namespaceFoo == 'bar' && namespaceRole == 'dev'", selector: `${ORCH} && podA == 'B' && podC == 'D'` },
    ]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse a k8s ClusterNetworkPolicy with no ports', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 200, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3', k4: 'v4' } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([{ ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3' && k4 == 'v4'" } }]);
  });

  test('should parse a k8s ClusterNetworkPolicy with a Networks peer', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 200, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/32'] }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([
      { ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3'" } },
      { ...named('A random egress rule'), action: 'Deny', destination: { nets: ['10.10.10.0/24', '1.1.1.1/32'] } },
    ]);
  });

  test('should parse an ClusterNetworkPolicy with Pods subject and multiple peers', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label2: 'value2' } } } },
      ingress: [{ name: 'A random ingress rule', action: 'Pass',
        from: [{ namespaces: { matchLabels: { k: 'v' } } }, { pods: { namespaceSelector: {}, podSelector: { matchLabels: { k2: 'v2' } } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny',
        to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { pods: { namespaceSelector: { matchLabels: { k4: 'v4' } }, podSelector: { matchLabels: { k5: 'v5' } } } }] }],
    }), '3.32', 'cnp.yaml#0');
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

  test('should parse an ClusterNetworkPolicy with empty podSelector in Subject', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({ priority: 600, tier: 'Admin', subject: { pods: { namespaceSelector: {}, podSelector: {} } } }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
  });

  test('should parse an ClusterNetworkPolicy with a rule with namespaceSelector', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Accept', from: [{ namespaces: { matchLabels: { namespaceRole: 'dev', namespaceFoo: 'bar' } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value'`);
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.ingress?.map((r) => r.source)).toEqual([{ namespaceSelector: "namespaceFoo == 'bar' && namespaceRole == 'dev'" }]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an ClusterNetworkPolicy with a rule with empty namespaceSelector', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: PODS_SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Accept', from: [{ namespaces: {} }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.ingress?.map((r) => r.source)).toEqual([{ namespaceSelector: 'all()' }]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an ClusterNetworkPolicy with a rule with empty podSelector', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: PODS_SUBJECT,
      egress: [{ name: 'A random egress rule', action: 'Pass', to: [{ pods: { namespaceSelector: {}, podSelector: {} } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.egress?.map((r) => r.destination)).toEqual([{ selector: ORCH, namespaceSelector: 'all()' }]);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.types).toEqual(['Egress']);
  });

  test('should parse a k8s ClusterNetworkPolicy with an any address Network peer', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 200, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['0.0.0.0/0', '::/0'] }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(warnings).toEqual([]);
    // "We only default to TCP when ports exist": no protocol on these rules
    expect(policy.spec.ingress).toEqual([{ ...named('A random ingress rule'), action: 'Pass', source: { namespaceSelector: "k == 'v'" }, destination: {} }]);
    expect(policy.spec.egress).toEqual([
      { ...named('A random egress rule'), action: 'Deny', destination: { namespaceSelector: "k3 == 'v3'" } },
      { ...named('A random egress rule'), action: 'Deny', destination: { nets: ['0.0.0.0/0', '::/0'] } },
    ]);
  });

  test('should parse a k8s ClusterNetworkPolicy with an invalid networks peer', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 200, tier: 'Admin', subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', protocols: [TCP80], from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', protocols: [TCP80], to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/66'] }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule'), action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['80'] },
    }]);
    // "The invalid rule is replaced with a deny-all rule."
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('1.1.1.1/66');
  });

  test('should parse a k8s ClusterNetworkPolicy with a DoesNotExist expression ', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 600, tier: 'Admin', subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { label: 'value', label2: 'value2' } } } },
      ingress: [{ name: 'A random ingress rule', action: 'Accept', protocols: [TCP80],
        from: [{ pods: { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'toast', operator: 'DoesNotExist' }] } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.selector).toBe(`${ORCH} && label == 'value' && label2 == 'value2'`);
    expect(policy.spec.ingress).toEqual([{
      ...named('A random ingress rule'), action: 'Allow', protocol: 'TCP',
      source: { namespaceSelector: 'all()', selector: `${ORCH} && ! has(toast)` }, destination: { ports: ['80'] },
    }]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should parse an ClusterNetworkPolicy with a Subject with MatchExpressions', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 500, tier: 'Admin', subject: { namespaces: { matchExpressions: [{ key: 'k', operator: 'In', values: ['v1', 'v2'] }] } },
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("k in { 'v1', 'v2' }");
    expect(policy.spec.selector).toBe(ORCH);
  });
});

describe('Calico v3.32.1 "Test ClusterNetworkPolicy conversion - Baseline tier", continued', () => {
  test('should parse a basic k8s ClusterNetworkPolicy to a GlobalNetworkPolicy', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      priority: 0, tier: 'Baseline',
      subject: { pods: { namespaceSelector: { matchLabels: { label: 'value', label2: 'value2' } }, podSelector: { matchLabels: { foo: 'bar' } } } },
      ingress: [{ name: 'The first ingress rule', action: 'Accept', protocols: [TCP80, { destinationNamedPort: 'http-port' }],
        from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] }],
      egress: [{ name: 'The first egress rule', action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }, { action: 'Accept', to: [{ networks: ['0.0.0.0/0'] }] }],
    }, 'default'), '3.32', 'cnp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(policy.spec.selector).toBe(`${ORCH} && foo == 'bar'`);
    // ConsistOf upstream: one rule for the named port (no protocol), one for TCP 80
    expect(policy.spec.ingress).toHaveLength(2);
    expect(policy.spec.ingress).toEqual(expect.arrayContaining([
      { ...named('The first ingress rule'), action: 'Allow', source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: { ports: ['http-port'] } },
      { ...named('The first ingress rule'), action: 'Allow', protocol: 'TCP', source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: { ports: ['80'] } },
    ]));
    expect(policy.spec.egress).toEqual([
      { ...named('The first egress rule'), action: 'Deny', destination: { nets: ['10.0.0.0/8'] } },
      { action: 'Allow', destination: { nets: ['0.0.0.0/0'] } },
    ]);
  });

  test('should parse a k8s ClusterNetworkPolicy with an invalid networks peer', () => {
    const protocols = [TCP80, { destinationNamedPort: 'foobar' }];
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      priority: 0, tier: 'Baseline', subject: SUBJECT,
      // an ingress peer with neither namespaces nor pods: "none of supported fields in 'From' is set."
      ingress: [{ action: 'Deny', protocols, from: [{}] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', protocols, to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { networks: ['10.10.10.0/24', '1.1.1.1/66'] }] }],
    }, 'default'), '3.32', 'cnp.yaml#0');
    // "The invalid rule is replaced with a deny-all rule." (both)
    expect(policy.spec.ingress).toEqual([{ action: 'Deny' }]);
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(warnings).toHaveLength(2);
  });
});

// Calico turns these into a tombstone (the policy is ignored, nothing enforced). The API server's CRD
// schema rejects both before Calico sees them (tier is an enum Admin/Baseline; subject needs exactly
// one of namespaces, pods), so netsec rejects the input with an error naming the document and field
// instead of reading a policy that enforces nothing: a deliberate, stricter difference.
describe('Calico v3.32.1 "Test ClusterNetworkPolicy conversion - malformed policies": rejected as the API server would', () => {
  const load = (spec: string): unknown => buildEngineModel(parseEngineInputs([{
    file: 'cnp.yaml', text: `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: bad-policy }\nspec: ${spec}\n`,
  }], { calicoVersion: '3.32' }));
  const errorOf = (spec: string): unknown => { try { load(spec); } catch (e) { return e; } return undefined; };

  test('should return a tombstone KVPair for an invalid tier', () => {
    const spec = '{ priority: 100, tier: InvalidTier, subject: { namespaces: {} } }';
    expect(errorOf(spec)).toBeInstanceOf(NetsecInputError);
    expect(() => load(spec)).toThrow('cnp.yaml#0: spec.tier: unknown tier (got "InvalidTier"; allowed: Admin or Baseline)');
  });

  test('should return a tombstone KVPair when no subject selector is specified', () => {
    const spec = '{ priority: 100, tier: Admin, subject: {} }';
    expect(errorOf(spec)).toBeInstanceOf(NetsecInputError);
    expect(() => load(spec)).toThrow('cnp.yaml#0: spec.subject: no field set (got {}; allowed: exactly one of namespaces, pods)');
  });
});
