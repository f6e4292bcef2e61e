// The real lab (examples/ibm-lab) with `netsec verify --cross-node` on a real kernel: each worker is
// verified, then every two are joined by eth0 (their private interface, with its host endpoint's
// policy), each node with its plan and kube-proxy rules: worker-1 (frontend-1, backend-1), worker-2
// (frontend-2, db-0), worker-3 (coredns-1, backend-2, no frontend). Worked out by hand from the lab
// (guestbook: default deny; frontend -> backend api 9000; backend -> db; the frontend's NodePort 30080 and LoadBalancer
// 203.0.113.50:80 are externalTrafficPolicy Local; ClusterIP backend 198.51.100.100:80 -> api):
// - frontend-1 (worker-1) and frontend-2 (worker-2) -> 198.51.100.100:80 -> backend-2:9000 on
//   worker-3: allowed by the frontend's egress and the backend's ingress;
// - backend-1 (worker-1) and db-0 (worker-2) -> the same: denied (their egress allows neither);
// - frontend-2 (worker-2) -> 198.51.100.100:80 -> backend-1:9000 on worker-1: allowed; db-0, and
//   coredns-1 and backend-2 (worker-3), -> the same: denied;
// - the internet 203.0.113.100 and the denied CIDR's 203.0.113.230 -> worker-3 203.0.113.13:30080 and
//   -> 203.0.113.50:80: worker-3 has no frontend, kube-proxy drops (Local): denied, for frontend-1
//   and frontend-2 alike.
// Every probe must agree with the engine (0 mismatches).
import { BACKEND_CLUSTER_IP } from '../../examples/ibm-lab/addresses';
import { synthLab } from '../examples/lab-world';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const { files } = synthLab();
const sources = files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }));
const INTERNET = '203.0.113.100';
const BAD = '203.0.113.230';
const POD = { 'frontend-1': '192.0.2.10', 'backend-1': '192.0.2.11', 'frontend-2': '192.0.2.74', 'db-0': '192.0.2.75', 'coredns-1': '192.0.2.130', 'backend-2': '192.0.2.138' };

describe('the lab\'s Services across two joined workers, on a real kernel', () => {
  kernelIt('every two workers joined: the ClusterIP to the other worker\'s backend, Local dropped where no frontend runs; engine == kernel', async () => {
    const report = await verifyCluster({
      sources, crossNode: true, peers: { eth1: [INTERNET, BAD], eth0: ['198.51.100.50'] }, tcpPorts: [8080, 9000], udpPorts: [],
    });
    const text = formatClusterReport(report);
    console.log(text);
    expect(report.nodes.map((n) => n.joined ?? n.node)).toEqual(['worker-1', 'worker-2', 'worker-3', ['worker-1', 'worker-2'], ['worker-1', 'worker-3'], ['worker-2', 'worker-3']]);
    const across = report.nodes.filter((n) => n.joined !== undefined).flatMap((n) => n.comparisons);
    const probes = (src: string, dst: string, port: number, backend: string): string[] => across
      .filter((c: ProbeComparison) => c.flow.source.ip === src && c.flow.destination.ip === dst && c.flow.port === port && c.flow.listen?.ip === backend)
      .map((c) => (c.observed ? 'allowed' : 'denied'));
    const api = (from: keyof typeof POD, to: keyof typeof POD): string[] => probes(POD[from], BACKEND_CLUSTER_IP, 80, POD[to]);
    expect(api('frontend-1', 'backend-2')).toEqual(['allowed']);
    expect(api('frontend-2', 'backend-2')).toEqual(['allowed']);
    expect(api('frontend-2', 'backend-1')).toEqual(['allowed']);
    expect(api('db-0', 'backend-1')).toEqual(['denied']);
    expect(api('backend-1', 'backend-2')).toEqual(['denied']);
    expect(api('db-0', 'backend-2')).toEqual(['denied']);
    expect(api('coredns-1', 'backend-1')).toEqual(['denied']);
    expect(api('backend-2', 'backend-1')).toEqual(['denied']);
    for (const src of [INTERNET, BAD]) {
      for (const frontend of ['frontend-1', 'frontend-2'] as const) {
        expect([src, frontend, probes(src, '203.0.113.13', 30080, POD[frontend])]).toEqual([src, frontend, ['denied']]);
        expect([src, frontend, probes(src, '203.0.113.50', 80, POD[frontend])]).toEqual([src, frontend, ['denied']]);
      }
    }
    expect(text).toMatch(/nodes worker-1 and worker-2 joined: compared [0-9]+ probes .*, 0 mismatches/);
    expect(text).toMatch(/nodes worker-1 and worker-3 joined: compared [0-9]+ probes .*, 0 mismatches/);
    expect(text).toMatch(/nodes worker-2 and worker-3 joined: compared [0-9]+ probes .*, 0 mismatches/);
    expect(report.mismatches).toBe(0);
  }, 400000);
});
