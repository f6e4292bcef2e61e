// The tenants guardrails example (examples/guardrails-tenants/) on a real kernel: worker-1's plan
// loaded into network namespaces and probed between its pods (tenant-a/web-a 192.0.2.10,
// tenant-b/api-b 192.0.2.20, tenant-c/job-c 192.0.2.30, monitoring/prometheus-0 192.0.2.40,
// kube-system/coredns-1 192.0.2.50). Every probe must agree with the engine (0 mismatches), and
// the wire shows the three guardrails.
//
// Expected values, by hand from what the chart declares (test/examples/guardrails-tenants.test.ts
// has which tier decides):
// - monitoring-always-in (Admin 15, Accept): monitoring reaches tenant-a through tenant-a's
//   default deny;
// - isolate-tenants-<t> (Admin 40, Deny): tenant-c cannot reach tenant-b, whose app team allows
//   all ingress; tenant-b cannot reach tenant-c;
// - always-allow-dns (Admin 10, Accept): tenant-a asks kube-dns on UDP and TCP 53 despite its
//   default deny, while its TCP 8080 to kube-system is dropped by that default deny.
import { describeFlow } from '../../lib/verify/flows';
import { NodeVerifyReport } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { synthTenants, tenantsSources } from '../examples/tenants-world';
import { kernelIt } from './support';

const sources = tenantsSources(synthTenants());
const TCP_PORTS = [53, 8080];
const UDP_PORTS = [53];
const MAX_PROBES = 300;
// no off-node peers: the flows are between the worker and its pods
const PEERS = { eth0: [], eth1: [] };

/** `[source IP, destination IP, protocol, port, kernel lets it through, why]`. */
type Expectation = readonly [string, string, string, number, boolean, string];

const EXPECT: readonly Expectation[] = [
  ['192.0.2.40', '192.0.2.10', 'TCP', 8080, true, 'monitoring always in: admin Accept over tenant-a\'s default deny'],
  ['192.0.2.40', '192.0.2.20', 'TCP', 8080, true, 'monitoring always in'],
  ['192.0.2.50', '192.0.2.10', 'TCP', 8080, false, 'kube-system is not monitoring: tenant-a\'s default deny'],
  ['192.0.2.30', '192.0.2.20', 'TCP', 8080, false, 'tenants apart: admin Deny over tenant-b\'s allow-all'],
  ['192.0.2.20', '192.0.2.30', 'TCP', 8080, false, 'tenants apart'],
  ['192.0.2.50', '192.0.2.20', 'TCP', 8080, true, 'not a tenant: tenant-b\'s allow-all'],
  ['192.0.2.10', '192.0.2.50', 'UDP', 53, true, 'DNS always allowed, despite tenant-a\'s default deny'],
  ['192.0.2.10', '192.0.2.50', 'TCP', 53, true, 'DNS always allowed (TCP)'],
  ['192.0.2.10', '192.0.2.50', 'TCP', 8080, false, 'tenant-a\'s default deny'],
];

function probeOf(report: NodeVerifyReport, src: string, dst: string, protocol: string, port: number): { flow: string; kernel: string } {
  const hit = report.comparisons.filter((c) => c.flow.source.ip === src && c.flow.destination.ip === dst
    && c.flow.protocol === protocol && c.flow.port === port);
  if (hit.length !== 1) throw new Error(`${report.node}: expected one probe ${protocol}/${port} ${src} -> ${dst}, found ${hit.length}`);
  return { flow: describeFlow(hit[0].flow), kernel: hit[0].observed ? 'allowed' : 'denied' };
}

describe('kernel verification of the tenants guardrails (ClusterNetworkPolicy kube-admin tier)', () => {
  kernelIt('worker-1: monitoring always in, tenants apart, DNS always allowed, 0 mismatches', async () => {
    const report = await verifyCluster({ sources, node: 'worker-1', peers: PEERS, tcpPorts: TCP_PORTS, udpPorts: UDP_PORTS, maxProbes: MAX_PROBES });
    console.log(formatClusterReport(report));
    const node = report.nodes[0];
    for (const [src, dst, protocol, port, allowed, why] of EXPECT) {
      const probe = probeOf(node, src, dst, protocol, port);
      expect({ ...probe, why }).toEqual({ flow: probe.flow, kernel: allowed ? 'allowed' : 'denied', why });
    }
    expect(report.compared).toBeGreaterThan(0);
    expect(report.compared).toBeLessThan(MAX_PROBES);
    expect(report.mismatches).toBe(0);
  }, 240000);
});
