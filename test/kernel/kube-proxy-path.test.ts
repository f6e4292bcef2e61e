// kube-proxy's external path on a real kernel: node w1 of test/engine/fixtures/external-services.ts
// built in namespaces with Felix's plan and kube-proxy's rules (`renderKubeProxy`, pinned to web-1,
// the backend on w1, so the random choice cannot hide a verdict). Real packets from the internet host
// to the node's public address: the Local nodePort 30081 is DNATed to web-1 and allowed by web's
// ipBlock; the Cluster nodePort 30080 is DNATed and marked for masquerade, and still allowed, since
// MASQUERADE (nat POSTROUTING) runs after the filter chains where web's policy sees the client;
// 203.0.113.200 is dropped by the pre-DNAT deny on both; 30099 is no nodePort. Each is compared
// with the engine's answer for the same path (0 mismatches).
import { buildEngineModel, evaluateExternalServiceFlow, findExternalTarget, parseEngineInputs } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { EXTERNAL_INVENTORY, EXTERNAL_MANIFESTS } from '../engine/fixtures/external-services';
import { labModel, synthLab } from '../examples/lab-world';
import { withNode } from './felix-world';
import { kernelIt } from './support';

const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${EXTERNAL_INVENTORY}---\n${EXTERNAL_MANIFESTS}` }]));
const WEB_1 = model.endpoints.find((e) => e.id === 'shop/web-1')!;

/** The engine's answer for the path through w1 to web-1 (the pinned backend); false when no Service path exists. */
function engineAllows(from: string, port: number): boolean {
  const target = findExternalTarget(model, '203.0.113.1', 'TCP', port);
  if (!target) return false;
  const path = evaluateExternalServiceFlow(model, from, target).paths.find((p) => p.node === 'w1' && p.backend.pod === 'shop/web-1');
  return path !== undefined && path.unused === undefined && path.allowed;
}

describe('kube-proxy\'s nodePort path, on a real kernel', () => {
  kernelIt('nodePort DNAT, pre-DNAT deny and the masquerade after the filter chains agree with the engine', async () => {
    const plan = renderNodePlan(model, 'w1');
    const webOne = (): number => 0; // web-1 is backend 0 of every Service port of the fixture
    const spec = {
      workloads: [{ id: WEB_1.id, interfaceName: WEB_1.interfaceName, ips: WEB_1.ips }],
      links: [
        { interfaceName: 'eth1', nodeIps: ['203.0.113.1'], peerIps: ['203.0.113.100', '203.0.113.200'] },
        { interfaceName: 'eth0', nodeIps: ['192.0.2.1'], peerIps: ['192.0.2.2'] },
      ],
    };
    await withNode(spec, { ...plan, kubeProxy: renderKubeProxy(model, 'w1', webOne) }, async (t) => {
      const pod = t.workloads[0];
      const listener = await startListener(pod.ns, [{ ip: '198.51.100.10', port: 8080 }], [], 60);
      try {
        const cases: [string, number][] = [['203.0.113.100', 30081], ['203.0.113.100', 30080], ['203.0.113.200', 30081], ['203.0.113.200', 30080], ['203.0.113.100', 30099]];
        const probes = cases.map(([src, port], i) => ({ id: `p${i}`, proto: 'tcp', src, dst: '203.0.113.1', port, ident: 0 }));
        const results = await runAgentProbes(t.links[0].peerNs, probes, 1.5, 5);
        const kernel = cases.map(([src, port], i) => `${src}->${port} ${results[i].ok ? 'allow' : 'deny'}`);
        const engine = cases.map(([src, port]) => `${src}->${port} ${engineAllows(src, port) ? 'allow' : 'deny'}`);
        expect(kernel).toEqual(engine);
        // worked by hand, so neither side can drift unnoticed
        expect(kernel).toEqual(['203.0.113.100->30081 allow', '203.0.113.100->30080 allow', '203.0.113.200->30081 deny', '203.0.113.200->30080 deny', '203.0.113.100->30099 deny']);
      } finally {
        listener.stop();
      }
    });
  }, 180000);
});

// The lab (examples/ibm-lab): worker-2 with its synthesised plan and kube-proxy file, the frontend's
// NodePort 30080 (externalTrafficPolicy Local, so kube-proxy's only choice on worker-2 is frontend-2:
// no pinning needed). From the internet host: 30080 passes deny-nodeports' pre-DNAT allow, the DNAT
// and the frontend's policy; 30081 is dropped before DNAT; the denied CIDR (203.0.113.230) is dropped
// by the netsec-deny tier behind the NodePort. Worked by hand from README section 5, and the engine agrees.
describe('the lab\'s NodePort, on a real kernel', () => {
  kernelIt('worker-2:30080 allowed from the internet, 30081 dropped, the denied CIDR dropped through the NodePort', async () => {
    const { files } = synthLab();
    const lab = labModel(files);
    const kubeProxy = files.find((f) => f.path === 'iptables/worker-2.kube-proxy.iptables')?.content;
    expect(kubeProxy).toBeDefined();
    const plan = renderNodePlan(lab, 'worker-2');
    const pods = plan.endpoints.endpoints.filter((e) => e.kind === 'workload');
    const spec = {
      workloads: pods.map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })),
      links: [
        { interfaceName: 'eth1', nodeIps: ['203.0.113.12'], peerIps: ['203.0.113.100', '203.0.113.230'] },
        { interfaceName: 'eth0', nodeIps: ['198.51.100.12'], peerIps: ['198.51.100.200'] },
      ],
    };
    await withNode(spec, { ...plan, kubeProxy }, async (t) => {
      const frontend = t.workloads.find((w) => w.id === 'guestbook/frontend-2')!;
      const listener = await startListener(frontend.ns, [{ ip: frontend.ips[0], port: 8080 }], [], 60);
      try {
        const cases: [string, number][] = [['203.0.113.100', 30080], ['203.0.113.100', 30081], ['203.0.113.230', 30080]];
        const probes = cases.map(([src, port], i) => ({ id: `l${i}`, proto: 'tcp', src, dst: '203.0.113.12', port, ident: 0 }));
        const results = await runAgentProbes(t.links[0].peerNs, probes, 1.5, 3);
        const kernel = cases.map(([src, port], i) => `${src}->${port} ${results[i].ok ? 'allow' : 'deny'}`);
        const engine = cases.map(([src, port]) => {
          const target = findExternalTarget(lab, '203.0.113.12', 'TCP', port);
          const allowed = target !== undefined && evaluateExternalServiceFlow(lab, src, target).summary === 'all';
          return `${src}->${port} ${allowed ? 'allow' : 'deny'}`;
        });
        expect(kernel).toEqual(engine);
        expect(kernel).toEqual(['203.0.113.100->30080 allow', '203.0.113.100->30081 deny', '203.0.113.230->30080 deny']);
      } finally {
        listener.stop();
      }
    });
  }, 180000);
});
