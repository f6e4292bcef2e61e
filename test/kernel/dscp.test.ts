// QoS DSCP on a real kernel: the plan's mangle cali-POSTROUTING jump and cali-egress-dscp set the
// DSCP bits of a pod's packets leaving the cluster (felix/rules/static.go, dscp.go, dscp_mgr.go).
// Worked out by hand: pod `marked` (192.0.2.21, annotation AF21 = DSCP 18) to the internet host
// 203.0.113.50 (outside the IPPool 192.0.2.0/24, not this host) is marked 18; to pod `plain`
// (192.0.2.22, inside the pool) it is not (0); `plain` (no annotation) to the internet host is 0.
// The same in IPv6 with the pods' second addresses (pool 2001:db8:1::/64, internet host 2001:db8:2::50).
// The receiving namespaces count arriving SYNs by DSCP with `-m dscp` rules of the test. No policy
// applies, so every probe connects; the engine, which DSCP does not concern, allows them too.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { runInNamespace } from '../../lib/verify/exec';
import { modelOf, withNode } from './felix-world';
import { kernelIt } from './support';

interface Family {
  readonly name: string;
  readonly marked: string;
  readonly plain: string;
  readonly peer: string;
  readonly nodeIp: string;
}

const FAMILIES: readonly Family[] = [
  { name: 'IPv4', marked: '192.0.2.21', plain: '192.0.2.22', peer: '203.0.113.50', nodeIp: '203.0.113.10' },
  { name: 'IPv6', marked: '2001:db8:1::21', plain: '2001:db8:1::22', peer: '2001:db8:2::50', nodeIp: '2001:db8:2::10' },
];
const [V4, V6] = FAMILIES;

const pod = (name: string, ips: readonly string[], annotations: object): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: {}, annotations },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) },
});

const docs = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
  { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '192.0.2.0/24', ipipMode: 'Never', vxlanMode: 'Never' } },
  { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods6' }, spec: { cidr: '2001:db8:1::/64', ipipMode: 'Never', vxlanMode: 'Never' } },
  pod('marked', [V4.marked, V6.marked], { 'qos.projectcalico.org/dscp': 'AF21' }),
  pod('plain', [V4.plain, V6.plain], {}),
];

const v6 = (ip: string): boolean => ip.includes(':');

/** SYNs counted per source and DSCP value by the `-m dscp` rules in the namespace's mangle PREROUTING. */
async function counts(ns: string, ipv6: boolean): Promise<Map<string, number>> {
  const saved = await runInNamespace(ns, [ipv6 ? 'ip6tables-save' : 'iptables-save', '-c', '-t', 'mangle'], { timeoutMs: 10000 });
  const out = new Map<string, number>();
  for (const m of saved.stdout.matchAll(/^\[(\d+):\d+\] -A PREROUTING -s (\S+)\/(?:32|128) .*--dscp (0x[0-9a-f]+)$/gm)) {
    out.set(`${m[2]} ${parseInt(m[3], 16)}`, Number(m[1]));
  }
  return out;
}

async function countRules(ns: string, sources: readonly string[]): Promise<void> {
  for (const src of sources) {
    for (const value of [0, 18]) {
      await runInNamespace(ns, [v6(src) ? 'ip6tables' : 'iptables', '-t', 'mangle', '-A', 'PREROUTING', '-s', src, '-p', 'tcp', '--syn', '--dport', '80',
        '-m', 'dscp', '--dscp', String(value)], { timeoutMs: 10000 });
    }
  }
}

describe('QoS DSCP, on a real kernel', () => {
  kernelIt('a pod with the annotation leaves the cluster with its DSCP bits set, IPv4 and IPv6; not towards a pool, not without the annotation', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, 'worker-1');
    expect(plan.iptables).toContain('--source 192.0.2.21 --jump DSCP --set-dscp 18');
    expect(plan.ip6tables).toContain('--source 2001:db8:1::21 --jump DSCP --set-dscp 18');
    const byId = new Map(plan.endpoints.endpoints.map((e) => [e.id, e.interface]));
    const topology = {
      workloads: [
        { id: 'app/marked', interfaceName: byId.get('app/marked') ?? '', ips: [V4.marked, V6.marked] },
        { id: 'app/plain', interfaceName: byId.get('app/plain') ?? '', ips: [V4.plain, V6.plain] },
      ],
      links: [{ interfaceName: 'eth1', nodeIps: [V4.nodeIp, V6.nodeIp], peerIps: [V4.peer, V6.peer] }],
    };
    await withNode(topology, plan, async (t) => {
      const ns = (id: string): string => t.workloads.find((w) => w.id === id)?.ns ?? '';
      const peerNs = t.links[0].peerNs;
      for (const f of FAMILIES) {
        await countRules(peerNs, [f.marked, f.plain]);
        await countRules(ns('app/plain'), [f.marked]);
      }
      const peer = await startListener(peerNs, FAMILIES.map((f) => ({ ip: f.peer, port: 80 })), [], 60);
      const plainListener = await startListener(ns('app/plain'), FAMILIES.map((f) => ({ ip: f.plain, port: 80 })), [], 60);
      try {
        const probe = (id: string, src: string, dst: string) => ({ id, proto: 'tcp', src, dst, port: 80, ident: 0 });
        const fromMarked = await runAgentProbes(ns('app/marked'), FAMILIES.flatMap((f) => [probe(`${f.name} out`, f.marked, f.peer), probe(`${f.name} pool`, f.marked, f.plain)]), 1.5, 4);
        const fromPlain = await runAgentProbes(ns('app/plain'), FAMILIES.map((f) => probe(`${f.name} plain-out`, f.plain, f.peer)), 1.5, 2);
        expect([...fromMarked, ...fromPlain].map((r) => [r.id, r.ok])).toEqual([
          ['IPv4 out', true], ['IPv4 pool', true], ['IPv6 out', true], ['IPv6 pool', true], ['IPv4 plain-out', true], ['IPv6 plain-out', true],
        ]);
      } finally {
        peer.stop();
        plainListener.stop();
      }
      for (const f of FAMILIES) {
        const ipv6 = f === V6;
        const atPeer = await counts(peerNs, ipv6);
        const atPlain = await counts(ns('app/plain'), ipv6);
        const seen = (m: Map<string, number>, src: string, value: number): boolean => (m.get(`${src} ${value}`) ?? 0) > 0;
        // each probe is one connection: one SYN (a retransmission would only add to the same counter)
        expect([f.name, seen(atPeer, f.marked, 18), seen(atPeer, f.marked, 0), seen(atPeer, f.plain, 0), seen(atPeer, f.plain, 18)])
          .toEqual([f.name, true, false, true, false]);
        expect([f.name, seen(atPlain, f.marked, 0), seen(atPlain, f.marked, 18)]).toEqual([f.name, true, false]);
      }
    });
    const allowed = (src: string, dst: string): boolean => evaluateFlow(model, buildFlow(model, { from: src, to: dst, protocol: 'TCP', port: 80 })).allowed;
    expect(FAMILIES.flatMap((f) => [allowed(f.marked, f.peer), allowed(f.marked, f.plain), allowed(f.plain, f.peer)])).toEqual([true, true, true, true, true, true]);
  }, 120000);
});
