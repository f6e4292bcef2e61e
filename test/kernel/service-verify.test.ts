// `netsec verify` with Services on a real kernel: the hand-written scenario of fixtures/services
// (ClusterIP, NodePort with externalTrafficPolicy Cluster and Local, a LoadBalancer, named target
// ports and a Calico `services` rule) on node w1, kube-proxy's rules loaded once per backend
// (pinned). Worked out by hand, for each of w1's backends web-1 and web-2:
// - client -> ClusterIP 192.0.2.100:80: DNAT to the backend's 8080; client's egress allows the
//   endpoints of Service web (a services rule), web's ingress allows the client: allowed;
// - web-1 -> ClusterIP -> web-2 (and back): web's ingress allows neither: denied;
// - internet 203.0.113.200 -> 203.0.113.1:30080 (Cluster) and :30081 (Local), -> 203.0.113.50:443
//   (LoadBalancer): DNAT to the backend, whose policy sees the client (MASQUERADE runs after the
//   filter chains), in 203.0.113.0/24: allowed;
// - private host 192.0.2.200 -> 192.0.2.1:30080 and -> 203.0.113.50:443: not in 203.0.113.0/24: denied.
// The engine must agree with every probe (0 mismatches).
import { readFileSync } from 'fs';
import { join } from 'path';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const sources = [{ file: 'services/scenario.yaml', text: readFileSync(join(__dirname, 'fixtures', 'services', 'scenario.yaml'), 'utf8') }];
const WEB = { 'web-1': '198.51.100.10', 'web-2': '198.51.100.11' };
const CLIENT = '198.51.100.20';
const INTERNET = '203.0.113.200';
const PRIVATE = '192.0.2.200';

describe('netsec verify with Services, on a real kernel', () => {
  kernelIt('ClusterIP, nodePort (Cluster, Local) and LoadBalancer probes per pinned backend agree with the engine', async () => {
    const report = await verifyCluster({ sources, node: 'w1', peers: { eth1: [INTERNET], eth0: [PRIVATE] }, tcpPorts: [8080], udpPorts: [] });
    const text = formatClusterReport(report);
    console.log(text);
    const services = report.nodes.flatMap((n) => n.comparisons).filter((c) => c.flow.service !== undefined);
    const kernel = (src: string, dst: string, port: number, backend: string): boolean => {
      const hit = services.filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst
        && c.flow.port === port && c.flow.listen?.ip === backend);
      if (hit.length !== 1) throw new Error(`expected one probe ${src} -> ${dst}:${port} to ${backend}, found ${hit.length}`);
      return hit[0].observed;
    };
    for (const [name, ip] of Object.entries(WEB)) {
      expect([name, kernel(CLIENT, '192.0.2.100', 80, ip)]).toEqual([name, true]);
      expect([name, kernel(INTERNET, '203.0.113.1', 30080, ip)]).toEqual([name, true]);
      expect([name, kernel(INTERNET, '203.0.113.1', 30081, ip)]).toEqual([name, true]);
      expect([name, kernel(INTERNET, '203.0.113.50', 443, ip)]).toEqual([name, true]);
      expect([name, kernel(PRIVATE, '192.0.2.1', 30080, ip)]).toEqual([name, false]);
      expect([name, kernel(PRIVATE, '203.0.113.50', 443, ip)]).toEqual([name, false]);
    }
    expect(kernel(WEB['web-1'], '192.0.2.100', 80, WEB['web-2'])).toBe(false);
    expect(kernel(WEB['web-2'], '192.0.2.100', 80, WEB['web-1'])).toBe(false);
    // web-3 runs on w2, which this single-node run does not build: no probe is sent to it
    expect(services.some((c) => c.flow.listen?.ip === '198.51.100.12')).toBe(false);
    expect(text).toMatch(/node w1: compared [0-9]+ probes \([0-9]+ to Services, each through its pinned backend\), 0 mismatches/);
    expect(report.mismatches).toBe(0);
  }, 240000);
});
