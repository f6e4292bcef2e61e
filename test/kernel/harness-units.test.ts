// Parts of the harness that need no kernel: the address guard, the scenario generator, flow choice.
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { assertDocumentationAddresses, isDocumentationAddress } from '../../lib/verify/addresses';
import { engineJudge } from '../../lib/verify/engine-judge';
import { enumerateFlows } from '../../lib/verify/flows';
import { ownerPid } from '../../lib/verify/namespaces';
import { generateScenario } from '../../lib/verify/scenario/generate';
import { Topology } from '../../lib/verify/topology';

describe('documentation address guard', () => {
  it.each(['192.0.2.1', '198.51.100.255', '203.0.113.0', '2001:db8::1'])('accepts %s', (ip) => {
    expect(isDocumentationAddress(ip)).toBe(true);
  });
  it.each(['10.0.0.1', '192.0.3.1', '198.51.101.1', '203.0.112.255', '8.8.8.8', '2001:db9::1', '127.0.0.1'])('refuses %s', (ip) => {
    expect(isDocumentationAddress(ip)).toBe(false);
  });
  it('names where the bad address is', () => {
    expect(() => assertDocumentationAddresses('workload x/a', ['192.0.2.1', '10.1.1.1']))
      .toThrow('workload x/a: address(es) 10.1.1.1 are outside the documentation ranges');
  });
});

describe('namespace names', () => {
  it('reads the owner pid back from a harness namespace name', () => {
    expect(ownerPid(`nsec-${(4242).toString(36)}-beef-node`)).toBe(4242);
    expect(ownerPid('nsec-support')).toBeUndefined();
    expect(ownerPid('other-ns')).toBeUndefined();
  });
});

describe('random scenarios', () => {
  const addressesIn = (value: unknown): string[] => {
    const text = JSON.stringify(value);
    return [...text.matchAll(/\b[0-9]{1,3}(?:\.[0-9]{1,3}){3}\b/g)].map((m) => m[0]);
  };

  it('are the same for the same seed and differ between seeds', () => {
    expect(JSON.stringify(generateScenario(7))).toBe(JSON.stringify(generateScenario(7)));
    expect(JSON.stringify(generateScenario(7))).not.toBe(JSON.stringify(generateScenario(8)));
  });

  it.each([1, 2, 3, 4, 5])('seed %i uses documentation addresses only (0.0.0.0/0 aside)', (seed) => {
    const s = generateScenario(seed);
    const ips = addressesIn([s.manifests, s.inventory, s.peers]).filter((ip) => ip !== '0.0.0.0');
    expect(ips.length).toBeGreaterThan(5);
    expect(ips.filter((ip) => !isDocumentationAddress(ip))).toEqual([]);
  });

  it('cover Allow, Deny and Pass, both policy APIs and host endpoints over the CI seeds', () => {
    const text = JSON.stringify([1, 2, 3].map((seed) => generateScenario(seed).manifests));
    for (const needle of ['"action":"Allow"', '"action":"Deny"', '"action":"Pass"', '"kind":"HostEndpoint"',
      '"kind":"GlobalNetworkPolicy"', '"apiVersion":"networking.k8s.io/v1"', '"nets":', '"ports":', '"order":']) {
      expect(text).toContain(needle);
    }
  });

  type Doc = { kind?: string; metadata?: { name?: string }; spec?: { [k: string]: unknown } };
  const gnps = (seeds: readonly number[]): Doc[] => seeds.flatMap((seed) => generateScenario(seed).manifests as Doc[])
    .filter((d) => d.kind === 'GlobalNetworkPolicy');

  it('produce preDNAT and doNotTrack host endpoint policies, tiered ones, and Pass and Log in them', () => {
    const all = gnps(Array.from({ length: 30 }, (_, i) => i + 1));
    const preDnat = all.filter((d) => d.spec?.preDNAT === true);
    const untracked = all.filter((d) => d.spec?.doNotTrack === true);
    expect(preDnat.length).toBeGreaterThan(3);
    expect(untracked.length).toBeGreaterThan(3);
    // Calico's validator: preDNAT and doNotTrack need applyOnForward; preDNAT is ingress only.
    for (const d of [...preDnat, ...untracked]) expect(d.spec?.applyOnForward).toBe(true);
    for (const d of preDnat) expect(d.spec?.types).toEqual(['Ingress']);
    expect([...preDnat, ...untracked].some((d) => d.spec?.tier === 'security' && d.metadata?.name?.startsWith('security.'))).toBe(true);
    const actions = JSON.stringify([...preDnat, ...untracked]);
    for (const a of ['Allow', 'Deny', 'Pass', 'Log']) expect(actions).toContain(`"action":"${a}"`);
  });

  it('keep untracked rules off reply packets: no Allow, always TCP or UDP to listed destination ports', () => {
    type Rule = { action?: string; protocol?: string; destination?: { ports?: unknown[] } };
    const rules = gnps(Array.from({ length: 30 }, (_, i) => i + 1)).filter((d) => d.spec?.doNotTrack === true)
      .flatMap((d) => [...((d.spec?.ingress as Rule[] | undefined) ?? []), ...((d.spec?.egress as Rule[] | undefined) ?? [])]);
    expect(rules.length).toBeGreaterThan(3);
    for (const r of rules) {
      expect(r.action).not.toBe('Allow');
      expect(['TCP', 'UDP']).toContain(r.protocol);
      expect(r.destination?.ports?.length).toBeGreaterThan(0);
    }
  });

  it('adding host-table policies left the earlier documents of a seed unchanged (seed 6 has none)', () => {
    const names = (generateScenario(6).manifests as Doc[]).map((d) => d.metadata?.name);
    expect(names.some((n) => /prednat|untracked|extra-/.test(n ?? ''))).toBe(false);
  });
});

