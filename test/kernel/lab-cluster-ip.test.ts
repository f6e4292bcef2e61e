// A pod -> ClusterIP probe in the real lab (examples/ibm-lab) on a real kernel, through the lab's own
// ClusterIP Service `guestbook/backend`: the backend's named port api (9000) behind
// 198.51.100.100:80. netsec verify loads kube-proxy's rules pinned to each local backend. Worked out
// by hand from the guestbook's policies (frontend -> backend api allowed at both ends; backend's
// ingress from the frontend only):
// - worker-1: frontend-1 -> 198.51.100.100:80 -> backend-1:9000: allowed;
// - worker-3: kube-system/coredns-1 -> 198.51.100.100:80 -> backend-2:9000: denied by backend's ingress.
// Every probe, direct or to a Service, must agree with the engine (0 mismatches).
import { BACKEND_CLUSTER_IP } from '../../examples/ibm-lab/addresses';
import { synthLab } from '../examples/lab-world';
import { ProbeComparison } from '../../lib/verify/compare';
import { formatClusterReport, verifyCluster } from '../../lib/verify/verify';
import { kernelIt } from './support';

const CLUSTER_IP = BACKEND_CLUSTER_IP;
const { files } = synthLab();
const sources = files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }));

async function clusterIpProbes(node: string): Promise<{ probes: string[]; mismatches: number }> {
  const report = await verifyCluster({ sources, node, peers: { eth1: ['203.0.113.100'], eth0: ['198.51.100.50'] }, tcpPorts: [9000], udpPorts: [] });
  console.log(formatClusterReport(report));
  const probes = report.nodes.flatMap((n) => n.comparisons)
    .filter((c: ProbeComparison) => c.flow.service?.kind === 'clusterIP' && c.flow.destination.ip === CLUSTER_IP)
    .map((c) => `${c.flow.source.ref} -> ${c.flow.listen?.ip}:${c.flow.listen?.port} ${c.observed ? 'allowed' : 'denied'}`);
  return { probes, mismatches: report.mismatches };
}

describe('a pod -> ClusterIP probe in the lab, on a real kernel', () => {
  kernelIt('worker-1: frontend-1 reaches backend-1 through the ClusterIP; 0 mismatches', async () => {
    expect(await clusterIpProbes('worker-1')).toEqual({ probes: ['guestbook/frontend-1 -> 192.0.2.11:9000 allowed'], mismatches: 0 });
  }, 240000);
  kernelIt('worker-3: coredns-1 is refused by backend-2 through the ClusterIP; 0 mismatches', async () => {
    expect(await clusterIpProbes('worker-3')).toEqual({ probes: ['kube-system/coredns-1 -> 192.0.2.138:9000 denied'], mismatches: 0 });
  }, 240000);
});
