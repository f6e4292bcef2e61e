import { DEFAULT_TIER_ORDER } from '../../lib/engine';
import { inventory, model } from './helpers/world';

const PODS = inventory([
  { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' }, ports: [{ name: 'http', containerPort: 8080 }] },
  { ns: 'y', name: 'b', ip: '10.0.2.1', labels: { app: 'b' } },
], { x: { team: 'x' }, y: { team: 'y' } });

const tier = (name: string, order?: number): string =>
  `apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: ${name}}\nspec: {${order !== undefined ? `order: ${order}` : ''}}\n---\n`;

describe('engine model', () => {
  test('tiers sorted by order, nil last, ties by name; default tier at DefaultTierOrder', () => {
    const m = model(tier('zeta', 10) + tier('alpha', 10) + tier('nil-b') + tier('nil-a') + tier('early', 1), PODS);
    expect(m.tiers.map((t) => t.name)).toEqual(['early', 'alpha', 'zeta', 'default', 'nil-a', 'nil-b']);
    expect(m.tiers.find((t) => t.name === 'default')?.order).toBe(DEFAULT_TIER_ORDER);
  });

  test('workload endpoints: Calico labels, namespace labels, veth name, profile, named ports', () => {
    const a = model('', PODS).endpoints.find((e) => e.id === 'x/a');
    expect(a).toMatchObject({
      kind: 'workload', namespace: 'x', node: 'node-1', ips: ['10.0.1.1'], profiles: ['kns.x'],
      labels: { app: 'a', 'projectcalico.org/namespace': 'x', 'projectcalico.org/orchestrator': 'k8s' },
      namespaceLabels: { team: 'x' }, namedPorts: [{ name: 'http', protocol: 'TCP', port: 8080 }],
    });
    expect(a?.interfaceName).toMatch(/^cali[0-9a-f]{11}$/);
  });

  // libcalico-go v3.32.1 conversion: podToDefaultWorkloadEndpoint gives kns.<ns>, then ksa.<ns>.<sa>
  // when spec.serviceAccountName is not empty (serviceAccountNameToProfileName); ServiceAccountToProfile
  // gives the profile labels only, no rules
  test('workload endpoints: profiles kns.<ns> then ksa.<ns>.<sa> when the pod names a service account; the ksa profile has no rules', () => {
    const m = model('', inventory([
      { ns: 'x', name: 'a', ip: '10.0.1.1', serviceAccount: 'web' }, { ns: 'x', name: 'b', ip: '10.0.1.2' },
      { ns: 'y', name: 'c', ip: '10.0.2.1', serviceAccount: 'web' },
    ]));
    const profilesOf = (id: string): readonly string[] | undefined => m.endpoints.find((e) => e.id === id)?.profiles;
    expect([profilesOf('x/a'), profilesOf('x/b'), profilesOf('y/c')]).toEqual([['kns.x', 'ksa.x.web'], ['kns.x'], ['kns.y', 'ksa.y.web']]);
    expect(m.profiles.get('ksa.x.web')).toEqual({ name: 'ksa.x.web', ingress: [], egress: [] });
    expect(m.profiles.get('ksa.y.web')).toEqual({ name: 'ksa.y.web', ingress: [], egress: [] });
    expect([...m.profiles.keys()].filter((k) => k.startsWith('ksa.')).sort()).toEqual(['ksa.x.web', 'ksa.y.web']);
  });

  test('Kubernetes policies become knp.default.<name> in tier default, scoped to their namespace (Calico 3.31)', () => {
    const m = model(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: x}
spec: {podSelector: {}}
`, PODS, '3.31');
    const p = m.tiers.find((t) => t.name === 'default')?.policies[0];
    expect(p?.name).toBe('knp.default.deny');
    expect(p?.order).toBe(1000);
    expect(p?.origin).toEqual({
      file: 'policies.yaml', documentIndex: 0, kind: 'NetworkPolicy', namespace: 'x', name: 'deny',
      defaults: ['spec.policyTypes defaulted to [Ingress] (kube-apiserver)'],
    });
    expect(m.endpoints.filter((e) => p?.appliesTo(e)).map((e) => e.id)).toEqual(['x/a']);
    expect(p?.ingress).toEqual([]);
    expect(p?.egress).toBeUndefined();
  });

  test('entityMembers: the endpoints and network sets a rule selector matches', () => {
    const m = model(`apiVersion: projectcalico.org/v3
kind: GlobalNetworkSet
metadata: {name: s, labels: {app: a}}
spec: {nets: [192.0.2.0/24]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: g}
spec:
  selector: all()
  ingress: [{action: Allow, source: {selector: app == 'a'}}, {action: Allow, source: {nets: [192.0.2.0/24]}}]
`, PODS);
    const g = m.tiers.flatMap((t) => t.policies).find((p) => p.name === 'g');
    if (!g || !g.ingress) throw new Error('policy g missing');
    const members = m.entityMembers(g, g.ingress[0].source ?? {});
    expect(members?.endpoints.map((e) => e.id)).toEqual(['x/a']);
    expect(members?.networkSets.map((s) => s.id)).toEqual(['globalnetworkset/s']);
    expect(m.entityMembers(g, g.ingress[1].source ?? {})).toBeUndefined();
  });

  test('entityMembers: pods with the same labels are tested as one group, scoped to the policy namespace, in endpoint order', () => {
    const pods = inventory([
      { ns: 'x', name: 'a1', ip: '10.0.1.1', labels: { app: 'a' } },
      { ns: 'y', name: 'b', ip: '10.0.2.1', labels: { app: 'a' } },
      { ns: 'x', name: 'c', ip: '10.0.1.3', labels: { app: 'c' } },
      { ns: 'x', name: 'a2', ip: '10.0.1.2', labels: { app: 'a' } },
    ], { x: { team: 'x' }, y: { team: 'y' } });
    const m = model(`apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: n, namespace: x}
spec:
  selector: all()
  ingress: [{action: Allow, source: {selector: app == 'a'}}, {action: Allow, source: {selector: app == 'a', notSelector: app == 'c'}}]
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: g}
spec:
  selector: all()
  ingress: [{action: Allow, source: {selector: app == 'a'}}, {action: Allow, source: {selector: has(app), namespaceSelector: team == 'x'}}]
`, pods);
    const policy = (name: string) => {
      const p = m.tiers.flatMap((t) => t.policies).find((q) => q.name.endsWith(name));
      if (!p || !p.ingress) throw new Error(`policy ${name} missing`);
      return p;
    };
    const ids = (name: string, i: number): string[] | undefined => {
      const p = policy(name);
      return m.entityMembers(p, p.ingress?.[i].source ?? {})?.endpoints.map((e) => e.id);
    };
    const inOrder = (want: string[]): string[] => m.endpoints.map((e) => e.id).filter((id) => want.includes(id));
    expect(ids('n', 0)).toEqual(inOrder(['x/a1', 'x/a2']));
    expect(ids('n', 1)).toEqual(inOrder(['x/a1', 'x/a2']));
    expect(ids('g', 0)).toEqual(inOrder(['x/a1', 'y/b', 'x/a2']));
    expect(ids('g', 1)).toEqual(inOrder(['x/a1', 'x/c', 'x/a2']));
  });

  test('Felix defaults', () => {
    const m = model('', PODS);
    expect(m.felix.defaultEndpointToHostAction).toBe('Drop');
    expect(m.felix.failsafeInbound.map((p) => `${p.protocol}:${p.port}`)).toEqual(
      ['tcp:22', 'udp:68', 'tcp:179', 'tcp:2379', 'tcp:2380', 'tcp:5473', 'tcp:6443', 'tcp:6666', 'tcp:6667']);
  });
});