describe('engine judge', () => {
  const manifests = `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: worker-1-private, labels: {role: private}}
spec: {node: worker-1, interfaceName: eth0, expectedIPs: [198.51.100.10]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-fwd}
spec: {selector: role == 'private', applyOnForward: true, ingress: [{action: Deny}]}
`;
  const cluster = `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Node, metadata: {name: worker-1}, status: {addresses: [{type: InternalIP, address: 198.51.100.10}]}}
- {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: x}, spec: {nodeName: worker-1, containers: [{name: c}]}, status: {phase: Running, podIP: 192.0.2.11, podIPs: [{ip: 192.0.2.11}]}}
`;
  const judge = engineJudge(buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: manifests }, { file: 'c.yaml', text: cluster }])));
  const pod = { ns: 'p0', ip: '192.0.2.11', role: 'workload', ref: 'x/a', side: '', label: 'pod x/a' };
  const peer = (side: string) => ({ ns: 'x0', ip: '198.51.100.1', role: 'external', ref: '198.51.100.1', side, label: `peer(${side})` });

  it('passes the interface the probe really crosses: the peer host\'s side', () => {
    // The same address behind eth0 meets the eth0 host endpoint's forward Deny; behind eth1 (no host endpoint) it does not.
    expect(judge.judge({ id: 'f0', source: peer('eth0'), destination: pod, protocol: 'TCP', port: 80 }).allowed).toBe(false);
    expect(judge.judge({ id: 'f1', source: peer('eth1'), destination: pod, protocol: 'TCP', port: 80 }).allowed).toBe(true);
  });
});

describe('flow choice', () => {
  const topology: Topology = {
    tag: 't', nodeNs: 'node',
    workloads: [{ id: 'x/a', interfaceName: 'cali1', ips: ['192.0.2.1'], ns: 'pa' }, { id: 'x/b', interfaceName: 'cali2', ips: ['192.0.2.2'], ns: 'pb' }],
    links: [
      { interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: ['203.0.113.1'], peerNs: 'pub' },
      { interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: ['198.51.100.1'], peerNs: 'priv' },
    ],
    destroy: async () => undefined,
  };
  const tcpOnly = { tcp: [22], udp: [], icmp: false };
  const flows = enumerateFlows(topology, {
    workloadPorts: tcpOnly, nodePorts: tcpOnly, externalPorts: tcpOnly, nodeRefs: new Map([['203.0.113.10', 'hostendpoint/pub']]), maxProbes: 1000,
  });
  const pairs = flows.map((f) => `${f.source.ip}>${f.destination.ip}`);

  it('never sends between the two sides without the node in between, nor from a host to itself', () => {
    expect(pairs).not.toContain('203.0.113.1>198.51.100.10');
    expect(pairs).not.toContain('203.0.113.1>198.51.100.1');
    expect(pairs).not.toContain('192.0.2.1>192.0.2.1');
    expect(pairs).toContain('203.0.113.1>203.0.113.10');
    expect(pairs).toContain('192.0.2.1>198.51.100.1');
  });

  it('counts: pod->pod 2, pod->node 4, node->pod 2 (first node address only), pod<->peer 8, peer->node 2, node->peer 2', () => {
    expect(flows).toHaveLength(20);
    expect(flows.find((f) => f.destination.ip === '203.0.113.10')?.destination.ref).toBe('hostendpoint/pub');
  });

  it('keeps at most maxProbes, spread over the list', () => {
    const capped = enumerateFlows(topology, {
      workloadPorts: tcpOnly, nodePorts: tcpOnly, externalPorts: tcpOnly, nodeRefs: new Map(), maxProbes: 5,
    });
    expect(capped).toHaveLength(5);
    expect(new Set(capped.map((f) => f.source.ns)).size).toBeGreaterThan(2);
  });
});
