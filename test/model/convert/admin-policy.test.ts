// Calico's own conversion tests for the admin policy kinds, as a second oracle: each case below is
// transcribed (inputs as YAML-shaped data, expectations by hand from the Go test's Expect lines) from
// projectcalico/calico v3.31.7 libcalico-go/lib/backend/k8s/conversion/adminnetworkpolicy_test.go and
// v3.32.1 libcalico-go/lib/backend/k8s/conversion/clusternetworkpolicy_test.go; the It(...) name is cited.
import {
  AdminPolicyVersionError, convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy, convertClusterNetworkPolicy,
} from '../../../lib/model/convert';
import { AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy } from '../../../lib/model/resources';
import { NetsecInputError } from '../../../lib/model/errors';

const ORCH = "projectcalico.org/orchestrator == 'k8s'";
const anp = (spec: AdminNetworkPolicy['spec'], name = 'test.policy'): AdminNetworkPolicy => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name }, spec,
});
const cnp = (spec: ClusterNetworkPolicy['spec'], name = 'test.policy'): ClusterNetworkPolicy => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec,
});
const SUBJECT = { namespaces: { matchLabels: { label: 'value', label2: 'value2' } } };

describe('Calico v3.31.7 AdminNetworkPolicy conversion (adminnetworkpolicy_test.go)', () => {
  test('should parse a basic k8s AdminNetworkPolicy to a GlobalNetworkPolicy', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 100, subject: SUBJECT,
      ingress: [{ name: 'The first ingress rule', action: 'Allow', ports: [{ portNumber: { port: 80 } }], from: [{ namespaces: { matchLabels: { k: 'v', k2: 'v2' } } }] }],
    }), '3.31', 'anp.yaml#0');
    expect(warnings).toEqual([]);
    expect(policy.metadata.name).toBe('kanp.adminnetworkpolicy.test.policy');
    expect(policy.spec.tier).toBe('adminnetworkpolicy');
    expect(policy.spec.order).toBe(100);
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(policy.spec.selector).toBe(ORCH);
    expect(policy.spec.ingress).toEqual([{
      metadata: { annotations: { name: 'The first ingress rule' } }, action: 'Allow', protocol: 'TCP',
      source: { namespaceSelector: "k == 'v' && k2 == 'v2'" }, destination: { ports: ['80'] },
    }]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('should replace an unsupported AdminNeworkPolicy rule with Deny action with a deny-all one', () => {
    const bad = [{ portRange: { start: 40, end: 20, protocol: 'UDP' } }];
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 600, subject: SUBJECT,
      ingress: [
        { name: 'A random ingress rule', action: 'Pass', ports: bad, from: [{ namespaces: { matchLabels: { k: 'v' } } }] },
        { name: 'A random ingress rule 2', action: 'Allow', ports: bad, from: [{ namespaces: { matchLabels: { k: 'v' } } }] },
      ],
      egress: [
        { name: 'A random egress rule', action: 'Deny', ports: bad, to: [{ namespaces: { matchLabels: { k3: 'v3' } } }] },
        { name: 'A random egress rule 2', action: 'Deny', ports: [{ portNumber: { port: 80 } }], to: [{ namespaces: { matchLabels: { k4: 'v4' } } }] },
      ],
    }), '3.31', 'anp.yaml#0');
    // the Pass rule becomes deny-all, the Allow rule is dropped
    expect(policy.spec.ingress).toEqual([{ action: 'Deny' }]);
    expect(policy.spec.egress).toEqual([
      { action: 'Deny' },
      { metadata: { annotations: { name: 'A random egress rule 2' } }, action: 'Deny', protocol: 'TCP', destination: { ports: ['80'], namespaceSelector: "k4 == 'v4'" } },
    ]);
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
    expect(warnings).toEqual([
      'spec.ingress[0]: minimum port number (40) is greater than maximum port number (20) in port range; Calico replaces this rule with a deny-all rule',
      'spec.ingress[1]: minimum port number (40) is greater than maximum port number (20) in port range; Calico drops this rule',
      'spec.egress[0]: minimum port number (40) is greater than maximum port number (20) in port range; Calico replaces this rule with a deny-all rule',
    ]);
  });

  test('should faild parsing an AdminNetworkPolicy with a rule with neither namespaces or pods set (a nodes peer: Deny becomes deny-all)', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 10, subject: SUBJECT,
      egress: [
        { action: 'Deny', to: [{ nodes: { matchLabels: { role: 'control' } } }] },
        { action: 'Allow', to: [{ domainNames: ['example.com'] }] },
      ],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }]);
    expect(warnings[0]).toContain('a nodes peer is not converted by Calico');
    expect(warnings[1]).toContain('a domainNames peer is not converted by Calico');
    expect(warnings[1]).toContain('Calico drops this rule');
  });

  test('should parse a k8s AdminNetworkPolicy with a Networks peer and ports (host bits masked as cnet.ParseCIDR does)', () => {
    const { policy } = convertAdminNetworkPolicy(anp({
      priority: 10, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } } },
      egress: [{ action: 'Deny', ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portRange: { start: 8080, end: 8090 } }], to: [{ networks: ['192.0.2.7/24', '2001:db8::/32'] }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.namespaceSelector).toBe('all()');
    expect(policy.spec.selector).toBe(`${ORCH} && app == 'db'`);
    expect(policy.spec.egress).toEqual([
      { action: 'Deny', protocol: 'TCP', destination: { ports: ['8080:8090'], nets: ['192.0.2.0/24', '2001:db8::/32'] } },
      { action: 'Deny', protocol: 'UDP', destination: { ports: ['53'], nets: ['192.0.2.0/24', '2001:db8::/32'] } },
    ]);
  });

  test('a namedPort is not converted by Calico 3.31 (TODO in k8sAdminPolicyPortToCalicoFields): the rule matches every protocol and port, with a warning', () => {
    const { policy, warnings } = convertAdminNetworkPolicy(anp({
      priority: 10, subject: SUBJECT,
      ingress: [{ action: 'Allow', ports: [{ namedPort: 'web' }, { portNumber: { port: 80 } }], from: [{ namespaces: {} }] }],
    }), '3.31', 'anp.yaml#0');
    expect(policy.spec.ingress).toEqual([{ action: 'Allow', source: { namespaceSelector: 'all()' }, destination: {} }]);
    expect(warnings).toEqual(['spec.ingress[0].ports[0]: namedPort "web" is not converted by Calico 3.31: the rule matches every protocol and port']);
  });

  test('BaselineAdminNetworkPolicy: tier baselineadminnetworkpolicy, order 1000, kbanp. prefix (should parse a basic k8s BaselineAdminNetworkPolicy to a GlobalNetworkPolicy)', () => {
    const banp: BaselineAdminNetworkPolicy = {
      apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' },
      spec: { subject: SUBJECT, ingress: [{ action: 'Deny', from: [{ pods: { namespaceSelector: {}, podSelector: {} } }] }] },
    };
    const { policy } = convertBaselineAdminNetworkPolicy(banp, '3.31', 'banp.yaml#0');
    expect(policy.metadata.name).toBe('kbanp.baselineadminnetworkpolicy.default');
    expect(policy.spec.tier).toBe('baselineadminnetworkpolicy');
    expect(policy.spec.order).toBe(1000);
    expect(policy.spec.ingress).toEqual([{ action: 'Deny', source: { selector: ORCH, namespaceSelector: 'all()' }, destination: {} }]);
  });

  test('Calico 3.32 does not convert the v1alpha1 kinds: an error naming 3.31', () => {
    const run = (): unknown => convertAdminNetworkPolicy(anp({ priority: 1, subject: SUBJECT }), '3.32', 'anp.yaml#0');
    expect(run).toThrow(AdminPolicyVersionError);
    expect((() => { try { run(); } catch (e) { return e; } return undefined; })()).toBeInstanceOf(NetsecInputError);
    expect(run).toThrow(/^anp\.yaml#0: kind: policy\.networking\.k8s\.io\/v1alpha1 AdminNetworkPolicy is not converted by Calico 3\.32 .*Calico 3\.31 converts it/);
  });
});

