// natOutgoing and VXLAN host rules on a real kernel (issue 16 item 3). The node's plan (an IPPool
// 192.0.2.0/24 with natOutgoing and vxlanMode Always) is loaded in a node namespace with a pod, an
// off-pool host (203.0.113.5, behind eth1) and two hosts behind eth0: another node (198.51.100.20,
// in all-vxlan-net) and a stranger (198.51.100.1). The off-pool host echoes the source address it
// saw: the pod's UDP arrives from the node's eth1 address (nat cali-nat-outgoing, MASQUERADE), and
// without the masquerade rule from the pod's own address. VXLAN (UDP 4789) to the node from the
// other node is answered; from the stranger it is dropped in cali-INPUT, and answered once the
// VXLAN rules are taken out of the plan. Every probe is one datagram with a 1.5 s wait.
import { buildFlow, evaluateFlow, BuiltModel } from '../../lib/engine';
import { runCommand, runInNamespace } from '../../lib/verify/exec';
import { trackNamespace, untrackNamespace } from '../../lib/verify/interrupt-cleanup';
import { PlanText, loadPlan } from '../../lib/verify/load';
import { deleteNamespace, newRunTag } from '../../lib/verify/namespaces';
import { felixWorld, nodePlan, podInterface } from '../felix/world';
import { kernelIt } from './support';

const POD = '192.0.2.11';
const NODE_IP = '198.51.100.10';
const OTHER_NODE = '198.51.100.20';
const STRANGER = '198.51.100.1';
const NODE_EXT = '203.0.113.1';
const OFF_POOL = '203.0.113.5';
const ECHO_PORT = 7000;
const VXLAN_PORT = 4789;

const POOL = {
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' },
  spec: { cidr: '192.0.2.0/24', natOutgoing: true, vxlanMode: 'Always' },
};

function world(): BuiltModel {
  return felixWorld([{ name: 'a', ip: POD, labels: { app: 'a' } }], [POOL], undefined, NODE_IP, [{ name: 'node-2', ip: OTHER_NODE }]);
}

/** A UDP server that answers each datagram with the source address it came from (bounded: exits after 60 s). */
const ECHO_SERVER = (port: number): string => [
  'import socket, time',
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  `s.bind(("0.0.0.0", ${port}))`,
  's.settimeout(1.0)',
  'end = time.time() + 60',
  'while time.time() < end:',
  '    try:',
  '        data, addr = s.recvfrom(2048)',
  '    except socket.timeout:',
  '        continue',
  '    s.sendto(addr[0].encode(), addr)',
].join('\n');

/** One datagram from `src` to `dst:port`; prints the answer, or `timeout` after 1.5 s. */
const CLIENT = (src: string, dst: string, port: number): string => [
  'import socket',
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  `s.bind(("${src}", 0))`,
  's.settimeout(1.5)',
  `s.sendto(b"probe", ("${dst}", ${port}))`,
  'try:',
  '    print(s.recvfrom(2048)[0].decode())',
  'except socket.timeout:',
  '    print("timeout")',
].join('\n');

interface Lab {
  readonly node: string;
  readonly pod: string;
  readonly ext: string;
  readonly peers: string;
}

async function ip(ns: string, args: string): Promise<void> {
  await runInNamespace(ns, ['ip', ...args.split(' ')], { timeoutMs: 10000 });
}

