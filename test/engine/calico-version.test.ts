// A declared Calico version, end to end: conversion, ordering, chain names, `convert`, the CLI flag
// and the NetsecApp prop. What differs between the release lines, read in the Calico repository
// (github.com/projectcalico/calico) at v3.31.7 and v3.32.1:
//
// Conversion, libcalico-go/lib/backend/k8s/conversion/conversion.go K8sNetworkPolicyToCalico:
// - v3.31.7:790 `policyName := names.K8sNetworkPolicyNamePrefix + np.Name` (prefix `knp.default.`,
//   lib/names/policy.go), :874 Order 1000, no Tier; the key (:884) is Kind NetworkPolicy.
// - v3.32.1:354 `Name: np.Name` (no prefix), :361-362 Order 1000 and `Tier: names.DefaultTierName`;
//   the key (:372-374) is Kind `KubernetesNetworkPolicy` (lib/backend/model/kubenetworkpolicy.go:18).
//
// Equal-order tie-break, felix/calc/policy_sorter.go PolKVLess:
// - v3.31.7:320-322 `return i.Key.Name < j.Key.Name`, where the v1 PolicyKey (model/policy.go:80,
//   Name and Tier only) of a namespaced policy is named `<namespace>/<name>`
//   (syncersv1/updateprocessors/networkpolicyprocessor.go:49) and of a global one `<name>`.
// - v3.32.1:391-397 compares `<name>/<namespace>/<kind>` strings (PolicyKey has Name, Namespace,
//   Kind: model/policy.go:45-49; updateprocessors/networkpolicyprocessor.go npKeyConverter).
//
// Chain names, felix/rules/policy.go PolicyChainName, both hashed by GetLengthLimitedID to 28:
// - v3.31.7:1051-1060 `polID.Tier+"/"+polID.Name` (types.PolicyID is Tier and Name), so
//   `default/<ns>/knp.default.<name>` for a Kubernetes policy, `default/<name>` for a global one.
// - v3.32.1:1025-1033 `polID.ID()`, felix/types/policy_id.go:49-56: `<short kind>/<ns>/<name>` or
//   `<short kind>/<name>`, short kinds at :29-36 (np, gnp, knp, ...).
//
// Name validation, libcalico-go/lib/validator/v3/validator.go networkPolicyNameRegex: the same in
// both (v3.31.7:75, v3.32.1:78; `knp.default.`/`ossg.default.` subdomains still accepted), so
// lib/model/validate/names.ts has no per-release rule.
//
// Expected winners and names below are derived by hand from these lines.
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../lib/app';
import { InventoryNamespace, InventoryPod, WorkerNode } from '../../lib/constructs';
import { IntOrString, KubeNetworkPolicy } from '../../lib/constructs/l1';
import { CompiledPolicy, buildEngineModel, convertK8sNetworkPolicy, parseEngineInputs, renderConvertedPolicies } from '../../lib/engine';
import { policyChain } from '../../lib/iptables/policy-chains';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { CalicoVersion, CalicoVersionError } from '../../lib/model/calico-version';
import { K8sNetworkPolicy } from '../../lib/model/resources';
import { runNetsec } from '../helpers/run-cli';
import { check, inventory, model } from './helpers/world';

const PODS = inventory(
  [{ ns: 'z', name: 'server', ip: '192.0.2.20', labels: { app: 'server' } }, { ns: 'web', name: 'api', ip: '192.0.2.21', labels: { app: 'api' } },
    { ns: 'z', name: 'client', ip: '192.0.2.30', labels: { app: 'client' } }],
  {}, [{ name: 'node-1', ip: '198.51.100.1' }],
);

