// IPv6 VXLAN and WireGuard host rules on a real kernel (issue 16). A node namespace holds the node's
// plan (ip6tables), and a peers namespace behind the node's eth0 holds another node (2001:db8:2::20,
// in cali60all-vxlan-net) and a stranger (2001:db8:2::1). The node echoes each UDP datagram with the
// source address it saw. With an IPv6 pool in vxlanMode Always: VXLAN (UDP 4789) from the other node
// is answered, from the stranger dropped in cali-INPUT, and answered once the VXLAN rules are taken
// out of the plan. With wireguardEnabledV6 and a `*` host endpoint without policy (default deny):
// UDP 51821 (Felix's IPv6 WireGuard port) from the stranger is answered, UDP 51822 is not, and
// without the WireGuard rule 51821 is not either. Neighbours are set permanently (the host endpoint
// drops neighbour discovery as well). Every probe is one datagram with a 1.5 s wait.
import { buildFlow, evaluateFlow, BuiltModel } from '../../lib/engine';
import { runCommand, runInNamespace } from '../../lib/verify/exec';
import { trackNamespace, untrackNamespace } from '../../lib/verify/interrupt-cleanup';
import { PlanText, loadPlan } from '../../lib/verify/load';
import { deleteNamespace, newRunTag } from '../../lib/verify/namespaces';
import { felixWorld, nodePlan } from '../felix/world';
import { kernelIt } from './support';

const POD = '2001:db8:1::11';
const NODE_IP = '2001:db8:2::10';
const OTHER_NODE = '2001:db8:2::20';
const STRANGER = '2001:db8:2::1';
const NODE_MAC = '02:00:00:00:00:10';
const PEER_MAC = '02:00:00:00:00:20';
const VXLAN_PORT = 4789;
const WG_PORT = 51821;
const OTHER_PORT = 51822;

const POOL = {
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods6' },
  spec: { cidr: '2001:db8:1::/64', vxlanMode: 'Always' },
};
const HEP = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'node-1-all' },
  spec: { node: 'node-1', interfaceName: '*', expectedIPs: [NODE_IP] },
};

function world(manifests: object[], felix?: object): BuiltModel {
  return felixWorld([{ name: 'a', ip: POD, labels: { app: 'a' } }], manifests, felix, NODE_IP, [{ name: 'node-2', ip: OTHER_NODE }]);
}

/** A UDP server on each port that answers each datagram with its source address (bounded: exits after 60 s). */
const ECHO_SERVER = (ports: readonly number[]): string => [
  'import select, socket, time',
  'socks = []',
  `for p in [${ports.join(', ')}]:`,
  '    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)',
  '    s.bind(("::", p))',
  '    socks.append(s)',
  'end = time.time() + 60',
  'while time.time() < end:',
  '    ready, _, _ = select.select(socks, [], [], 1.0)',
  '    for s in ready:',
  '        data, addr = s.recvfrom(2048)',
  '        s.sendto(addr[0].encode(), addr)',
].join('\n');

/** One datagram from `src` to `dst:port`; prints the answer, or `timeout` after 1.5 s. */
const CLIENT = (src: string, dst: string, port: number): string => [
  'import socket',
  's = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)',
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
  readonly peers: string;
}

async function ip(ns: string, args: string): Promise<void> {
  await runInNamespace(ns, ['ip', ...args.split(' ')], { timeoutMs: 10000 });
}

async function build(tag: string): Promise<Lab> {
  const lab = { node: `${tag}-node`, peers: `${tag}-peers` };
  for (const ns of Object.values(lab)) {
    trackNamespace(ns);
    await runCommand(['ip', 'netns', 'add', ns], { timeoutMs: 10000 });
    await ip(ns, 'link set lo up');
  }
  await runCommand(['ip', 'link', 'add', 'eth0', 'netns', lab.node, 'type', 'veth', 'peer', 'name', 'eth1', 'netns', lab.peers], { timeoutMs: 10000 });
  // fixed MACs and permanent neighbours: a default-deny host endpoint drops neighbour discovery too
  await ip(lab.node, `link set eth0 address ${NODE_MAC}`);
  await ip(lab.peers, `link set eth1 address ${PEER_MAC}`);
  await ip(lab.node, `neigh add ${OTHER_NODE} lladdr ${PEER_MAC} dev eth0 nud permanent`);
  await ip(lab.node, `neigh add ${STRANGER} lladdr ${PEER_MAC} dev eth0 nud permanent`);
  await ip(lab.peers, `neigh add ${NODE_IP} lladdr ${NODE_MAC} dev eth1 nud permanent`);
  await ip(lab.node, `addr add ${NODE_IP}/64 dev eth0 nodad`);
  await ip(lab.peers, `addr add ${OTHER_NODE}/64 dev eth1 nodad`);
  await ip(lab.peers, `addr add ${STRANGER}/64 dev eth1 nodad`);
  await ip(lab.node, 'link set eth0 up');
  await ip(lab.peers, 'link set eth1 up');
  return lab;
}