describe('Calico v3.32.1 ClusterNetworkPolicy conversion (clusternetworkpolicy_test.go)', () => {
  test('Admin tier: should parse an ClusterNetworkPolicy with multiple peers and ports', () => {
    const protocols = [
      { tcp: { destinationPort: { number: 80 } } },
      { udp: { destinationPort: { range: { start: 20, end: 30 } } } },
      { destinationNamedPort: 'http-port' },
      { destinationNamedPort: '8080' },
    ];
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      tier: 'Admin', priority: 600, subject: SUBJECT,
      ingress: [{ name: 'A random ingress rule', action: 'Pass', protocols, from: [{ namespaces: { matchLabels: { k: 'v' } } }, { pods: { namespaceSelector: {}, podSelector: { matchLabels: { k2: 'v2' } } } }] }],
      egress: [{ name: 'A random egress rule', action: 'Deny', protocols, to: [{ namespaces: { matchLabels: { k3: 'v3' } } }, { pods: { namespaceSelector: { matchLabels: { k4: 'v4' } }, podSelector: { matchLabels: { k5: 'v5' } } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.metadata.name).toBe('test.policy');
    expect(policy.spec.tier).toBe('kube-admin');
    expect(policy.spec.order).toBe(600);
    expect(policy.spec.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    const meta = { metadata: { annotations: { name: 'A random ingress rule' } } };
    const podPeer = { selector: `${ORCH} && k2 == 'v2'`, namespaceSelector: 'all()' };
    // Calico keeps "8080" as a named port, which no container port can be named (IANA_SVC_NAME needs a
    // letter): it matches nothing, so the model leaves it out (our port texts read digits as numbers)
    expect(policy.spec.ingress).toEqual([
      { ...meta, action: 'Pass', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['http-port'] } },
      { ...meta, action: 'Pass', source: podPeer, destination: { ports: ['http-port'] } },
      { ...meta, action: 'Pass', protocol: 'TCP', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['80'] } },
      { ...meta, action: 'Pass', protocol: 'TCP', source: podPeer, destination: { ports: ['80'] } },
      { ...meta, action: 'Pass', protocol: 'UDP', source: { namespaceSelector: "k == 'v'" }, destination: { ports: ['20:30'] } },
      { ...meta, action: 'Pass', protocol: 'UDP', source: podPeer, destination: { ports: ['20:30'] } },
    ]);
    expect(policy.spec.egress?.map((r) => [r.protocol, r.destination])).toEqual([
      [undefined, { ports: ['http-port'], namespaceSelector: "k3 == 'v3'" }],
      [undefined, { ports: ['http-port'], selector: `${ORCH} && k5 == 'v5'`, namespaceSelector: "k4 == 'v4'" }],
      ['TCP', { ports: ['80'], namespaceSelector: "k3 == 'v3'" }],
      ['TCP', { ports: ['80'], selector: `${ORCH} && k5 == 'v5'`, namespaceSelector: "k4 == 'v4'" }],
      ['UDP', { ports: ['20:30'], namespaceSelector: "k3 == 'v3'" }],
      ['UDP', { ports: ['20:30'], selector: `${ORCH} && k5 == 'v5'`, namespaceSelector: "k4 == 'v4'" }],
    ]);
    expect(policy.spec.types).toEqual(['Ingress', 'Egress']);
    expect(warnings).toEqual([
      'spec.ingress[0]: named port "8080" is not a valid port name and matches no container port',
      'spec.egress[0]: named port "8080" is not a valid port name and matches no container port',
    ]);
  });

  test('Admin tier: should parse a k8s ClusterNetworkPolicy with no ports (Accept is Calico Allow)', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      tier: 'Admin', priority: 100, subject: SUBJECT,
      ingress: [{ action: 'Accept', from: [{ namespaces: { matchLabels: { k: 'v' } } }] }],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.ingress).toEqual([{ action: 'Allow', source: { namespaceSelector: "k == 'v'" }, destination: {} }]);
    expect(policy.spec.types).toEqual(['Ingress']);
  });

  test('Admin tier: should parse an ClusterNetworkPolicy with no rules (no types: the tier passes)', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({ tier: 'Admin', priority: 100, subject: SUBJECT }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.types).toEqual([]);
  });

  test('Admin tier: should replace an unsupported ClusterNetworkPolicy rule with Deny action with a deny-all one (a nodes peer)', () => {
    const { policy, warnings } = convertClusterNetworkPolicy(cnp({
      tier: 'Admin', priority: 100, subject: SUBJECT,
      egress: [
        { action: 'Pass', to: [{ nodes: {} }] },
        { action: 'Accept', to: [{ nodes: {} }] },
        { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
      ],
    }), '3.32', 'cnp.yaml#0');
    expect(policy.spec.egress).toEqual([{ action: 'Deny' }, { action: 'Deny', destination: { nets: ['0.0.0.0/0'] } }]);
    expect(warnings).toHaveLength(2);
  });

  test('Baseline tier: kube-baseline, priority as order, name kept', () => {
    const { policy } = convertClusterNetworkPolicy(cnp({
      tier: 'Baseline', priority: 7, subject: { pods: { namespaceSelector: { matchLabels: { a: 'b' } }, podSelector: {} } },
      ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
    }, 'baseline'), '3.32', 'cnp.yaml#0');
    expect(policy.metadata.name).toBe('baseline');
    expect(policy.spec.tier).toBe('kube-baseline');
    expect(policy.spec.order).toBe(7);
    expect(policy.spec.namespaceSelector).toBe("a == 'b'");
    expect(policy.spec.selector).toBe(ORCH);
  });

  test('Calico 3.31 does not convert ClusterNetworkPolicy: an error naming 3.32', () => {
    const run = (): unknown => convertClusterNetworkPolicy(cnp({ tier: 'Admin', priority: 1, subject: SUBJECT }), '3.31', 'cnp.yaml#2');
    expect(run).toThrow(AdminPolicyVersionError);
    expect(run).toThrow(/^cnp\.yaml#2: kind: policy\.networking\.k8s\.io\/v1alpha2 ClusterNetworkPolicy is not converted by Calico 3\.31 .*Calico 3\.32 converts it/);
  });
});
