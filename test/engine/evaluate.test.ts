// Calico semantics (calico-facts.md section 2), one behaviour per test; expectations worked out by hand.
import { check, inventory, model } from './helpers/world';

const PODS = inventory([
  { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' }, ports: [{ name: 'http', containerPort: 8080 }] },
  { ns: 'x', name: 'b', ip: '10.0.1.2', labels: { app: 'b' } },
  { ns: 'y', name: 'c', ip: '10.0.2.1', labels: { app: 'c' } },
], { x: { team: 'x' }, y: { team: 'y' } });

const gnp = (name: string, spec: string): string => `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: ${name}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}
---
`;

describe('profiles and defaults', () => {
  test('no policy: the kns.<ns> profile allows', () => {
    const v = check(model('', PODS), 'x/a', 'y/c');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].profiles).toEqual({ profiles: ['kns.y'], matchedProfile: 'kns.y', matchedRule: 0, action: 'Allow' });
  });

  test('no policy: kns.<ns> allows before the rule-less ksa.<ns>.<sa> is reached', () => {
    const m = model('', inventory([{ ns: 'x', name: 'a', ip: '10.0.1.1' }, { ns: 'y', name: 'c', ip: '10.0.2.1', serviceAccount: 'db' }]));
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].profiles).toEqual({ profiles: ['kns.y', 'ksa.y.db'], matchedProfile: 'kns.y', matchedRule: 0, action: 'Allow' });
  });

  test('a pod reaching itself is always allowed, even under deny-all', () => {
    const m = model(gnp('deny', "selector: all()\ntypes: [Ingress, Egress]"), PODS);
    expect(check(m, 'x/a', 'x/a').allowed).toBe(true);
    expect(check(m, 'x/a', 'x/b').allowed).toBe(false);
  });
});

describe('tiers', () => {
  const tiers = `apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100}
---
`;
  test('end-of-tier drop: a tier with a policy for the endpoint that does not allow drops', () => {
    const m = model(tiers + gnp('sec', "tier: security\nselector: app == 'c'\ningress:\n- action: Allow\n  source: {selector: app == 'b'}"), PODS);
    expect(check(m, 'x/b', 'y/c').allowed).toBe(true);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages[0].tiers).toEqual([
      // the policy names no types: the Calico API server defaults them from its rules
      { tier: 'security', outcome: 'end-of-tier-drop', policies: [{ policy: 'sec', kind: 'GlobalNetworkPolicy', logged: [], defaults: ['spec.types defaulted to [Ingress] (Calico API server)'] }] },
    ]);
  });

  test('no end-of-tier drop for endpoints the tier has no policy for', () => {
    const m = model(tiers + gnp('sec', "tier: security\nselector: app == 'c'\ningress: []"), PODS);
    expect(check(m, 'x/a', 'x/b').allowed).toBe(true);
  });

  test('Pass goes to the next tier; a Deny there wins over the profile', () => {
    const m = model(tiers
      + gnp('pass', "tier: security\nselector: all()\ningress:\n- action: Pass")
      + gnp('deny-a', "selector: all()\ningress:\n- action: Deny\n  source: {selector: app == 'a'}\n- action: Allow"), PODS);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages[0].tiers.map((t) => [t.tier, t.outcome])).toEqual([['security', 'pass'], ['default', 'deny']]);
    expect(check(m, 'x/b', 'y/c').allowed).toBe(true);
  });

  test('Pass from the last tier reaches the profiles', () => {
    const m = model(gnp('pass', "selector: all()\ningress:\n- action: Pass"), PODS);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].profiles?.matchedProfile).toBe('kns.y');
  });

  test('tier defaultAction Pass: no end-of-tier drop', () => {
    const t = tiers.replace('spec: {order: 100}', 'spec: {order: 100, defaultAction: Pass}');
    const m = model(t + gnp('sec', "tier: security\nselector: all()\ningress: []"), PODS);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].tiers[0].outcome).toBe('end-of-tier-pass');
  });

  test('tiers run in order: a lower-order tier decides first', () => {
    const m = model(tiers + gnp('allow-sec', "tier: security\nselector: all()\ningress:\n- action: Allow")
      + gnp('deny-default', "order: 1\nselector: all()\ningress:\n- action: Deny"), PODS);
    expect(check(m, 'x/a', 'y/c').allowed).toBe(true);
  });

  test('Log rules are recorded and evaluation continues', () => {
    const m = model(gnp('log', "selector: all()\ningress:\n- action: Log\n- action: Deny\n  protocol: UDP\n- action: Allow"), PODS);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].tiers[0].policies[0]).toEqual({
      policy: 'log', kind: 'GlobalNetworkPolicy', logged: [0], matchedRule: 2, action: 'Allow',
      defaults: ['spec.types defaulted to [Ingress] (Calico API server)', 'spec.tier defaulted to default (Calico API server)'],
    });
  });
});