async function probe(ns: string, src: string, dst: string, port: number): Promise<string> {
  const r = await runInNamespace(ns, ['python3', '-c', CLIENT(src, dst, port)], { timeoutMs: 10000 });
  return r.stdout.trim();
}

async function withLab(plan: PlanText, body: (lab: Lab) => Promise<void>): Promise<void> {
  const lab = await build(newRunTag());
  let server: Promise<unknown> = Promise.resolve();
  try {
    await loadPlan(lab.node, plan);
    server = runInNamespace(lab.node, ['python3', '-c', ECHO_SERVER([VXLAN_PORT, WG_PORT, OTHER_PORT])], { timeoutMs: 70000, allowFailure: true });
    await new Promise((r) => setTimeout(r, 500));
    await body(lab);
  } finally {
    for (const ns of Object.values(lab)) {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
    await server;
  }
}

/** The plan without the ip6tables rules whose comment matches `what` (the counter-proofs). */
function without(plan: PlanText, what: RegExp): PlanText {
  return { ...plan, ip6tables: (plan.ip6tables ?? '').split('\n').filter((l) => !what.test(l)).join('\n') };
}

describe('IPv6 VXLAN and WireGuard host rules on a real kernel', () => {
  kernelIt('IPv6 VXLAN from a node is accepted, from another host dropped (and accepted without the rules)', async () => {
    const model = world([POOL]);
    const plan = nodePlan(model);
    expect(evaluateFlow(model, buildFlow(model, { from: OTHER_NODE, to: NODE_IP, protocol: 'UDP', port: VXLAN_PORT })).allowed).toBe(true);
    expect(evaluateFlow(model, buildFlow(model, { from: STRANGER, to: NODE_IP, protocol: 'UDP', port: VXLAN_PORT })).allowed).toBe(false);
    await withLab(plan, async (lab) => {
      expect(await probe(lab.peers, OTHER_NODE, NODE_IP, VXLAN_PORT)).toBe(OTHER_NODE);
      expect(await probe(lab.peers, STRANGER, NODE_IP, VXLAN_PORT)).toBe('timeout');
    });
    await withLab(without(plan, /IPv6 VXLAN packets/), async (lab) => {
      expect(await probe(lab.peers, STRANGER, NODE_IP, VXLAN_PORT)).toBe(STRANGER);
    });
  }, 60000);

  kernelIt('IPv6 WireGuard: UDP 51821 reaches the node past a default-deny host endpoint; 51822 does not, nor 51821 without the rule', async () => {
    const model = world([HEP], { wireguardEnabledV6: true });
    const plan = nodePlan(model);
    const judge = (port: number): boolean => evaluateFlow(model, buildFlow(model, { from: STRANGER, to: NODE_IP, protocol: 'UDP', port })).allowed;
    expect(judge(WG_PORT)).toBe(true);
    expect(judge(OTHER_PORT)).toBe(false);
    await withLab(plan, async (lab) => {
      expect(await probe(lab.peers, STRANGER, NODE_IP, WG_PORT)).toBe(STRANGER);
      expect(await probe(lab.peers, STRANGER, NODE_IP, OTHER_PORT)).toBe('timeout');
    });
    await withLab(without(plan, /IPv6 Wireguard packets/), async (lab) => {
      expect(await probe(lab.peers, STRANGER, NODE_IP, WG_PORT)).toBe('timeout');
    });
  }, 60000);
});
