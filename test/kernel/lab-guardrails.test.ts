// The lab's platform guardrails (examples/ibm-lab/guardrails.ts, ClusterNetworkPolicies in the
// Calico 3.32 tiers kube-admin and kube-baseline) on a real kernel: the lab plus the namespace
// owner's policies of test/examples/lab-guardrails.fixture.ts, each worker's plan loaded into
// network namespaces and probed. Every probe must agree with the engine (0 mismatches), and the
// wire shows the three tier behaviours.
//
// Expected values, by hand from what the chart declares (see test/examples/lab-guardrails.test.ts
// for which tier decides):
// - delegate-partner-block (Admin 20) passes egress to 203.0.113.128/28 down to the default tier,
//   where the owner's frontend-to-guarded-block and IBM's allow-egress-pods-public allow TCP 443;
// - deny-guarded-block (Admin 30) denies egress to 203.0.113.128/26, over the owner's Allow;
// - baseline-kube-system-closed (Baseline 10) denies the backend -> coredns TCP 9153 that the
//   owner's backend-to-kube-system-metrics allows at the source: kube-system has no policy, so the
//   baseline decides at coredns' ingress; DNS (always-allow-dns-ingress, Admin 10) still passes.
// Reach: one worker at a time, so the flows are between pods and hosts of that worker: worker-1
// (frontend-1 192.0.2.10, backend-1 192.0.2.11) and worker-3 (backend-2 192.0.2.138, coredns-1
// 192.0.2.130).
import { synthLab } from '../examples/lab-world';
import { DELEGATED_HOST, GUARDED_HOST, OWNER_OPENS_GUARDED_BLOCK } from '../examples/lab-guardrails.fixture';
import { NodeVerifyReport } from '../../lib/verify/compare';
import { describeFlow } from '../../lib/verify/flows';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const { files } = synthLab();
const sources = [...files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content })), OWNER_OPENS_GUARDED_BLOCK];

const INTERNET = '203.0.113.100'; // outside every guardrail's block
const PEERS = { eth1: [INTERNET, DELEGATED_HOST, GUARDED_HOST] };
const TCP_PORTS = [443, 8080, 9153];
const UDP_PORTS = [53];
const MAX_PROBES = 300;

/** `[source IP, destination IP, protocol, port, kernel lets it through, why]`. */
type Expectation = readonly [string, string, string, number, boolean, string];

const CASES: readonly { readonly node: string; readonly what: string; readonly expect: readonly Expectation[] }[] = [
  {
    node: 'worker-1',
    what: 'Pass to the namespace owners and an admin Deny over a namespace Allow',
    expect: [
      ['192.0.2.10', DELEGATED_HOST, 'TCP', 443, true, 'Pass, then the owner and IBM allow 443'],
      ['192.0.2.10', GUARDED_HOST, 'TCP', 443, false, 'admin Deny over the owner\'s Allow'],
      ['192.0.2.11', DELEGATED_HOST, 'TCP', 443, true, 'Pass, then IBM allows 443 for every pod'],
      ['192.0.2.11', DELEGATED_HOST, 'TCP', 8080, false, 'Pass, then the default tier drops it'],
      ['192.0.2.11', GUARDED_HOST, 'TCP', 443, false, 'admin Deny'],
      ['192.0.2.10', INTERNET, 'TCP', 443, true, 'no guardrail; IBM allows 443'],
    ],
  },
  {
    node: 'worker-3',
    what: 'a baseline Deny where no namespace policy selects the pod, DNS still accepted, the admin Deny for kube-system too',
    expect: [
      ['192.0.2.138', '192.0.2.130', 'TCP', 9153, false, 'baseline Deny at kube-system though the owner allows the egress'],
      ['192.0.2.138', '192.0.2.130', 'UDP', 53, true, 'always-allow-dns (Admin Accept) before the baseline'],
      ['192.0.2.130', DELEGATED_HOST, 'TCP', 443, true, 'Pass, then IBM allows 443'],
      ['192.0.2.130', GUARDED_HOST, 'TCP', 443, false, 'admin Deny, also for kube-system'],
      ['192.0.2.138', GUARDED_HOST, 'TCP', 443, false, 'admin Deny'],
    ],
  },
];

function probeOf(report: NodeVerifyReport, src: string, dst: string, protocol: string, port: number): { flow: string; kernel: string } {
  const hit = report.comparisons.filter((c) => c.flow.source.ip === src && c.flow.destination.ip === dst
    && c.flow.protocol === protocol && c.flow.port === port);
  if (hit.length !== 1) throw new Error(`${report.node}: expected one probe ${protocol}/${port} ${src} -> ${dst}, found ${hit.length}`);
  return { flow: describeFlow(hit[0].flow), kernel: hit[0].observed ? 'allowed' : 'denied' };
}

describe('kernel verification of the lab\'s guardrails (ClusterNetworkPolicy tiers)', () => {
  for (const c of CASES) {
    kernelIt(`${c.node}: ${c.what}, 0 mismatches`, async () => {
      const report = await verifyCluster({ sources, node: c.node, peers: PEERS, tcpPorts: TCP_PORTS, udpPorts: UDP_PORTS, maxProbes: MAX_PROBES });
      console.log(formatClusterReport(report));
      const node = report.nodes[0];
      for (const [src, dst, protocol, port, allowed, why] of c.expect) {
        const probe = probeOf(node, src, dst, protocol, port);
        expect({ ...probe, why }).toEqual({ flow: probe.flow, kernel: allowed ? 'allowed' : 'denied', why });
      }
      expect(report.compared).toBeGreaterThan(0);
      expect(report.compared).toBeLessThan(MAX_PROBES);
      expect(report.mismatches).toBe(0);
    }, 240000);
  }
});
