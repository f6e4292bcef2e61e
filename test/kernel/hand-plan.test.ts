// The topology and probe layer against a hand-written plan (fixtures/hand) whose verdicts are
// worked out by hand below: this checks the harness itself, independently of the renderer/engine.
import { readFileSync } from 'fs';
import { join } from 'path';
import { FlowJudge, formatNodeReport } from '../../lib/verify/compare';
import { ProbeFlow } from '../../lib/verify/flows';
import { listNamespaces } from '../../lib/verify/namespaces';
import { runNodeVerification } from '../../lib/verify/run';
import { kernelIt } from './support';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'hand', name), 'utf8');

const POD_A = { id: 'app/a', interfaceName: 'calia0000000001', ips: ['192.0.2.11'] };
const POD_B = { id: 'app/b', interfaceName: 'calib0000000002', ips: ['192.0.2.12'] };
const PUBLIC = { interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: ['203.0.113.1', '203.0.113.66'] };
const PRIVATE = { interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: ['198.51.100.1'] };

/** The plan's meaning, read off fixtures/hand/plan.iptables rule by rule. */
function handVerdict(flow: ProbeFlow): boolean {
  const { source: s, destination: d } = flow;
  // INPUT: only traffic arriving on eth1 is filtered (node-originated replies are ESTABLISHED).
  if (d.ip === '203.0.113.10' && s.role === 'external') {
    return (flow.protocol === 'TCP' && flow.port === 10250) || flow.protocol === 'ICMP';
  }
  // FORWARD to pod b: only TCP/80 from pod a's address (ipset hand-a). The node's own traffic
  // to pod b is OUTPUT, not FORWARD.
  if (d.ref === 'app/b' && s.role !== 'node') return s.ip === '192.0.2.11' && flow.protocol === 'TCP' && flow.port === 80;
  // FORWARD from pod a out of eth1: UDP dropped.
  if (s.ref === 'app/a' && d.side === 'eth1' && d.role === 'external') return flow.protocol !== 'UDP';
  return true;
}

const judge: FlowJudge = { judge: (flow) => ({ allowed: handVerdict(flow), explanation: 'hand-written verdict' }) };

describe('kernel harness with a hand-written plan', () => {
  kernelIt('builds the node, pods and peers, probes TCP/UDP/ICMP and matches the hand verdicts', async () => {
    const report = await runNodeVerification({
      node: 'hand-node',
      plan: { iptables: fixture('plan.iptables'), ipsets: fixture('plan.ipsets') },
      topology: { workloads: [POD_A, POD_B], links: [PUBLIC, PRIVATE] },
      judge,
      flows: {
        workloadPorts: { tcp: [80, 8080], udp: [53], icmp: true },
        nodePorts: { tcp: [22, 10250], udp: [53], icmp: true },
        externalPorts: { tcp: [443], udp: [5353], icmp: true },
        nodeRefs: new Map(),
        maxProbes: 1000,
      },
    });
    console.log(formatNodeReport(report));
    const seen = (pred: (f: ProbeFlow) => boolean): boolean[] => report.comparisons.filter((c) => pred(c.flow)).map((c) => c.observed);
    // The points the plan was written for, observed on the wire:
    expect(seen((f) => f.destination.ip === '203.0.113.10' && f.source.role === 'external' && f.port === 22)).toEqual([false, false]);
    expect(seen((f) => f.destination.ip === '203.0.113.10' && f.source.role === 'external' && f.port === 10250)).toEqual([true, true]);
    expect(seen((f) => f.source.ref === 'app/a' && f.destination.ref === 'app/b' && f.port === 80)).toEqual([true]);
    expect(seen((f) => f.source.ref === 'app/a' && f.destination.ref === 'app/b' && f.port === 8080)).toEqual([false]);
    // 2 pods, node eth1/eth0, peers 2+1 addresses: pod->pod 8, pod->node 16, pod->peer 18,
    // peer->pod 24, peer->node 12, node->peer 9, node->pod 8.
    expect(report.comparisons.length).toBe(95);
    expect(report.mismatches).toEqual([]);
    // Nothing left behind.
    expect((await listNamespaces()).filter((n) => n.startsWith(`nsec-${process.pid.toString(36)}-`))).toEqual([]);
  }, 180000);
});
