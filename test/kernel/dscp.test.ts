// QoS DSCP on a real kernel: the plan's mangle cali-POSTROUTING jump and cali-egress-dscp set the
// DSCP bits of a pod's packets leaving the cluster (felix/rules/static.go, dscp.go, dscp_mgr.go).
// Worked out by hand: pod `marked` (192.0.2.21, annotation AF21 = DSCP 18) to the internet host
// 203.0.113.50 (outside the IPPool 192.0.2.0/24, not this host) is marked 18; to pod `plain`
// (192.0.2.22, inside the pool) it is not (0); `plain` (no annotation) to the internet host is 0.
// The receiving namespaces count arriving SYNs by DSCP with `-m dscp` rules of the test. No policy
// applies, so every probe connects; the engine, which DSCP does not concern, allows them too.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { runInNamespace } from '../../lib/verify/exec';
import { modelOf, withNode } from './felix-world';
import { kernelIt } from './support';

const MARKED = '192.0.2.21';
const PLAIN = '192.0.2.22';
const PEER = '203.0.113.50';

const pod = (name: string, ip: string, annotations: object): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: {}, annotations },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});

const docs = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
  { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '192.0.2.0/24', ipipMode: 'Never', vxlanMode: 'Never' } },
  pod('marked', MARKED, { 'qos.projectcalico.org/dscp': 'AF21' }),
  pod('plain', PLAIN, {}),
];

/** SYNs counted per source and DSCP value by the `-m dscp` rules in the namespace's mangle PREROUTING. */
async function counts(ns: string): Promise<Map<string, number>> {
  const saved = await runInNamespace(ns, ['iptables-save', '-c', '-t', 'mangle'], { timeoutMs: 10000 });
  const out = new Map<string, number>();
  for (const m of saved.stdout.matchAll(/^\[(\d+):\d+\] -A PREROUTING -s (\S+)\/32 .*--dscp (0x[0-9a-f]+)$/gm)) {
    out.set(`${m[2]} ${parseInt(m[3], 16)}`, Number(m[1]));
  }
  return out;
}

async function countRules(ns: string, sources: readonly string[]): Promise<void> {
  for (const src of sources) {
    for (const value of [0, 18]) {
      await runInNamespace(ns, ['iptables', '-t', 'mangle', '-A', 'PREROUTING', '-s', src, '-p', 'tcp', '--syn', '--dport', '80',
        '-m', 'dscp', '--dscp', String(value)], { timeoutMs: 10000 });
    }
  }
}

describe('QoS DSCP, on a real kernel', () => {
  kernelIt('a pod with the annotation leaves the cluster with its DSCP bits set; not towards a pool, not without the annotation', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, 'worker-1');
    expect(plan.iptables).toContain('--source 192.0.2.21 --jump DSCP --set-dscp 18');
    const byId = new Map(plan.endpoints.endpoints.map((e) => [e.id, e.interface]));
    const topology = {
      workloads: [
        { id: 'app/marked', interfaceName: byId.get('app/marked') ?? '', ips: [MARKED] },
        { id: 'app/plain', interfaceName: byId.get('app/plain') ?? '', ips: [PLAIN] },
      ],
      links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: [PEER] }],
    };
    await withNode(topology, plan, async (t) => {
      const ns = (id: string): string => t.workloads.find((w) => w.id === id)?.ns ?? '';
      const peerNs = t.links[0].peerNs;
      await countRules(peerNs, [MARKED, PLAIN]);
      await countRules(ns('app/plain'), [MARKED]);
      const peer = await startListener(peerNs, [{ ip: PEER, port: 80 }], [], 60);
      const plainListener = await startListener(ns('app/plain'), [{ ip: PLAIN, port: 80 }], [], 60);
      try {
        const probe = (id: string, src: string, dst: string) => ({ id, proto: 'tcp', src, dst, port: 80, ident: 0 });
        const fromMarked = await runAgentProbes(ns('app/marked'), [probe('out', MARKED, PEER), probe('pool', MARKED, PLAIN)], 1.5, 2);
        const fromPlain = await runAgentProbes(ns('app/plain'), [probe('plain-out', PLAIN, PEER)], 1.5, 1);
        expect([...fromMarked, ...fromPlain].map((r) => [r.id, r.ok])).toEqual([['out', true], ['pool', true], ['plain-out', true]]);
      } finally {
        peer.stop();
        plainListener.stop();
      }
      const atPeer = await counts(peerNs);
      const atPlain = await counts(ns('app/plain'));
      // each probe is one connection: one SYN (a retransmission would only add to the same counter)
      expect([atPeer.get(`${MARKED} 18`), atPeer.get(`${MARKED} 0`), atPeer.get(`${PLAIN} 0`), atPeer.get(`${PLAIN} 18`)].map((n) => (n ?? 0) > 0))
        .toEqual([true, false, true, false]);
      expect([atPlain.get(`${MARKED} 0`), atPlain.get(`${MARKED} 18`)].map((n) => (n ?? 0) > 0)).toEqual([true, false]);
    });
    const allowed = (src: string, dst: string): boolean => evaluateFlow(model, buildFlow(model, { from: src, to: dst, protocol: 'TCP', port: 80 })).allowed;
    expect([allowed(MARKED, PEER), allowed(MARKED, PLAIN), allowed(PLAIN, PEER)]).toEqual([true, true, true]);
  }, 120000);
});
