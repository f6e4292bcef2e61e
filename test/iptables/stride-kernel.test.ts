// In the compact layout endpoint chains check "Return if policy accepted" before every 5th policy jump
// and at the end of a tier, not after each jump as Felix's layout does (lib/iptables/endpoint-chains.ts);
// both layouts are checked here. The random kernel scenarios have at
// most 4 jumps in a tier, so this one puts 12 policies with different selectors (12 jumps) in front
// of one pod and probes a port that each of them decides, on a real kernel.
import { dump } from 'js-yaml';
import { verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from '../kernel/support';

// All select the target pod (role=target, zone=a) and not the client pod; each is its own group.
const SELECTORS = [
  "role == 'target'", 'has(role)', "role in {'target'}", "zone == 'a'", 'has(zone)', "zone in {'a'}",
  "role == 'target' && has(zone)", "zone == 'a' && has(role)", "role != 'other' && has(role)", "!has(client) && has(role)",
  "zone != 'b' && has(zone)", "role == 'target' && zone == 'a'",
];
// Policy i (1-based, i < 12) decides TCP port 8000+i: Allow, except 7 (Pass: on to the namespace
// profile, which allows) and 9 (Deny). Policy 12 denies 8001-8012, so a packet that an earlier
// policy accepted or passed is dropped if the chain ever reaches jump 12 for it.
const action = (i: number): string => (i === 7 ? 'Pass' : i === 9 || i === 12 ? 'Deny' : 'Allow');

function gnp(i: number): object {
  const ports = i === 12 ? ['8001:8012'] : [8000 + i];
  return {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: `p${i}` },
    spec: { order: i * 10, selector: SELECTORS[i - 1], types: ['Ingress'], ingress: [{ action: action(i), protocol: 'TCP', destination: { ports } }] },
  };
}

function pod(name: string, ip: string, labels: object): object {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels },
    spec: { nodeName: 'worker-1', containers: [{ name: 'main' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  };
}

const inventory = {
  apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } } },
    {
      apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: { 'kubernetes.io/hostname': 'worker-1' } },
      status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] },
    },
    pod('target', '192.0.2.11', { role: 'target', zone: 'a' }),
    pod('client', '192.0.2.12', { client: 'yes' }),
  ],
};

describe('endpoint chain with more than 5 policy jumps in a tier, on a real kernel', () => {
  for (const layout of ['felix', 'compact'] as const) kernelIt(`${layout} layout: the first policy to decide a port wins, before and after the accept checks, as the engine says`, async () => {
    const ports = Array.from({ length: 12 }, (_, k) => 8001 + k);
    const report = await verifyCluster({
      sources: [
        { file: 'stride/manifests.yaml', text: Array.from({ length: 12 }, (_, k) => dump(gnp(k + 1))).join('---\n') },
        { file: 'stride/inventory.yaml', text: dump(inventory) },
      ],
      node: 'worker-1', tcpPorts: [...ports, 8100], udpPorts: [], peers: { eth0: ['198.51.100.1'] }, layout,
    });
    const fromClient = report.nodes.flatMap((n) => n.comparisons)
      .filter((c) => c.flow.source.ref === 'shop/client' && c.flow.destination.ref === 'shop/target' && c.flow.protocol === 'TCP');
    const verdict = (port: number): boolean | undefined => fromClient.find((c) => c.flow.port === port)?.observed;
    // worked out by hand: the first policy that matches decides; Pass goes on to the namespace
    // profile (allows); 8009 and 8012 are denied (policies 9 and 12); a port no policy names
    // reaches the end-of-tier drop
    for (const p of ports) expect([p, verdict(p)]).toEqual([p, p !== 8009 && p !== 8012]);
    expect(verdict(8100)).toBe(false);
    expect(report.mismatches).toBe(0);
  }, 240000);
});