describe('policy order', () => {
  test('nil order sorts last; equal orders tie by name', () => {
    const m = model(
      gnp('z-allow', "order: 10\nselector: all()\ningress:\n- action: Allow")
      + gnp('a-deny', "order: 10\nselector: all()\ningress:\n- action: Deny")
      + gnp('nil-allow', "selector: all()\ningress:\n- action: Allow"), PODS);
    const v = check(m, 'x/a', 'y/c');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages[0].tiers[0].policies.map((p) => p.policy)).toEqual(['a-deny']);
    const m2 = model(gnp('nil-deny', "selector: all()\ningress:\n- action: Deny") + gnp('late', "order: 5000\nselector: all()\ningress:\n- action: Allow"), PODS);
    expect(check(m2, 'x/a', 'y/c').allowed).toBe(true);
  });
});

describe('directions', () => {
  test('egress of the source and ingress of the destination must both allow', () => {
    const egressDeny = gnp('e', "selector: app == 'a'\ntypes: [Egress]\negress:\n- action: Deny");
    const v = check(model(egressDeny, PODS), 'x/a', 'y/c');
    expect(v.allowed).toBe(false);
    expect(v.egress.allowed).toBe(false);
    expect(v.ingress.allowed).toBe(true);
    const ingressDeny = gnp('i', "selector: app == 'c'\ningress:\n- action: Deny");
    const w = check(model(ingressDeny, PODS), 'x/a', 'y/c');
    expect([w.allowed, w.egress.allowed, w.ingress.allowed]).toEqual([false, true, false]);
  });

  test('a Calico NetworkPolicy applies only in its namespace', () => {
    const np = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: deny-all, namespace: x}
spec: {selector: all(), ingress: [{action: Deny}]}
`;
    const m = model(np, PODS);
    expect(check(m, 'y/c', 'x/b').allowed).toBe(false);
    expect(check(m, 'x/a', 'y/c').allowed).toBe(true);
  });

  test('rule selectors in a namespaced policy mean the own namespace; namespaceSelector widens', () => {
    const np = (src: string): string => `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec: {selector: all(), ingress: [{action: Allow, source: ${src}}]}
`;
    expect(check(model(np("{selector: has(app)}"), PODS), 'y/c', 'x/b').allowed).toBe(false);
    expect(check(model(np("{selector: has(app)}"), PODS), 'x/a', 'x/b').allowed).toBe(true);
    expect(check(model(np("{namespaceSelector: team == 'y'}"), PODS), 'y/c', 'x/b').allowed).toBe(true);
    expect(check(model(np("{namespaceSelector: all()}"), PODS), 'y/c', 'x/b').allowed).toBe(true);
  });
});

describe('external addresses, network sets, notSelector', () => {
  const sets = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkSet
metadata: {name: partners, labels: {kind: partner}}
spec: {nets: [198.51.100.0/24]}
---
`;
  test('nets match external addresses', () => {
    const m = model(gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {nets: [203.0.113.0/24]}"), PODS);
    expect(check(m, '203.0.113.9', 'y/c').allowed).toBe(true);
    expect(check(m, '192.0.2.9', 'y/c').allowed).toBe(false);
  });

  test('a rule selector matches an external address through a network set', () => {
    const m = model(sets + gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {selector: kind == 'partner'}"), PODS);
    expect(check(m, '198.51.100.7', 'y/c').allowed).toBe(true);
    expect(check(m, '192.0.2.7', 'y/c').allowed).toBe(false);
  });

  test('selector: !has(x) matches only Calico endpoints; notSelector: has(x) also matches other addresses', () => {
    const withSel = model(gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {selector: '!has(blocked)'}"), PODS);
    expect(check(withSel, '192.0.2.7', 'y/c').allowed).toBe(false);
    expect(check(withSel, 'x/a', 'y/c').allowed).toBe(true);
    const withNot = model(gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {notSelector: has(blocked)}"), PODS);
    expect(check(withNot, '192.0.2.7', 'y/c').allowed).toBe(true);
    expect(check(withNot, 'x/a', 'y/c').allowed).toBe(true);
    const blockA = model(gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {notSelector: app == 'a'}"), PODS);
    expect(check(blockA, 'x/a', 'y/c').allowed).toBe(false);
    expect(check(blockA, 'x/b', 'y/c').allowed).toBe(true);
  });

  test('an IP REF resolves to the pod that owns it', () => {
    const m = model(gnp('p', "selector: app == 'c'\ningress:\n- action: Allow\n  source: {selector: app == 'a'}"), PODS);
    const v = check(m, '10.0.1.1', 'y/c');
    expect(v.source).toBe('x/a');
    expect(v.allowed).toBe(true);
  });
});

describe('named ports', () => {
  test('resolved against the destination pod\'s container ports', () => {
    const m = model(gnp('p', "selector: has(app)\ningress:\n- action: Allow\n  protocol: TCP\n  destination: {ports: [http]}"), PODS);
    expect(check(m, 'y/c', 'x/a', 'TCP', 8080).allowed).toBe(true);
    expect(check(m, 'y/c', 'x/a', 'TCP', 80).allowed).toBe(false);
    expect(check(m, 'y/c', 'x/b', 'TCP', 8080).allowed).toBe(false);
    expect(check(m, 'y/c', 'x/a', 'UDP', 8080).allowed).toBe(false);
  });
});

describe('host endpoints', () => {
  const NODES = inventory([
    { ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' }, node: 'node-1' },
    { ns: 'x', name: 'b', ip: '10.0.1.2', labels: { app: 'b' }, node: 'node-2' },
  ], {}, [{ name: 'node-1', ip: '192.0.2.1' }, { name: 'node-2', ip: '192.0.2.2' }]);
  const hep = (name: string, node: string, ip: string, iface = 'eth0', extra = ''): string => `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: ${name}, labels: {role: worker}}
spec: {node: ${node}, interfaceName: '${iface}', expectedIPs: [${ip}]${extra}}
---
`;
  const heps = hep('n1', 'node-1', '192.0.2.1') + hep('n2', 'node-2', '192.0.2.2');

  test('a host endpoint with no policy and no profile denies, except failsafe ports', () => {
    const m = model(heps, NODES);
    expect(check(m, '203.0.113.5', 'hostendpoint/n1', 'TCP', 80).allowed).toBe(false);
    const v = check(m, '203.0.113.5', 'hostendpoint/n1', 'TCP', 22);
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages[0].failsafe).toBe('tcp:22');
    expect(check(m, 'hostendpoint/n1', '203.0.113.5', 'UDP', 53).allowed).toBe(true);
    expect(check(m, 'hostendpoint/n1', '203.0.113.5', 'TCP', 443).allowed).toBe(false);
  });

  test('profile projectcalico-default-allow allows', () => {
    const m = model(hep('n1', 'node-1', '192.0.2.1', 'eth0', ', profiles: [projectcalico-default-allow]'), NODES);
    expect(check(m, '203.0.113.5', 'hostendpoint/n1', 'TCP', 80).allowed).toBe(true);
  });

  test('a FelixConfiguration named default replaces the failsafe ports', () => {
    const felix = `apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec: {failsafeInboundHostPorts: [{protocol: tcp, port: 2222}]}
---
`;
    const m = model(felix + heps, NODES);
    expect(check(m, '203.0.113.5', 'hostendpoint/n1', 'TCP', 22).allowed).toBe(false);
    expect(check(m, '203.0.113.5', 'hostendpoint/n1', 'TCP', 2222).allowed).toBe(true);
  });

  test('pod-to-pod across nodes: forwarded traffic is allowed unless an applyOnForward policy says otherwise', () => {
    expect(check(model(heps, NODES), 'x/a', 'x/b').allowed).toBe(true);
    const normal = gnp('deny-hosts', "selector: role == 'worker'\ningress:\n- action: Deny");
    expect(check(model(heps + normal, NODES), 'x/a', 'x/b').allowed).toBe(true);
    const fwd = gnp('deny-fwd', "selector: role == 'worker'\napplyOnForward: true\ningress:\n- action: Deny");
    const v = check(model(heps + fwd, NODES), 'x/a', 'x/b');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => [s.stage, s.endpoint, s.verdict])).toEqual([
      ['host-untracked', 'hostendpoint/n2', 'continue'],
      ['host-prednat', 'hostendpoint/n2', 'continue'],
      ['host-forward', 'hostendpoint/n2', 'deny'],
    ]);
  });

  test('applyOnForward policies also apply to traffic to the host itself', () => {
    const fwd = gnp('allow-80', "selector: role == 'worker'\napplyOnForward: true\ningress:\n- action: Allow\n  protocol: TCP\n  destination: {ports: [80]}");
    expect(check(model(heps + fwd, NODES), '203.0.113.5', 'hostendpoint/n1', 'TCP', 80).allowed).toBe(true);
  });

  test('preDNAT Deny drops forwarded traffic before workload policy; preDNAT policies never apply to workloads', () => {
    const pre = gnp('pre', "selector: role == 'worker'\npreDNAT: true\napplyOnForward: true\ningress:\n- action: Deny\n  source: {nets: [203.0.113.0/24]}");
    const m = model(heps + pre, NODES);
    const v = check(m, '203.0.113.5', 'x/b');
    expect(v.allowed).toBe(false);
    expect(v.ingress.stages.map((s) => s.stage)).toEqual(['host-untracked', 'host-prednat']);
    expect(check(m, '198.51.100.5', 'x/b').allowed).toBe(true);
    const onPods = gnp('pre-all', "selector: all()\npreDNAT: true\napplyOnForward: true\ningress:\n- action: Deny");
    expect(check(model(onPods, NODES), 'x/a', 'x/b').allowed).toBe(true);
  });

  test('doNotTrack: an untracked Allow skips the normal host policy; not for interfaceName *', () => {
    const untracked = gnp('raw', "selector: role == 'worker'\ndoNotTrack: true\napplyOnForward: true\ningress:\n- action: Allow\n  protocol: TCP\n  destination: {ports: [80]}");
    const named = model(hep('n1', 'node-1', '192.0.2.1') + untracked, NODES);
    const v = check(named, '203.0.113.5', 'hostendpoint/n1', 'TCP', 80);
    expect(v.allowed).toBe(true);
    expect(v.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['host-untracked', 'allow']]);
    const star = model(hep('n1', 'node-1', '192.0.2.1', '*') + untracked, NODES);
    expect(check(star, '203.0.113.5', 'hostendpoint/n1', 'TCP', 80).allowed).toBe(false);
  });

  test('pod to its own host: DefaultEndpointToHostAction (Drop by default)', () => {
    const m = model(heps, NODES);
    expect(check(m, 'x/a', 'hostendpoint/n1').allowed).toBe(false);
    expect(check(m, 'x/a', '192.0.2.1').ingress.stages[0].stage).toBe('workload-to-host');
    const accept = `apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec: {defaultEndpointToHostAction: Accept}
---
`;
    expect(check(model(accept + heps, NODES), 'x/a', 'hostendpoint/n1').allowed).toBe(true);
  });

  test('host egress: normal policy on the host endpoint', () => {
    const m = model(heps + gnp('out', "selector: role == 'worker'\ntypes: [Egress]\negress:\n- action: Allow\n  destination: {nets: [203.0.113.0/24]}"), NODES);
    expect(check(m, 'hostendpoint/n1', '203.0.113.5', 'TCP', 443).allowed).toBe(true);
    expect(check(m, 'hostendpoint/n1', '198.51.100.5', 'TCP', 443).allowed).toBe(false);
  });
});
