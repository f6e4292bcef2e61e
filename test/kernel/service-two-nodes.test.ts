// kube-proxy's SNAT on a real kernel, across two nodes: the scenario of fixtures/services with w1
// and w2 each built in namespaces (Felix's plan and kube-proxy's rules each) and joined by a veth
// pair as their private network (lib/verify/node-link.ts). w1's kube-proxy rules are pinned to
// web-3, the backend on w2, so every probe from the internet host to w1 is DNATed to w2 and, with
// externalTrafficPolicy Cluster, masqueraded to w1's InternalIP 192.0.2.1 as it leaves w1. Worked
// out by hand from the fixture's policies (web accepts 8080 from 203.0.113.0/24 and the client,
// 9090 from 192.0.2.1/32 only):
// - 203.0.113.200 -> 203.0.113.1:30080 (web-cluster): the client's CIDR is allowed, but web-3 sees
//   192.0.2.1: denied;
// - 203.0.113.200 -> 203.0.113.50:443 (web-lb, a LoadBalancer): the same SNAT: denied;
// - 203.0.113.200 -> 203.0.113.1:30090 (web-admin): allowed only through the node address: allowed.
// The engine's external path (node-path.ts) must give the same verdicts and say web-3 sees 192.0.2.1.
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildEngineModel, evaluateExternalServiceFlow, findExternalTarget, parseEngineInputs } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { loadPlan } from '../../lib/verify/load';
import { connectNodes } from '../../lib/verify/node-link';
import { buildTopology, Topology } from '../../lib/verify/topology';
import { kernelIt } from './support';

const text = readFileSync(join(__dirname, 'fixtures', 'services', 'scenario.yaml'), 'utf8');
const model = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text }]));
const INTERNET = '203.0.113.200';
const WEB_3 = '198.51.100.12';

function workloadsOf(node: string): { id: string; interfaceName: string; ips: string[] }[] {
  return renderNodePlan(model, node).endpoints.endpoints.filter((e) => e.kind === 'workload').map((e) => ({ id: e.id, interfaceName: e.interface, ips: [...e.ips] }));
}

/** The engine's verdict for the path through w1 to web-3, and the source web-3 sees. */
function engine(dst: string, port: number): string {
  const target = findExternalTarget(model, dst, 'TCP', port);
  if (!target) return 'no Service path';
  const path = evaluateExternalServiceFlow(model, INTERNET, target, 'eth1').paths.find((p) => p.node === 'w1' && p.backend.pod === 'shop/web-3');
  if (!path || path.unused !== undefined) return 'not used';
  return `${path.allowed ? 'allow' : 'deny'} seen from ${path.seenSource ?? INTERNET}`;
}

describe('kube-proxy\'s SNAT across two nodes, on a real kernel', () => {
  kernelIt('a Cluster nodePort and a LoadBalancer IP forwarded to the other node: the backend sees the node address; engine == kernel', async () => {
    const built: Topology[] = [];
    try {
      const w1 = await buildTopology({
        workloads: workloadsOf('w1'),
        links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.1'], peerIps: [INTERNET] }, { interfaceName: 'eth0', nodeIps: ['192.0.2.1'], peerIps: ['192.0.2.200'] }],
        serviceIps: ['203.0.113.50'],
      });
      built.push(w1);
      const w2 = await buildTopology({ workloads: workloadsOf('w2'), links: [{ interfaceName: 'eth0', nodeIps: ['192.0.2.2'], peerIps: ['192.0.2.201'] }] });
      built.push(w2);
      await connectNodes({ topology: w1, address: '192.0.2.1' }, { topology: w2, address: '192.0.2.2' });
      const toWeb3 = (_s: unknown, p: { backends: readonly { pod?: string }[] }): number | undefined => {
        const i = p.backends.findIndex((b) => b.pod === 'shop/web-3');
        return i >= 0 ? i : undefined;
      };
      await loadPlan(w1.nodeNs, { ...renderNodePlan(model, 'w1'), kubeProxy: renderKubeProxy(model, 'w1', toWeb3) });
      await loadPlan(w2.nodeNs, { ...renderNodePlan(model, 'w2'), kubeProxy: renderKubeProxy(model, 'w2') });
      const web3 = w2.workloads.find((w) => w.ips.includes(WEB_3))!;
      const listener = await startListener(web3.ns, [{ ip: WEB_3, port: 8080 }, { ip: WEB_3, port: 9090 }], [], 60);
      try {
        const cases: [string, number][] = [['203.0.113.1', 30080], ['203.0.113.50', 443], ['203.0.113.1', 30090]];
        const probes = cases.map(([dst, port], i) => ({ id: `n${i}`, proto: 'tcp', src: INTERNET, dst, port, ident: 0 }));
        const results = await runAgentProbes(w1.links[0].peerNs, probes, 1.5, 3);
        const kernel = cases.map(([dst, port], i) => `${dst}:${port} ${results[i].ok ? 'allow' : 'deny'}`);
        expect(kernel).toEqual(cases.map(([dst, port]) => `${dst}:${port} ${engine(dst, port).split(' ')[0]}`));
        // worked by hand, so neither side can drift unnoticed
        expect(kernel).toEqual(['203.0.113.1:30080 deny', '203.0.113.50:443 deny', '203.0.113.1:30090 allow']);
        expect(cases.map(([dst, port]) => engine(dst, port))).toEqual(['deny seen from 192.0.2.1', 'deny seen from 192.0.2.1', 'allow seen from 192.0.2.1']);
      } finally {
        listener.stop();
      }
    } finally {
      for (const t of built.reverse()) await t.destroy();
    }
  }, 240000);
});
