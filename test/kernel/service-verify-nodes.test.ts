// `netsec verify --cross-node` on a real kernel: the hand-written scenario of fixtures/services
// (ClusterIP, NodePort Cluster and Local, a LoadBalancer, named target ports, a Calico services
// rule) with w1 (client, web-1, web-2) and w2 (web-3) each built with its plan and kube-proxy rules
// and joined by their private interface eth0. Worked out by hand for the paths that cross nodes:
// - client (w1) -> ClusterIP 192.0.2.100:80 -> web-3:8080 on w2: the services rule admits Service
//   web's endpoints, web's ingress the client: allowed; web-1 (w1) -> the same: denied by web's ingress;
// - internet 203.0.113.200 -> w1 203.0.113.1:30080 (Cluster) -> web-3: masqueraded to w1's
//   InternalIP 192.0.2.1, not in 203.0.113.0/24: denied; -> 203.0.113.50:443 (LoadBalancer): denied;
//   -> 203.0.113.1:30090 (web-admin) -> web-3:9090 from 192.0.2.1: allowed;
// - internet -> w2 203.0.113.2:30090 -> web-1:9090 from w2's 192.0.2.2: denied (192.0.2.1/32 only);
// - internet -> w1 203.0.113.1:30082 (web-zone-b, Local, web-3 on w2 its only backend, port 9090):
//   w1 has no local backend, kube-proxy drops: denied (had w1 masqueraded and forwarded it as for
//   Cluster, web-3 would accept 9090 from 192.0.2.1);
// - web-local (Local, a backend on each node) is never sent to the other node: not probed across.
// Every probe must agree with the engine (0 mismatches).
import { readFileSync } from 'fs';
import { join } from 'path';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const sources = [{ file: 'services/scenario.yaml', text: readFileSync(join(__dirname, 'fixtures', 'services', 'scenario.yaml'), 'utf8') }];
const CLIENT = '198.51.100.20';
const WEB_1 = '198.51.100.10';
const WEB_3 = '198.51.100.12';
const INTERNET = '203.0.113.200';

describe('netsec verify --cross-node with Services, on a real kernel', () => {
  kernelIt('two joined nodes: Cluster to the other node (masqueraded), Local without a local backend (dropped); engine == kernel', async () => {
    const report = await verifyCluster({ sources, node: 'w1', crossNode: true, peers: { eth1: [INTERNET], eth0: ['192.0.2.200'] }, tcpPorts: [8080], udpPorts: [] });
    const text = formatClusterReport(report);
    console.log(text);
    const joined = report.nodes.filter((n) => n.joined !== undefined);
    expect(joined.map((n) => n.joined)).toEqual([['w1', 'w2']]);
    const across = joined[0].comparisons;
    const kernel = (src: string, dst: string, port: number, backend: string): string => {
      const hit = across.filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst && c.flow.port === port && c.flow.listen?.ip === backend);
      if (hit.length !== 1) throw new Error(`expected one probe ${src} -> ${dst}:${port} to ${backend}, found ${hit.length}`);
      return `${hit[0].observed ? 'allowed' : 'denied'} (${hit[0].observedDetail})`;
    };
    expect(kernel(CLIENT, '192.0.2.100', 80, WEB_3)).toMatch(/^allowed/);
    expect(kernel(WEB_1, '192.0.2.100', 80, WEB_3)).toMatch(/^denied/);
    expect(kernel(INTERNET, '203.0.113.1', 30080, WEB_3)).toMatch(/^denied/);
    expect(kernel(INTERNET, '203.0.113.50', 443, WEB_3)).toMatch(/^denied/);
    expect(kernel(INTERNET, '203.0.113.1', 30090, WEB_3)).toMatch(/^allowed/);
    expect(kernel(INTERNET, '203.0.113.2', 30090, WEB_1)).toMatch(/^denied/);
    expect(kernel(INTERNET, '203.0.113.1', 30082, WEB_3)).toMatch(/^denied/);
    expect(across.some((c) => c.flow.port === 30081)).toBe(false);
    expect(text).toMatch(/nodes w1 and w2 joined: compared [0-9]+ probes \([0-9]+ to Services, each through its pinned backend\), 0 mismatches/);
    expect(report.mismatches).toBe(0);
  }, 300000);
});