// An unordered GlobalNetworkPolicy `b` (Deny TCP 80) and an unordered Calico NetworkPolicy `a` in
// namespace `z` (Allow TCP 80), both selecting z/server.
// 3.31: "b" < "z/a" ('b' < 'z'): the GNP goes first, Deny.
// 3.32: "a/z/NetworkPolicy" < "b//GlobalNetworkPolicy" ('a' < 'b'): the NP goes first, Allow.
const UNORDERED = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b}
spec: {selector: app == 'server', types: [Ingress], ingress: [{action: Deny, protocol: TCP, destination: {ports: [80]}}]}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: a, namespace: z}
spec: {selector: app == 'server', types: [Ingress], ingress: [{action: Allow, protocol: TCP, destination: {ports: [80]}}]}
`;

// A Kubernetes NetworkPolicy `a-allow` in namespace `web` (order 1000 after conversion) and a GNP
// `b-deny` at order 1000, both on web/api.
// 3.31: "b-deny" < "web/knp.default.a-allow": the GNP first, Deny.
// 3.32: "a-allow/web/KubernetesNetworkPolicy" < "b-deny//GlobalNetworkPolicy": the Kubernetes policy first, Allow.
const K8S_AND_GNP = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-allow, namespace: web}
spec: {podSelector: {matchLabels: {app: api}}, ingress: [{ports: [{port: 80}]}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b-deny}
spec: {order: 1000, selector: app == 'api', types: [Ingress], ingress: [{action: Deny, protocol: TCP, destination: {ports: [80]}}]}
`;

function policiesOf(manifests: string, version: CalicoVersion): CompiledPolicy[] {
  return model(manifests, PODS, version).tiers.flatMap((t) => t.policies);
}

describe('equal-order tie-break per Calico release (felix/calc/policy_sorter.go PolKVLess)', () => {
  test.each([
    ['3.31', 'deny', 'b'],
    ['3.32', 'allow', 'a'],
  ] as const)('unordered GlobalNetworkPolicy and NetworkPolicy: %s orders them so the flow is %s', (version, verdict, first) => {
    const m = model(UNORDERED, PODS, version);
    expect(m.tiers.find((t) => t.name === 'default')?.policies.map((p) => p.name)[0]).toBe(first);
    expect(check(m, 'z/client', 'z/server').allowed).toBe(verdict === 'allow');
  });

  test.each([
    ['3.31', ['b-deny', 'knp.default.a-allow'], false],
    ['3.32', ['a-allow', 'b-deny'], true],
  ] as const)('order-1000 Kubernetes policy and GlobalNetworkPolicy under %s', (version, order, allowed) => {
    const m = model(K8S_AND_GNP, PODS, version);
    expect(m.tiers.find((t) => t.name === 'default')?.policies.map((p) => p.name)).toEqual(order);
    expect(check(m, 'z/client', 'web/api').allowed).toBe(allowed);
  });

  test('3.32 without the option is the default', () => {
    expect(model(UNORDERED, PODS).tiers.find((t) => t.name === 'default')?.policies.map((p) => p.name)).toEqual(['a', 'b']);
  });
});

