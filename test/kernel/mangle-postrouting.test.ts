// Host traffic that is DNATed (here by a nat OUTPUT rule of the test, as kube-proxy does for a
// Service) skips filter OUTPUT's host endpoint policy (`! --ctstate DNAT`: its outgoing interface is
// not known yet) and meets it in mangle cali-POSTROUTING instead (felix/rules/static.go
// StaticManglePostroutingChain, endpoints.go HostEndpointToMangleEgressChains). Worked out by hand:
// the public host endpoint's egress policy denies TCP 8080 and allows the rest, so the node reaches
// the peer's 8081 directly and through the DNATed address, and 8080 neither way.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { runAgentProbes, startListener } from '../../lib/verify/agent';
import { runCommand, runInNamespace } from '../../lib/verify/exec';
import { modelOf, withNode } from './felix-world';
import { kernelIt } from './support';

const NODE_IP = '203.0.113.10';
const PEER = '203.0.113.1';
const SERVICE = '203.0.113.99'; // DNATed to the peer by the test's nat OUTPUT rules

const docs = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'ExternalIP', address: NODE_IP }] } },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'worker-1-public', labels: { role: 'public' } },
    spec: { node: 'worker-1', interfaceName: 'eth1', expectedIPs: [NODE_IP] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'public-out' },
    spec: {
      selector: "role == 'public'", types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }],
      egress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [8080] } }, { action: 'Allow' }],
    },
  },
];

describe('mangle cali-POSTROUTING, on a real kernel', () => {
  kernelIt('host traffic DNATed out of a host endpoint meets its egress policy: 8080 dropped, 8081 allowed, as without DNAT', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, 'worker-1');
    const topology = { workloads: [], links: [{ interfaceName: 'eth1', nodeIps: [NODE_IP], peerIps: [PEER] }] };
    await withNode(topology, plan, async (t) => {
      await runCommand(['ip', '-n', t.nodeNs, 'route', 'add', `${SERVICE}/32`, 'dev', 'eth1'], { timeoutMs: 10000 });
      for (const [from, to] of [[80, 8080], [81, 8081]]) {
        await runInNamespace(t.nodeNs, ['iptables', '-t', 'nat', '-A', 'OUTPUT', '-d', `${SERVICE}/32`, '-p', 'tcp', '--dport', String(from),
          '-j', 'DNAT', '--to-destination', `${PEER}:${to}`], { timeoutMs: 10000 });
      }
      const listener = await startListener(t.links[0].peerNs, [{ ip: PEER, port: 8080 }, { ip: PEER, port: 8081 }], [], 60);
      try {
        const probe = (id: string, dst: string, port: number) => ({ id, proto: 'tcp', src: NODE_IP, dst, port, ident: 0 });
        const results = await runAgentProbes(t.nodeNs, [probe('d8080', PEER, 8080), probe('d8081', PEER, 8081), probe('n80', SERVICE, 80), probe('n81', SERVICE, 81)], 1.5, 4);
        expect(results.map((r) => [r.id, r.ok])).toEqual([['d8080', false], ['d8081', true], ['n80', false], ['n81', true]]);
      } finally {
        listener.stop();
      }
    });
    // the engine judges the translated flow (it knows no DNAT): the same verdicts
    const verdict = (port: number): boolean => evaluateFlow(model, buildFlow(model, { from: NODE_IP, to: PEER, protocol: 'TCP', port, via: 'eth1' })).allowed;
    expect([verdict(8080), verdict(8081)]).toEqual([false, true]);
  }, 120000);
});
