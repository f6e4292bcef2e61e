// Parts of the harness that need no kernel: the address guard, the scenario generator, flow choice.
import { assertDocumentationAddresses, isDocumentationAddress } from '../../lib/verify/addresses';
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
