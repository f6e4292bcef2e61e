// The tunnel-source masquerade on a real kernel (calico v3.32.1 felix/rules/static.go
// StaticNATPostroutingChains, "with IPIP enabled" NAT postrouting chain of static_test.go; plan:
// lib/iptables/nat-chains.ts; engine: lib/engine/evaluate/tunnel-source.ts). Host traffic leaving by
// tunl0 from another local address (a socket bound to the node's InternalIP) is masqueraded to the
// tunnel's own address, so the remote pod sees the tunnel address; without the rule it sees the
// InternalIP. This kernel may have no ipip module, so the tunnel device is stood in by a veth named
// `tunl0` (the rule matches the output interface by name and the address type of the source; no
// encapsulation is needed to see the source rewrite). The engine says the same for the flow from
// node-1 to a pod on node-2. One datagram per probe, 1.5 s wait; every namespace is deleted.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { runCommand, runInNamespace } from '../../lib/verify/exec';
import { trackNamespace, untrackNamespace } from '../../lib/verify/interrupt-cleanup';
import { PlanText, loadPlan } from '../../lib/verify/load';
import { deleteNamespace, newRunTag } from '../../lib/verify/namespaces';
import { felixWorld, nodePlan } from '../felix/world';
import { kernelIt } from './support';

const NODE_IP = '198.51.100.10';
const OTHER_NODE = '198.51.100.20';
const TUNNEL = '192.0.2.1';
const REMOTE_POD = '192.0.2.130';
const ECHO_PORT = 7000;
const IPIP_ADDR = 'projectcalico.org/IPv4IPIPTunnelAddr';
const POOL = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '192.0.2.0/24', ipipMode: 'Always' } };
/** The remote pod admits only node-1's tunnel address: the engine's verdict tells which source it judged. */
const ONLY_TUNNEL = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'only-tunnel', namespace: 'app' },
  spec: { selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { nets: [`${TUNNEL}/32`] } }] } };

/**
 * node1(): the node with the plan (tunnel address TUNNEL). node2(): the receiving side for the engine,
 * pod b on felixWorld's node (here at OTHER_NODE) and the sending node as `node-x` (NODE_IP, TUNNEL).
 */
const node1 = (): ReturnType<typeof felixWorld> => felixWorld([{ name: 'a', ip: '192.0.2.11' }], [POOL], undefined, NODE_IP,
  [{ name: 'node-2', ip: OTHER_NODE }], undefined, { [IPIP_ADDR]: TUNNEL });
const node2 = (): ReturnType<typeof felixWorld> => felixWorld([{ name: 'b', ip: REMOTE_POD, labels: { app: 'b' } }], [POOL, ONLY_TUNNEL], undefined, OTHER_NODE,
  [{ name: 'node-x', ip: NODE_IP, annotations: { [IPIP_ADDR]: TUNNEL } }]);

const ECHO_SERVER = [
  'import socket, time',
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  `s.bind(("${REMOTE_POD}", ${ECHO_PORT}))`,
  's.settimeout(1.0)',
  'end = time.time() + 40',
  'while time.time() < end:',
  '    try:',
  '        data, addr = s.recvfrom(2048)',
  '    except socket.timeout:',
  '        continue',
  '    s.sendto(addr[0].encode(), addr)',
].join('\n');

const CLIENT = [
  'import socket',
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  `s.bind(("${NODE_IP}", 0))`,
  's.settimeout(1.5)',
  `s.sendto(b"probe", ("${REMOTE_POD}", ${ECHO_PORT}))`,
  'try:',
  '    print(s.recvfrom(2048)[0].decode())',
  'except socket.timeout:',
  '    print("timeout")',
].join('\n');

async function ip(ns: string, args: string): Promise<void> {
  await runInNamespace(ns, ['ip', ...args.split(' ')], { timeoutMs: 10000 });
}

/** What the remote pod saw as the source of node-1's datagram, with the plan loaded in node-1. */
async function sourceSeen(plan: PlanText): Promise<string> {
  const tag = newRunTag();
  const lab = { node: `${tag}-node`, remote: `${tag}-remote` };
  let server: Promise<unknown> | undefined;
  try {
    for (const ns of Object.values(lab)) {
      trackNamespace(ns);
      await runCommand(['ip', 'netns', 'add', ns], { timeoutMs: 10000 });
      await ip(ns, 'link set lo up');
    }
    await runCommand(['ip', 'link', 'add', 'tunl0', 'netns', lab.node, 'type', 'veth', 'peer', 'name', 'eth9', 'netns', lab.remote], { timeoutMs: 10000 });
    await ip(lab.node, 'link set tunl0 up');
    await ip(lab.remote, 'link set eth9 up');
    await ip(lab.node, `addr add ${NODE_IP}/32 dev lo`);
    await ip(lab.node, `addr add ${TUNNEL}/32 dev tunl0`);
    await ip(lab.node, 'route add 192.0.2.128/26 dev tunl0');
    await ip(lab.remote, `addr add ${REMOTE_POD}/32 dev eth9`);
    await ip(lab.remote, `route add ${TUNNEL}/32 dev eth9`);
    await ip(lab.remote, `route add ${NODE_IP}/32 dev eth9`);
    await loadPlan(lab.node, plan);
    server = runInNamespace(lab.remote, ['python3', '-c', ECHO_SERVER], { timeoutMs: 50000, allowFailure: true });
    await new Promise((r) => setTimeout(r, 500));
    return (await runInNamespace(lab.node, ['python3', '-c', CLIENT], { timeoutMs: 10000 })).stdout.trim();
  } finally {
    for (const ns of Object.values(lab)) {
      await deleteNamespace(ns);
      untrackNamespace(ns);
    }
    if (server) await server;
  }
}

describe('the tunnel-source masquerade on a real kernel', () => {
  kernelIt('host traffic leaving tunl0 from the InternalIP reaches the remote pod from the tunnel address, as the engine judges it', async () => {
    const plan = nodePlan(node1());
    const rule = plan.iptables.split('\n').filter((l) => l.includes('--out-interface tunl0') && l.includes('MASQUERADE'));
    expect(rule).toHaveLength(1);
    // the engine on node-2: node-x's host traffic arrives from its tunnel address, which the policy allows
    const m2 = node2();
    const verdict = evaluateFlow(m2, buildFlow(m2, { from: NODE_IP, to: 'app/b', protocol: 'UDP', port: ECHO_PORT }));
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.reason).toContain(`tunnel address ${TUNNEL}`);

    expect(await sourceSeen(plan)).toBe(TUNNEL);
    // Counter-proof: without the rule the pod sees the InternalIP (which its policy would deny)
    expect(await sourceSeen({ ...plan, iptables: plan.iptables.split('\n').filter((l) => !rule.includes(l)).join('\n') })).toBe(NODE_IP);
  }, 90000);
});
