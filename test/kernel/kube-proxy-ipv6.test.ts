// kube-proxy's IPv6 proxier on a real kernel (issue 12): node w1 of test/engine/fixtures/ipv6-services.ts
// built in namespaces with Felix's plan (iptables and ip6tables) and kube-proxy's two files
// (`renderKubeProxy` for IPv4 and IPv6, loaded with iptables-restore / ip6tables-restore --noflush;
// each Service port has one backend, so no pinning is needed). Real packets, every address in
// 2001:db8::/32: client-1 -> the IPv6 ClusterIP [2001:db8:96::50]:80 (web6) and the dual-stack
// Service's IPv6 cluster IP [2001:db8:96::51]:81 are DNATed to web-1 [2001:db8:10::11]:8080 and
// allowed by web's policy (from the client pods); from the internet host 2001:db8:2::1 to the node's
// IPv6 address [2001:db8:2::10]:30080 (web6's nodePort, externalTrafficPolicy Cluster) is DNATed and
// allowed by web's ipBlock (the masquerade runs after the filter chains, so the policy sees the
// client); 2001:db8:2::2 is denied by it; 30099 is no nodePort. Each is compared with the engine's
// answer for the same path (0 mismatches), and both with the outcome worked by hand. Counter-proof:
// without the ip6tables file nothing is DNATed; `reloadPlan` with it loads it.
import { buildEngineModel, evaluateExternalServiceFlow, evaluateServiceFlow, findExternalTarget, parseEngineInputs, resolveServiceTarget } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { reloadPlan } from '../../lib/verify/load';
import { V6_INVENTORY, V6_MANIFESTS } from '../engine/fixtures/ipv6-services';
import { withNode } from './felix-world';
import { kernelIt } from './support';

const model = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: V6_INVENTORY }, { file: 's.yaml', text: V6_MANIFESTS }]));
const NODE_V6 = '2001:db8:2::10';
const ALLOWED_PEER = '2001:db8:2::1';
const OTHER_PEER = '2001:db8:2::2';

/** The engine's answer for client-1 -> a cluster IP and port. */
function engineClusterIp(to: string, port: number): boolean {
  return evaluateServiceFlow(model, 'shop/client-1', resolveServiceTarget(model.services, to, 'TCP', String(port))).summary === 'all';
}

/** The engine's answer for a peer -> the node's IPv6 address and a port; false when it is no nodePort. */
function engineNodePort(from: string, port: number): boolean {
  const target = findExternalTarget(model, NODE_V6, 'TCP', port);
  return target !== undefined && evaluateExternalServiceFlow(model, from, target).summary === 'all';
}

describe('kube-proxy\'s ip6tables rules, on a real kernel', () => {
  kernelIt('IPv6 ClusterIPs and an IPv6 nodePort are DNATed to the IPv6 backend; the policy decides; the engine agrees', async () => {
    const plan = renderNodePlan(model, 'w1');
    expect(plan.ip6tables).toBeDefined();
    const pods = plan.endpoints.endpoints.filter((e) => e.kind === 'workload');
    const spec = {
      workloads: pods.map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })),
      links: [{ interfaceName: 'eth1', nodeIps: [NODE_V6], peerIps: [ALLOWED_PEER, OTHER_PEER] }],
    };
    const kubeProxy = { kubeProxy: renderKubeProxy(model, 'w1', undefined, 4), kubeProxy6: renderKubeProxy(model, 'w1', undefined, 6) };
    await withNode(spec, { ...plan, ...kubeProxy }, async (t) => {
      const web = t.workloads.find((w) => w.id === 'shop/web-1')!;
      const client = t.workloads.find((w) => w.id === 'shop/client-1')!;
      const listener = await startListener(web.ns, [{ ip: '2001:db8:10::11', port: 8080 }], [], 60);
      try {
        const clusterCases: [string, number][] = [['2001:db8:96::50', 80], ['2001:db8:96::51', 81]];
        const fromPod = await runAgentProbes(client.ns,
          clusterCases.map(([dst, port], i) => ({ id: `c${i}`, proto: 'tcp', src: '2001:db8:10::12', dst, port, ident: 0 })), 1.5, 2);
        const nodeCases: [string, number][] = [[ALLOWED_PEER, 30080], [OTHER_PEER, 30080], [ALLOWED_PEER, 30099]];
        const fromPeer = await runAgentProbes(t.links[0].peerNs,
          nodeCases.map(([src, port], i) => ({ id: `n${i}`, proto: 'tcp', src, dst: NODE_V6, port, ident: 0 })), 1.5, 3);
        const kernel = [
          ...clusterCases.map(([dst, port], i) => `client-1->[${dst}]:${port} ${fromPod[i].ok ? 'allow' : 'deny'}`),
          ...nodeCases.map(([src, port], i) => `${src}->node:${port} ${fromPeer[i].ok ? 'allow' : 'deny'}`),
        ];
        const engine = [
          ...clusterCases.map(([dst, port]) => `client-1->[${dst}]:${port} ${engineClusterIp(dst, port) ? 'allow' : 'deny'}`),
          ...nodeCases.map(([src, port]) => `${src}->node:${port} ${engineNodePort(src, port) ? 'allow' : 'deny'}`),
        ];
        expect(kernel).toEqual(engine);
        // worked by hand, so neither side can drift unnoticed
        expect(kernel).toEqual([
          'client-1->[2001:db8:96::50]:80 allow', 'client-1->[2001:db8:96::51]:81 allow',
          '2001:db8:2::1->node:30080 allow', '2001:db8:2::2->node:30080 deny', '2001:db8:2::1->node:30099 deny',
        ]);
      } finally {
        listener.stop();
      }
    });
  }, 180000);

  kernelIt('without kube-proxy\'s ip6tables file the IPv6 cluster IP is not reached; reloadPlan with it DNATs it', async () => {
    const plan = renderNodePlan(model, 'w1');
    const pods = plan.endpoints.endpoints.filter((e) => e.kind === 'workload');
    const spec = { workloads: pods.map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })), links: [{ interfaceName: 'eth1', nodeIps: [NODE_V6], peerIps: [ALLOWED_PEER] }] };
    const v4 = renderKubeProxy(model, 'w1', undefined, 4);
    await withNode(spec, { ...plan, kubeProxy: v4 }, async (t) => {
      const web = t.workloads.find((w) => w.id === 'shop/web-1')!;
      const client = t.workloads.find((w) => w.id === 'shop/client-1')!;
      const listener = await startListener(web.ns, [{ ip: '2001:db8:10::11', port: 8080 }], [], 60);
      const probe = async (): Promise<boolean> => (await runAgentProbes(client.ns, [{ id: 'p', proto: 'tcp', src: '2001:db8:10::12', dst: '2001:db8:96::50', port: 80, ident: 0 }], 1.5, 1))[0].ok;
      try {
        expect(await probe()).toBe(false);
        await reloadPlan(t.nodeNs, { ...plan, kubeProxy: v4, kubeProxy6: renderKubeProxy(model, 'w1', undefined, 6) });
        expect(await probe()).toBe(true);
      } finally {
        listener.stop();
      }
    });
  }, 180000);
});
