// WireGuard host encryption (wireguardHostEncryptionEnabled, issue 16) on a real kernel. The node
// namespace holds the node's plan (iptables and ip6tables) and two links to a peers namespace:
// `eth0` (198.51.100.10, 2001:db8:2::10) and a veth named as Felix's WireGuard device,
// `wireguard.cali` (203.0.113.10), standing in for the tunnel. eth0 has a host endpoint whose policy
// lets in UDP 9000 only. The node echoes each datagram. A counting rule put before Calico's in mangle
// PREROUTING (after raw) counts the probes that carry the WireGuard mark (0x200000, driver.go's sixth
// bit of the default mask) and those that do not. With host encryption: the probes over eth0 (IPv4
// and IPv6) carry the mark, those over wireguard.cali and loopback do not; without it none does. The
// verdicts are the same in both plans (UDP 9000 answered, UDP 9001 dropped by the host endpoint), and
// `netsec drift` finds nothing between each plan and what the kernel holds.
// Every probe is one datagram with a 1.5 s wait.
import { buildFlow, evaluateFlow, BuiltModel } from '../../lib/engine';
import { runCommand, runInNamespace } from '../../lib/verify/exec';
import { trackNamespace, untrackNamespace } from '../../lib/verify/interrupt-cleanup';
import { loadPlan } from '../../lib/verify/load';
import { deleteNamespace, newRunTag } from '../../lib/verify/namespaces';
import { hasDrift, nodeDrift } from '../../lib/drift';
import { NodePlan } from '../../lib/iptables/node-plan';
import { felixWorld, nodePlan } from '../felix/world';
import { kernelIt } from './support';

const NODE_IP = '198.51.100.10';
const PEER_IP = '198.51.100.20';
const NODE_IP6 = '2001:db8:2::10';
const PEER_IP6 = '2001:db8:2::20';
const WG_NODE_IP = '203.0.113.10';
const WG_PEER_IP = '203.0.113.20';
const NODE_MAC = '02:00:00:00:00:10';
const PEER_MAC = '02:00:00:00:00:20';
const OPEN = 9000;
const CLOSED = 9001;
const WG_MARK = '0x200000';

const HEP = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'node-1-eth0', labels: { hep: 'eth0' } },
  spec: { node: 'node-1', interfaceName: 'eth0', expectedIPs: [NODE_IP, NODE_IP6] },
};
const POLICY = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'udp-9000' },
  spec: { selector: 'has(hep)', types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'UDP', destination: { ports: [OPEN] } }] },
};

function world(encrypt: boolean): BuiltModel {
  // an IPv6 pod makes the plan write ip6tables too
  return felixWorld([{ name: 'a', ip: '192.0.2.11' }, { name: 'b', ip: '2001:db8:1::12' }], [HEP, POLICY],
    { wireguardEnabled: true, wireguardEnabledV6: true, wireguardHostEncryptionEnabled: encrypt }, NODE_IP, [{ name: 'node-2', ip: PEER_IP }]);
}

/** A UDP server (IPv4 and IPv6) on each port that answers each datagram (bounded: exits after 60 s). */
const ECHO_SERVER = [
  'import select, socket, time',
  'socks = []',
  `for p in [${OPEN}, ${CLOSED}]:`,
  '    for fam, wildcard in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):',
  '        s = socket.socket(fam, socket.SOCK_DGRAM)',
  '        if fam == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)',
  '        s.bind((wildcard, p))',
  '        socks.append(s)',
  'end = time.time() + 60',
  'while time.time() < end:',
  '    ready, _, _ = select.select(socks, [], [], 1.0)',
  '    for s in ready:',
  '        data, addr = s.recvfrom(2048)',
  '        s.sendto(b"answer", addr)',
].join('\n');

/** One datagram from `src` to `dst:port`; prints the answer, or `timeout` after 1.5 s. */
const CLIENT = (src: string, dst: string, port: number): string => [
  'import socket',
  `s = socket.socket(socket.AF_INET${dst.includes(':') ? '6' : ''}, socket.SOCK_DGRAM)`,
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
  await runCommand(['ip', 'link', 'add', 'wireguard.cali', 'netns', lab.node, 'type', 'veth', 'peer', 'name', 'wgpeer', 'netns', lab.peers], { timeoutMs: 10000 });
  // fixed MACs and permanent neighbours: the host endpoint drops IPv6 neighbour discovery too
  await ip(lab.node, `link set eth0 address ${NODE_MAC}`);
  await ip(lab.peers, `link set eth1 address ${PEER_MAC}`);
  await ip(lab.node, `neigh add ${PEER_IP6} lladdr ${PEER_MAC} dev eth0 nud permanent`);
  await ip(lab.peers, `neigh add ${NODE_IP6} lladdr ${NODE_MAC} dev eth1 nud permanent`);
  await ip(lab.node, `addr add ${NODE_IP}/24 dev eth0`);
  await ip(lab.node, `addr add ${NODE_IP6}/64 dev eth0 nodad`);
  await ip(lab.node, `addr add ${WG_NODE_IP}/24 dev wireguard.cali`);
  await ip(lab.peers, `addr add ${PEER_IP}/24 dev eth1`);
  await ip(lab.peers, `addr add ${PEER_IP6}/64 dev eth1 nodad`);
  await ip(lab.peers, `addr add ${WG_PEER_IP}/24 dev wgpeer`);
  for (const [ns, dev] of [[lab.node, 'eth0'], [lab.node, 'wireguard.cali'], [lab.peers, 'eth1'], [lab.peers, 'wgpeer']]) await ip(ns, `link set ${dev} up`);
  return lab;
}

