// A pod's packet to another node's pod and the host endpoint that polices it, on a real kernel: two
// nodes built in namespaces (Felix's plan each), joined by a veth pair that carries the pods' traffic
// (lib/verify/node-link.ts). Each node has a host endpoint on eth0 whose applyOnForward policy denies
// forwarded traffic both ways. Routed directly (ipipMode Never) the pair is the nodes' eth0, so the
// pod's packet leaves w1 by eth0 and enters w2 by eth0: Felix's cali-to-hep-forward and
// cali-from-hep-forward (felix/rules/dispatch.go, by interface) drop it. Through the IP-in-IP tunnel
// (ipipMode Always) the pods' packets leave and enter by tunl0; this kernel has no ipip module, so
// the pair is named tunl0 and stands in for the tunnel device (the inner packet is what Felix's
// forward chains see): no host endpoint covers tunl0 and the packet passes. With WireGuard on and
// both nodes peers, the pods' packets take wireguard.cali instead (again a veth of that name): the
// host endpoint naming it, with the same forward deny, drops them. The engine
// (sides.ts with tunnel-source.ts podRouteDevice) must say the same, worked out by hand here too.
import * as yaml from 'js-yaml';
import { BuiltModel, buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { loadPlan } from '../../lib/verify/load';
import { connectNodes } from '../../lib/verify/node-link';
import { buildTopology, Topology } from '../../lib/verify/topology';
import { kernelIt } from './support';

const NODES = [{ name: 'w1', ip: '192.0.2.1' }, { name: 'w2', ip: '192.0.2.2' }];
const A = '198.51.100.11';
const B = '198.51.100.21';

const WG_KEY = 'projectcalico.org/WireguardPublicKey';

/** The world: the pool's ipipMode, and with `wireguard` WireGuard on, both nodes publishing a key and a wireguard.cali host endpoint each, denying forwarded traffic too. */
function model(ipipMode: string, wireguard = false): BuiltModel {
  const heps = wireguard ? ['eth0', 'wireguard.cali'] : ['eth0'];
  const manifests = [
    ...(wireguard ? [{ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: { wireguardEnabled: true } }] : []),
    { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '198.51.100.0/24', ipipMode, vxlanMode: 'Never' } },
    { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny-forward' },
      spec: { selector: "hep == 'forward'", applyOnForward: true, types: ['Ingress', 'Egress'], ingress: [{ action: 'Deny' }], egress: [{ action: 'Deny' }] } },
    ...NODES.flatMap((n) => heps.map((iface) => ({ apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: `${n.name}-${iface}`, labels: { hep: 'forward' } },
      spec: { node: n.name, interfaceName: iface, ...(iface === 'eth0' ? { expectedIPs: [n.ip] } : {}) } }))),
  ];
  const inventory = { apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
    ...NODES.map((n, i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': `203.0.113.${i + 1}`,
      ...(wireguard ? { [WG_KEY]: Buffer.alloc(32, i + 1).toString('base64') } : {}) } },
      status: { addresses: [{ type: 'InternalIP', address: n.ip }] } })),
    ...[['a', 'w1', A], ['b', 'w2', B]].map(([name, node, ip]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'app', labels: { app: name } },
      spec: { nodeName: node, containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] } })),
  ] };
  return buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: manifests.map((d) => yaml.dump(d)).join('---\n') },
    { file: 'cluster.yaml', text: yaml.dump(inventory) },
  ]));
}

function workloadsOf(m: BuiltModel, node: string): { id: string; interfaceName: string; ips: string[] }[] {
  return renderNodePlan(m, node).endpoints.endpoints.filter((e) => e.kind === 'workload').map((e) => ({ id: e.id, interfaceName: e.interface, ips: [...e.ips] }));
}

/** The kernel's verdict for TCP from pod a (w1) to pod b (w2), with the nodes joined by `link`. */
async function kernelVerdict(m: BuiltModel, link: string): Promise<boolean> {
  const built: Topology[] = [];
  try {
    const w1 = await buildTopology({ workloads: workloadsOf(m, 'w1'), links: [] });
    built.push(w1);
    const w2 = await buildTopology({ workloads: workloadsOf(m, 'w2'), links: [] });
    built.push(w2);
    await connectNodes({ topology: w1, address: NODES[0].ip }, { topology: w2, address: NODES[1].ip }, link);
    await loadPlan(w1.nodeNs, renderNodePlan(m, 'w1'));
    await loadPlan(w2.nodeNs, renderNodePlan(m, 'w2'));
    const b = w2.workloads.find((w) => w.ips.includes(B))!;
    const a = w1.workloads.find((w) => w.ips.includes(A))!;
    const listener = await startListener(b.ns, [{ ip: B, port: 8080 }], [], 60);
    try {
      const [r] = await runAgentProbes(a.ns, [{ id: 'p', proto: 'tcp', src: A, dst: B, port: 8080, ident: 0 }], 1.5, 1);
      return r.ok;
    } finally {
      listener.stop();
    }
  } finally {
    for (const t of built.reverse()) await t.destroy();
  }
}

const engineVerdict = (m: BuiltModel): boolean => evaluateFlow(m, buildFlow(m, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 8080 })).allowed;

describe('cross-node pod traffic and the eth0 host endpoint\'s forward policy, on a real kernel', () => {
  kernelIt('over eth0: denied by its forward policy; over tunl0: not policed, allowed; over wireguard.cali with its own host endpoint: denied; engine == kernel', async () => {
    const direct = model('Never');
    const tunnelled = model('Always');
    const wireguard = model('Always', true);
    const kernel = [await kernelVerdict(direct, 'eth0'), await kernelVerdict(tunnelled, 'tunl0'), await kernelVerdict(wireguard, 'wireguard.cali')];
    expect(kernel).toEqual([engineVerdict(direct), engineVerdict(tunnelled), engineVerdict(wireguard)]);
    expect(kernel).toEqual([false, true, false]);
  }, 240000);
});
