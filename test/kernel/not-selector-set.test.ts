// `selector` with `notSelector` in one rule: Felix builds one IP set for `(selector) &&
// (!(notSelector))` (felix/calc/rule_scanner.go combineMatchesIfPossible; rule_scanner_test.go
// "positive selectors should be combined with negative ones"), so the set holds the CIDRs of
// matching network sets, and an address inside such a CIDR matches even when a host endpoint with
// that address matches the notSelector. Worked out by hand:
// - trusted-net (role=trusted) holds 198.51.100.0/24; worker-2's host endpoint 198.51.100.20
//   (blocked=yes, not trusted) is inside it: allowed (the old AND of a negated set dropped it);
// - worker-3's host endpoint 203.0.113.50 is role=trusted and blocked=yes: not in the set, dropped;
//   worker-4's 203.0.113.51 is role=trusted only: allowed; 203.0.113.60 is nobody's: dropped.
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { modelOf, probeTcp, withNode } from './felix-world';
import { kernelIt } from './support';

const POD_IP = '192.0.2.11';
const nodeDoc = (name: string, ip: string): object => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const hep = (name: string, node: string, ip: string, labels: object): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name, labels },
  spec: { node, interfaceName: 'eth0', expectedIPs: [ip], profiles: ['projectcalico-default-allow'] },
});

const docs = [
  nodeDoc('worker-1', '198.51.100.10'), nodeDoc('worker-2', '198.51.100.20'), nodeDoc('worker-3', '203.0.113.50'), nodeDoc('worker-4', '203.0.113.51'),
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' } } },
  {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'ops', labels: { app: 'web' } },
    spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: POD_IP, podIPs: [{ ip: POD_IP }] },
  },
  { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 'trusted-net', labels: { role: 'trusted' } }, spec: { nets: ['198.51.100.0/24'] } },
  hep('worker-2-eth0', 'worker-2', '198.51.100.20', { blocked: 'yes' }),
  hep('worker-3-eth0', 'worker-3', '203.0.113.50', { role: 'trusted', blocked: 'yes' }),
  hep('worker-4-eth0', 'worker-4', '203.0.113.51', { role: 'trusted' }),
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'web-from-trusted' },
    spec: {
      selector: "app == 'web'", types: ['Ingress'],
      ingress: [{ action: 'Allow', protocol: 'TCP', source: { selector: "role == 'trusted'", notSelector: "blocked == 'yes'" }, destination: { ports: [80] } }],
    },
  },
];

describe('selector and notSelector in one rule, on a real kernel', () => {
  kernelIt('one set for (selector) && (!(notSelector)): an address in a trusted network set passes though its host endpoint is blocked', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, 'worker-1');
    expect(plan.ipsets).toContain('selector (role == "trusted" && !blocked == "yes")');
    const ep = plan.endpoints.endpoints.find((e) => e.kind === 'workload');
    const topology = {
      workloads: [{ id: 'ops/web', interfaceName: ep?.interface ?? '', ips: [POD_IP] }],
      links: [
        { interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: ['198.51.100.20', '198.51.100.30'] },
        { interfaceName: 'eth1', nodeIps: ['203.0.113.10'], peerIps: ['203.0.113.50', '203.0.113.51', '203.0.113.60'] },
      ],
    };
    await withNode(topology, plan, async (t) => {
      const peers = ['198.51.100.20', '198.51.100.30', '203.0.113.50', '203.0.113.51', '203.0.113.60'];
      expect(await probeTcp(t, model, peers.map((p) => [p, POD_IP] as const), 80)).toEqual([
        ['198.51.100.20', POD_IP, 80, true, true],
        ['198.51.100.30', POD_IP, 80, true, true],
        ['203.0.113.50', POD_IP, 80, false, false],
        ['203.0.113.51', POD_IP, 80, true, true],
        ['203.0.113.60', POD_IP, 80, false, false],
      ]);
    });
  }, 120000);
});