// A ClusterNetworkPolicy `x` (Admin tier, priority 100: order 100 in kube-admin, Deny TCP 80) and a
// GlobalNetworkPolicy `x` in tier kube-admin at order 100 (Allow TCP 80), both on z/server.
// Calico v3.32.1 keys the converted policy with Kind KubernetesClusterNetworkPolicy
// (libcalico-go/lib/backend/k8s/conversion/clusternetworkpolicy.go: `model.ResourceKey{Name:
// kcnp.Name, Kind: model.KindKubernetesClusterNetworkPolicy}`; the constant is
// "KubernetesClusterNetworkPolicy" in lib/backend/model/kubeclusternetworkpolicy.go:18), so
// PolKVLess (felix/calc/policy_sorter.go) compares "x//GlobalNetworkPolicy" <
// "x//KubernetesClusterNetworkPolicy" ('G' < 'K'): the GNP goes first, Allow. (Had the key's kind been
// "ClusterNetworkPolicy", 'C' < 'G' would put the Deny first.)
const CNP_AND_GNP = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: x}
spec: {tier: Admin, priority: 100, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}]}
---
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: kube-admin}
spec: {order: 1000}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: x}
spec: {tier: kube-admin, order: 100, selector: app == 'server', types: [Ingress], ingress: [{action: Allow, protocol: TCP, destination: {ports: [80]}}]}
`;

describe('equal-order tie-break of a converted ClusterNetworkPolicy (Kind KubernetesClusterNetworkPolicy)', () => {
  test('3.32: "x//GlobalNetworkPolicy" < "x//KubernetesClusterNetworkPolicy": the GNP first, the flow is allowed', () => {
    const m = model(CNP_AND_GNP, PODS, '3.32');
    const policies = m.tiers.find((t) => t.name === 'kube-admin')?.policies ?? [];
    expect(policies.map((p) => `${p.origin.kind} ${p.name}`)).toEqual(['GlobalNetworkPolicy x', 'ClusterNetworkPolicy x']);
    expect(policies.map((p) => p.sortName)).toEqual(['x//GlobalNetworkPolicy', 'x//KubernetesClusterNetworkPolicy']);
    expect(check(m, 'z/client', 'z/server').allowed).toBe(true);
  });
});

describe('conversion names per Calico release (K8sNetworkPolicyToCalico)', () => {
  const np: K8sNetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web', namespace: 'shop' }, spec: { podSelector: {} },
  } as unknown as K8sNetworkPolicy;

  test('3.31: knp.default.<name>, no tier', () => {
    const { policy } = convertK8sNetworkPolicy(np, '3.31');
    expect(policy.metadata).toEqual({ name: 'knp.default.web', namespace: 'shop' });
    expect(policy.spec.tier).toBeUndefined();
    expect(policy.spec.order).toBe(1000);
  });

  test('3.32 (the default): its own name, tier default', () => {
    for (const policy of [convertK8sNetworkPolicy(np, '3.32').policy, convertK8sNetworkPolicy(np).policy]) {
      expect(policy.metadata).toEqual({ name: 'web', namespace: 'shop' });
      expect(policy.spec.tier).toBe('default');
      expect(policy.spec.order).toBe(1000);
    }
  });

  test('convert says which release it followed', () => {
    const inputs = parseEngineInputs([{ file: 'np.yaml', text: K8S_AND_GNP }]);
    const v32 = renderConvertedPolicies(inputs.resources);
    expect(v32).toContain('# from np.yaml#0, as Calico v3.32 converts it\n');
    expect(v32).toContain('  name: a-allow\n  namespace: web\n');
    const v31 = renderConvertedPolicies(inputs.resources, '3.31');
    expect(v31).toContain('# from np.yaml#0, as Calico v3.31 converts it\n');
    expect(v31).toContain('  name: knp.default.a-allow\n  namespace: web\n');
  });
});

describe('chain names per Calico release (rules.PolicyChainName)', () => {
  const chains = (version: CalicoVersion): Record<string, string> => Object.fromEntries(
    policiesOf(UNORDERED + '---\n' + K8S_AND_GNP, version).map((p) => [`${p.origin.kind} ${p.name}`, policyChain(p, 'ingress')]),
  );

  test('3.32: <kind>/<namespace>/<name>, knp for Kubernetes policies', () => {
    expect(chains('3.32')).toEqual({
      'GlobalNetworkPolicy b': 'cali-pi-gnp/b',
      'CalicoNetworkPolicy a': 'cali-pi-np/z/a',
      'NetworkPolicy a-allow': 'cali-pi-knp/web/a-allow',
      'GlobalNetworkPolicy b-deny': 'cali-pi-gnp/b-deny',
    });
  });

  test('3.31: <tier>/<v1 name>; too long for 28 characters becomes a hash', () => {
    expect(chains('3.31')).toEqual({
      'GlobalNetworkPolicy b': 'cali-pi-default/b',
      'CalicoNetworkPolicy a': 'cali-pi-default/z/a',
      // base64url(SHA-256("default/web/knp.default.a-allow")), 19 characters, computed outside the code under test
      'NetworkPolicy knp.default.a-allow': 'cali-pi-_2tJR_lsT6y9k0WD7C8-',
      'GlobalNetworkPolicy b-deny': 'cali-pi-default/b-deny',
    });
  });

  test('the plan header names the release, and the plan uses that release\'s chains', () => {
    for (const version of ['3.31', '3.32'] as const) {
      const plan = renderNodePlan(model(UNORDERED, PODS, version), 'node-1');
      expect(plan.iptables).toContain(`# What Calico Felix (v${version}, iptables mode`);
      expect(plan.iptables).toContain(version === '3.31' ? ':cali-pi-default/z/a - [0:0]' : ':cali-pi-np/z/a - [0:0]');
      expect(plan.iptables).not.toMatch(/policies\.yaml|cluster\.yaml/);
    }
  });

  test('rule hashes do not depend on the file the policies came from', () => {
    const planOf = (file: string): string =>
      renderNodePlan(buildEngineModel(parseEngineInputs([{ file, text: UNORDERED }, { file: 'c.yaml', text: PODS }])), 'node-1').iptables;
    expect(planOf('one.yaml')).toBe(planOf('other/place/two.yaml'));
  });
});