async function build(tag: string, podIface: string): Promise<Lab> {
  const lab = { node: `${tag}-node`, pod: `${tag}-pod`, ext: `${tag}-ext`, peers: `${tag}-peers` };
  for (const ns of Object.values(lab)) {
    trackNamespace(ns);
    await runCommand(['ip', 'netns', 'add', ns], { timeoutMs: 10000 });
    await ip(ns, 'link set lo up');
  }
  const veth = async (a: string, aNs: string, b: string, bNs: string): Promise<void> => {
    await runCommand(['ip', 'link', 'add', a, 'netns', aNs, 'type', 'veth', 'peer', 'name', b, 'netns', bNs], { timeoutMs: 10000 });
    await ip(aNs, `link set ${a} up`);
    await ip(bNs, `link set ${b} up`);
  };
  await veth(podIface, lab.node, 'eth0', lab.pod);
  await veth('eth1', lab.node, 'eth0', lab.ext);
  await veth('eth0', lab.node, 'eth1', lab.peers);
  await runInNamespace(lab.node, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { timeoutMs: 10000 });
  // the pod: its address and everything on-link; the node side answers ARP for what it routes (proxy ARP)
  await ip(lab.pod, `addr add ${POD}/32 dev eth0`);
  await ip(lab.pod, 'route add default dev eth0');
  await runInNamespace(lab.node, ['sysctl', '-q', '-w', `net.ipv4.conf.${podIface}.proxy_arp=1`], { timeoutMs: 10000 });
  await ip(lab.node, `route add ${POD}/32 dev ${podIface}`);
  await ip(lab.node, `addr add ${NODE_EXT}/24 dev eth1`);
  await ip(lab.ext, `addr add ${OFF_POOL}/24 dev eth0`);
  await ip(lab.ext, `route add default via ${NODE_EXT}`);
  await ip(lab.node, `addr add ${NODE_IP}/24 dev eth0`);
  await ip(lab.peers, `addr add ${OTHER_NODE}/24 dev eth1`);
  await ip(lab.peers, `addr add ${STRANGER}/24 dev eth1`);
  return lab;
}

async function probe(ns: string, src: string, dst: string, port: number): Promise<string> {
  const r = await runInNamespace(ns, ['python3', '-c', CLIENT(src, dst, port)], { timeoutMs: 10000 });
  return r.stdout.trim();
}

async function withLab(plan: PlanText, podIface: string, body: (lab: Lab) => Promise<void>): Promise<void> {
  const lab = await build(newRunTag(), podIface);
  const servers: Promise<unknown>[] = [];
  try {
    await loadPlan(lab.node, plan);
    servers.push(runInNamespace(lab.ext, ['python3', '-c', ECHO_SERVER(ECHO_PORT)], { timeoutMs: 70000, allowFailure: true }));
    servers.push(runInNamespace(lab.node, ['python3', '-c', ECHO_SERVER(VXLAN_PORT)], { timeoutMs: 70000, allowFailure: true }));
    await new Promise((r) => setTimeout(r, 500));
    await body(lab);
  } finally {
    for (const ns of Object.values(lab)) {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
    await Promise.all(servers);
  }
}

describe('natOutgoing and VXLAN host rules on a real kernel', () => {
  kernelIt('a pod\'s traffic to an off-pool host leaves with the node\'s address; VXLAN from a node is accepted, from another host dropped', async () => {
    const model = world();
    const plan = nodePlan(model);
    const iface = podInterface(plan, 'a');
    // the engine: both flows it judges are allowed (no policy), and it says the off-pool flow is masqueraded
    expect(evaluateFlow(model, buildFlow(model, { from: 'app/a', to: OFF_POOL, protocol: 'UDP', port: ECHO_PORT })).allowed).toBe(true);
    expect(model.notes.join('\n')).toContain('IPPool pods: natOutgoing: pod traffic to addresses outside every pool is masqueraded');
    expect(evaluateFlow(model, buildFlow(model, { from: OTHER_NODE, to: NODE_IP, protocol: 'UDP', port: VXLAN_PORT })).allowed).toBe(true);
    expect(evaluateFlow(model, buildFlow(model, { from: STRANGER, to: NODE_IP, protocol: 'UDP', port: VXLAN_PORT })).allowed).toBe(false);

    await withLab(plan, iface, async (lab) => {
      expect(await probe(lab.pod, POD, OFF_POOL, ECHO_PORT)).toBe(NODE_EXT);
      expect(await probe(lab.peers, OTHER_NODE, NODE_IP, VXLAN_PORT)).toBe(OTHER_NODE);
      expect(await probe(lab.peers, STRANGER, NODE_IP, VXLAN_PORT)).toBe('timeout');
    });

    // Counter-proof: without the masquerade rule and the VXLAN rules, the pod's own address arrives
    // and the stranger's VXLAN is answered: those rules are what the probes above saw.
    const bare = plan.iptables.split('\n').filter((l) => !/MASQUERADE|VXLAN packets/.test(l)).join('\n');
    await withLab({ ...plan, iptables: bare }, iface, async (lab) => {
      expect(await probe(lab.pod, POD, OFF_POOL, ECHO_PORT)).toBe(POD);
      expect(await probe(lab.peers, STRANGER, NODE_IP, VXLAN_PORT)).toBe(STRANGER);
    });
  }, 120000);
});
