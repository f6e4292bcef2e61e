// loadBalancerSourceRanges and sessionAffinity ClientIP on a real kernel (netsec verify, node w1 of
// fixtures/services/scenario.yaml with the LoadBalancer web-lb narrowed and made sticky). kube-proxy's
// rules (test/engine/service-affinity-ranges.test.ts cites proxier.go) are loaded pinned per backend:
// the LoadBalancer IP jumps to KUBE-FW-*, sources in 203.0.113.0/25 go on to KUBE-EXT-* and are DNATed,
// others stay addressed to 203.0.113.50 and KUBE-PROXY-FIREWALL drops them; KUBE-SEP-* DNAT sets the
// `-m recent` list. Worked out by hand, for each of w1's backends web-1 and web-2:
// - 203.0.113.100 (in the range) -> 203.0.113.50:443: DNAT, web's ingress allows 203.0.113.0/24: allowed;
// - 203.0.113.200 (outside the range, but in web's /24) -> 203.0.113.50:443: dropped by the firewall;
// - 203.0.113.200 -> 203.0.113.1:30443 (the same Service's nodePort): the ranges do not apply: allowed.
// The engine must agree with every probe (0 mismatches).
import { readFileSync } from 'fs';
import { join } from 'path';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const scenario = readFileSync(join(__dirname, 'fixtures', 'services', 'scenario.yaml'), 'utf8');
const LB = 'spec: {type: LoadBalancer, clusterIP: 192.0.2.103, externalTrafficPolicy: Cluster, selector: {app: web}, ';
if (!scenario.includes(LB)) throw new Error('the scenario\'s web-lb changed; update this test');
const narrowed = scenario.replace(LB, `${LB}loadBalancerSourceRanges: [203.0.113.0/25], sessionAffinity: ClientIP, `);
const sources = [{ file: 'services/scenario-firewall.yaml', text: narrowed }];
const WEB = { 'web-1': '198.51.100.10', 'web-2': '198.51.100.11' };
const IN_RANGE = '203.0.113.100';
const OUT_OF_RANGE = '203.0.113.200';

describe('loadBalancerSourceRanges and sessionAffinity on a real kernel', () => {
  kernelIt('the firewall drops sources outside the ranges on the LoadBalancer IP only; 0 mismatches', async () => {
    const report = await verifyCluster({ sources, node: 'w1', peers: { eth1: [IN_RANGE, OUT_OF_RANGE], eth0: ['192.0.2.200'] }, tcpPorts: [8080], udpPorts: [] });
    console.log(formatClusterReport(report));
    const services = report.nodes.flatMap((n) => n.comparisons).filter((c) => c.flow.service !== undefined);
    const kernel = (src: string, dst: string, port: number, backend: string): boolean => {
      const hit = services.filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst
        && c.flow.port === port && c.flow.listen?.ip === backend);
      if (hit.length !== 1) throw new Error(`expected one probe ${src} -> ${dst}:${port} to ${backend}, found ${hit.length}`);
      return hit[0].observed;
    };
    for (const [name, ip] of Object.entries(WEB)) {
      expect([name, kernel(IN_RANGE, '203.0.113.50', 443, ip)]).toEqual([name, true]);
      expect([name, kernel(OUT_OF_RANGE, '203.0.113.50', 443, ip)]).toEqual([name, false]);
      expect([name, kernel(OUT_OF_RANGE, '203.0.113.1', 30443, ip)]).toEqual([name, true]);
    }
    expect(report.mismatches).toBe(0);
  }, 300000);
});