describe('--calico-version', () => {
  const ENGINE_COMMANDS = ['check', 'connectivity', 'convert', 'diff', 'lint', 'plan', 'report', 'table', 'verify'];

  test.each(ENGINE_COMMANDS)('%s declares it', async (command) => {
    const r = await runNetsec(command, '--help');
    expect(r.out + r.err).toMatch(/\n {2}--calico-version V +the Calico release to follow[^]*: 3\.31 or 3\.32 \(default 3\.32\)\n/);
  });

  test('a value that names no release line is an input error naming the flag and what is allowed', async () => {
    const r = await runNetsec('convert', '--manifests', '/nonexistent', '--calico-version', '3.30');
    expect(r.code).toBe(2);
    expect(r.err).toContain("--calico-version: Calico version '3.30' is not supported; allowed: 3.31, 3.32");
  });
});

describe('NetsecApp calicoVersion', () => {
  function app(calicoVersion?: string): NetsecApp {
    const a = new NetsecApp({ outdir: '/nonexistent-netsec-out', calicoVersion });
    const shop = new Chart(a, 'shop');
    new KubeNetworkPolicy(shop, 'np', {
      metadata: { name: 'allow-fe', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ ports: [{ port: IntOrString.fromNumber(80) }] }] },
    });
    const cluster = new Chart(a, 'cluster');
    const node = new WorkerNode(cluster, 'w1', { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11' });
    new InventoryNamespace(cluster, 'ns', { name: 'shop' });
    new InventoryPod(cluster, 'be', { name: 'backend-1', namespace: 'shop', labels: { app: 'backend' }, node, ip: '192.0.2.11' });
    return a;
  }
  const plan = (a: NetsecApp): string => {
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      return a.synthFiles().find((f) => f.path === 'iptables/worker-1.iptables')?.content ?? '';
    } finally {
      spy.mockRestore();
    }
  };

  test('3.32 by default: the plan says so and names the Kubernetes policy knp/<ns>/<name>', () => {
    const text = plan(app());
    expect(text).toContain('# What Calico Felix (v3.32,');
    expect(text).toContain(':cali-pi-knp/shop/allow-fe - [0:0]');
    expect(text).not.toContain('synth-manifests');
  });

  test('3.31 declared: 3.31 header and chain (hash of default/shop/knp.default.allow-fe)', () => {
    const text = plan(app('3.31.7'));
    expect(text).toContain('# What Calico Felix (v3.31,');
    expect(text).toContain(':cali-pi-_0K622EVnlO4Y9A3IF9E - [0:0]');
  });

  test('a bad value is an input error naming the prop and what is allowed', () => {
    expect(() => app('3.2')).toThrow(CalicoVersionError);
    expect(() => app('latest')).toThrow("NetsecApp props.calicoVersion: Calico version 'latest' is not supported; allowed: 3.31, 3.32");
  });
});
