// Host endpoint chains as Felix writes them (felix/rules/endpoints.go endpointIptablesChain), on a
// real kernel. Expected values are worked out by hand from Felix's chains:
// - the mangle pre-DNAT chain cali-fh-<if> starts with appendConntrackRules, so a TCP SYN+FIN
//   (conntrack: INVALID) is dropped there even though a pre-DNAT policy allows its port, while a
//   plain SYN to that port reaches the node's TCP layer (filter cali-INPUT accepts what mangle
//   accepted);
// - a forward chain says "Allow forwarded traffic by default" only when the host endpoint has no
//   applyOnForward tier at all: with an applyOnForward policy for ingress only, cali-thfw-<if>
//   returns with the accept mark clear and the node's FORWARD policy decides (DROP here, as on
//   Docker hosts).
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { engineJudge } from '../../lib/verify/engine-judge';
import { modelOf, probeTcp, withNode } from './felix-world';
import { FIN, SYN, sendSegments, startReceiver } from './raw-tcp';
import { kernelIt } from './support';

const NODE_IP = '203.0.113.10';
const PEER = '203.0.113.1';
const POD_IP = '192.0.2.11';

const node = {
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} },
  status: { addresses: [{ type: 'ExternalIP', address: NODE_IP }] },
};
const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' } } };
const pod = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'ops', labels: { app: 'web' } },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: POD_IP, podIPs: [{ ip: POD_IP }] },
};
const hep = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'worker-1-public', labels: { role: 'public' } },
  spec: { node: 'worker-1', interfaceName: 'eth1', expectedIPs: [NODE_IP] },
};
const gnp = (name: string, spec: object): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec });

describe('host endpoint chains as Felix writes them, on a real kernel', () => {
  kernelIt('mangle pre-DNAT chain: a SYN+FIN to a port a pre-DNAT policy allows is dropped (INVALID), a SYN arrives', async () => {
    const model = modelOf([node, hep, gnp('allow-8080', {
      selector: "role == 'public'", preDNAT: true, applyOnForward: true, types: ['Ingress'],
      ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8080] } }],
    })]);
    const plan = renderNodePlan(model, 'worker-1');
    const mangle = plan.iptables.split('*mangle\n')[1].split('COMMIT')[0];
    expect(mangle).toMatch(/-A cali-fh-eth1 .*-m conntrack --ctstate INVALID --jump DROP/);
    const topology = { workloads: [], links: [{ interfaceName: 'eth1', nodeIps: [NODE_IP], peerIps: [PEER] }] };
    await withNode(topology, plan, async (t) => {
      const receiver = await startReceiver(t.nodeNs, PEER, 20);
      await sendSegments(t.links[0].peerNs, PEER, NODE_IP, [[40001, 8080, SYN], [40002, 8080, SYN | FIN], [40003, 8081, SYN]]);
      await new Promise((r) => setTimeout(r, 500));
      const seen = await receiver.stop();
      // 8080 SYN: allowed by the pre-DNAT policy; SYN+FIN: INVALID, dropped in mangle; 8081: the
      // normal chain has no policy and no profile, dropped
      expect(seen.filter((s) => s[0] >= 40001 && s[0] <= 40003).map((s) => s[0])).toEqual([40001]);
    });
    // the engine judges connection attempts (valid SYNs): port 8080 allowed, 8081 denied
    const judge = engineJudge(model);
    const station = (ip: string, role: string): { ns: string; ip: string; role: string; ref: string; side: string; label: string } => ({ ns: '', ip, role, ref: ip, side: 'eth1', label: ip });
    const flow = (port: number) => ({ id: 'f', source: station(PEER, 'external'), destination: station(NODE_IP, 'node'), protocol: 'TCP', port });
    expect([judge.judge(flow(8080)).allowed, judge.judge(flow(8081)).allowed]).toEqual([true, false]);
  }, 120000);

  kernelIt('forward chain: an ingress-only applyOnForward policy leaves egress forwarding to the FORWARD policy (DROP)', async () => {
    const model = modelOf([node, namespace, pod, hep, gnp('fwd-in-80', {
      selector: "role == 'public'", applyOnForward: true, types: ['Ingress'],
      ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }],
    })]);
    const plan = renderNodePlan(model, 'worker-1');
    const thfw = plan.iptables.split('\n').filter((l) => l.startsWith('-A cali-thfw-eth1 '));
    expect(thfw.some((l) => l.includes('--set-mark 0x10000/0x10000'))).toBe(false);
    // the node's FORWARD policy DROP (as Docker sets it), so only what Calico accepts passes
    const iptables = plan.iptables.replace(/(\*filter\n(?::\S+ \S+ \[0:0\]\n)*?):FORWARD ACCEPT/, '$1:FORWARD DROP');
    expect(iptables).toContain(':FORWARD DROP [0:0]');
    const ep = plan.endpoints.endpoints.find((e) => e.kind === 'workload');
    const topology = {
      workloads: [{ id: 'ops/web', interfaceName: ep?.interface ?? '', ips: [POD_IP] }],
      links: [{ interfaceName: 'eth1', nodeIps: [NODE_IP], peerIps: [PEER] }],
    };
    await withNode(topology, { iptables, ipsets: plan.ipsets }, async (t) => {
      // peer -> pod: accepted by the forward ingress policy, then the pod's profile; pod -> peer:
      // the pod's profile allows, cali-thfw-eth1 leaves the mark clear, FORWARD DROP. The engine
      // says the FORWARD chain decides and assumes its default ACCEPT: it differs only here.
      expect(await probeTcp(t, model, [[PEER, POD_IP], [POD_IP, PEER]], 80)).toEqual([
        [POD_IP, PEER, 80, false, true],
        [PEER, POD_IP, 80, true, true],
      ]);
    });
  }, 120000);
});