async function probe(ns: string, src: string, dst: string, port: number): Promise<string> {
  const r = await runInNamespace(ns, ['python3', '-c', CLIENT(src, dst, port)], { timeoutMs: 10000 });
  return r.stdout.trim();
}

/** Counting rules (no target) first in mangle PREROUTING: probes to the echo ports with and without the WireGuard mark. */
async function addCounters(ns: string): Promise<void> {
  for (const tool of ['iptables', 'ip6tables']) {
    for (const [what, mark] of [['wg-marked', `${WG_MARK}/${WG_MARK}`], ['wg-unmarked', `0/${WG_MARK}`]]) {
      await runInNamespace(ns, [tool, '-w', '5', '-t', 'mangle', '-I', 'PREROUTING', '1', '-p', 'udp', '-m', 'multiport', '--dports', `${OPEN},${CLOSED}`,
        '-m', 'mark', '--mark', mark, '-m', 'comment', '--comment', what], { timeoutMs: 10000 });
    }
  }
}

/** The packet counts of the counting rules: IPv4 and IPv6, marked and unmarked. */
async function counts(ns: string): Promise<{ v4: [number, number]; v6: [number, number] }> {
  const read = async (tool: string): Promise<[number, number]> => {
    const text = (await runInNamespace(ns, [`${tool}-save`, '-c', '-t', 'mangle'], { timeoutMs: 10000 })).stdout;
    const count = (what: string): number => {
      const line = text.split('\n').find((l) => l.includes(`--comment ${what}`));
      const m = /^\[(\d+):\d+\]/.exec(line ?? '');
      if (!m) throw new Error(`no counter ${what} in ${tool}-save`);
      return Number(m[1]);
    };
    return [count('wg-marked'), count('wg-unmarked')];
  };
  return { v4: await read('iptables'), v6: await read('ip6tables') };
}

/** `netsec drift` of the loaded plan against the kernel's own iptables-save and ip6tables-save: nothing (the kernel spells the mark --set-xmark). */
async function expectNoDrift(ns: string, plan: NodePlan): Promise<void> {
  const save = async (tool: string): Promise<string> => (await runInNamespace(ns, [`${tool}-save`, '-c'], { timeoutMs: 30000 })).stdout;
  const v4 = await save('iptables');
  expect(v4.includes('-A cali-wireguard-incoming-mark')).toBe(plan.iptables.includes('-A cali-wireguard-incoming-mark'));
  const report = nodeDrift({
    node: 'node-1', plan, iptablesSave: { file: 'kernel iptables-save', text: v4 }, ip6tablesSave: { file: 'kernel ip6tables-save', text: await save('ip6tables') },
  });
  expect(report.rules).toEqual([]);
  expect(hasDrift(report)).toBe(false);
}

async function withLab(encrypt: boolean, body: (lab: Lab) => Promise<void>): Promise<void> {
  const lab = await build(newRunTag());
  let server: Promise<unknown> = Promise.resolve();
  try {
    const plan = nodePlan(world(encrypt));
    await loadPlan(lab.node, plan);
    await expectNoDrift(lab.node, plan);
    await addCounters(lab.node);
    server = runInNamespace(lab.node, ['python3', '-c', ECHO_SERVER], { timeoutMs: 70000, allowFailure: true });
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

/** The probes, in order: their answers, and the counters after each. */
async function run(lab: Lab): Promise<{ answers: string[]; after: Awaited<ReturnType<typeof counts>>[] }> {
  const answers: string[] = [];
  const after: Awaited<ReturnType<typeof counts>>[] = [];
  const steps: [string, string, string, number][] = [
    [lab.peers, PEER_IP, NODE_IP, OPEN], [lab.peers, PEER_IP, NODE_IP, CLOSED], [lab.peers, PEER_IP6, NODE_IP6, OPEN],
    [lab.peers, WG_PEER_IP, WG_NODE_IP, OPEN], [lab.node, NODE_IP, NODE_IP, OPEN],
  ];
  for (const [ns, src, dst, port] of steps) {
    answers.push(await probe(ns, src, dst, port));
    after.push(await counts(lab.node));
  }
  return { answers, after };
}

describe('WireGuard host encryption on a real kernel', () => {
  kernelIt('packets from host interfaces carry the WireGuard mark, not those from the WireGuard device or loopback; verdicts unchanged', async () => {
    for (const encrypt of [true, false]) {
      const model = world(encrypt);
      const judge = (from: string, to: string, port: number): boolean => evaluateFlow(model, buildFlow(model, { from, to, protocol: 'UDP', port })).allowed;
      expect([judge(PEER_IP, NODE_IP, OPEN), judge(PEER_IP, NODE_IP, CLOSED), judge(PEER_IP6, NODE_IP6, OPEN)]).toEqual([true, false, true]);
    }
    const answers = ['answer', 'timeout', 'answer', 'answer', 'answer'];
    await withLab(true, async (lab) => {
      const r = await run(lab);
      expect(r.answers).toEqual(answers);
      // [marked, unmarked] after each probe: eth0 IPv4 twice (marked), eth0 IPv6 (marked), wireguard.cali, loopback (unmarked)
      expect(r.after.map((c) => c.v4)).toEqual([[1, 0], [2, 0], [2, 0], [2, 1], [2, 2]]);
      expect(r.after.map((c) => c.v6)).toEqual([[0, 0], [0, 0], [1, 0], [1, 0], [1, 0]]);
    });
    await withLab(false, async (lab) => {
      const r = await run(lab);
      expect(r.answers).toEqual(answers);
      expect(r.after.map((c) => c.v4)).toEqual([[0, 1], [0, 2], [0, 2], [0, 3], [0, 4]]);
      expect(r.after.map((c) => c.v6)).toEqual([[0, 0], [0, 0], [0, 1], [0, 1], [0, 1]]);
    });
  }, 90000);
});
