// An all-interfaces host endpoint (`interfaceName: "*"`, what automatic host endpoints use) on a
// real kernel. Felix gives it the chains cali-fh-any-interface-at-all, cali-th-any-interface-at-all and the
// forward ones (hashed: the names are over 28 characters), and makes
// them the default of the host dispatch chains: every interface without a host endpoint of its
// own, the pods' cali interfaces included for forwarded traffic (felix/rules/dispatch.go
// hostDispatchChains with a default interface; dispatch_test.go "apply on forward, with default
// interface name"; felix/dataplane/linux/endpoint_mgr.go). Worked out by hand for TCP 8080 / 8081:
// - allow-8080-in (Ingress) selects the endpoint: the node accepts 8080 on eth0 and eth1, drops 8081;
// - fwd-out (applyOnForward, Egress: Deny 8081, then Allow) applies to the node's own output and to
//   everything forwarded out of any interface, so 8081 is dropped from the node to a peer, from a
//   pod to a peer, from a peer to a pod and from one pod to the other on the same node; 8080 passes.
// Without the `*` chains every one of these would be accepted.
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { Observed, modelOf, probeTcp, withNode } from './felix-world';
import { kernelIt } from './support';
import { lengthLimitedId } from '../../lib/iptables/names';

const PUBLIC = '203.0.113.10';
const PRIVATE = '198.51.100.10';
const INTERNET = '203.0.113.1';
const LAN = '198.51.100.1';
const WEB = '192.0.2.11';
const DB = '192.0.2.12';

const pod = (name: string, ip: string): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ops', labels: { app: name } },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});
const gnp = (name: string, spec: object): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec });

const docs = [
  {
    apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} },
    status: { addresses: [{ type: 'InternalIP', address: PRIVATE }, { type: 'ExternalIP', address: PUBLIC }] },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' } } },
  pod('web', WEB), pod('db', DB),
  {
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'worker-1-auto', labels: { hep: 'auto' } },
    spec: { node: 'worker-1', interfaceName: '*', expectedIPs: [PRIVATE, PUBLIC] },
  },
  gnp('allow-8080-in', { selector: "hep == 'auto'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8080] } }] }),
  gnp('fwd-out', {
    selector: "hep == 'auto'", applyOnForward: true, types: ['Egress'],
    egress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [8081] } }, { action: 'Allow' }],
  }),
];

const PAIRS = [[INTERNET, PUBLIC], [LAN, PRIVATE], [PUBLIC, INTERNET], [INTERNET, WEB], [WEB, INTERNET], [WEB, DB], [DB, WEB]] as const;

function expected(port: number): Observed[] {
  const ok = port === 8080;
  return PAIRS.map(([s, d]): Observed => [s, d, port, ok, ok]).sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

describe('an all-interfaces host endpoint, on a real kernel', () => {
  kernelIt('polices the node on every interface and everything forwarded, pods included: 8080 passes, 8081 is dropped', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, 'worker-1');
    const filter = plan.iptables.split('*filter\n')[1];
    const defaults = [['cali-from-host-endpoint', 'cali-fh-'], ['cali-to-host-endpoint', 'cali-th-'], ['cali-from-hep-forward', 'cali-fhfw-'], ['cali-to-hep-forward', 'cali-thfw-']];
    for (const [chain, prefix] of defaults) expect(filter).toMatch(new RegExp(`-A ${chain} .*--goto ${lengthLimitedId(prefix, 'any-interface-at-all')}\n`));
    const pods = plan.endpoints.endpoints.filter((e) => e.kind === 'workload');
    const topology = {
      workloads: pods.map((e) => ({ id: e.id, interfaceName: e.interface, ips: e.ips })),
      links: [
        { interfaceName: 'eth0', nodeIps: [PRIVATE], peerIps: [LAN] },
        { interfaceName: 'eth1', nodeIps: [PUBLIC], peerIps: [INTERNET] },
      ],
    };
    await withNode(topology, plan, async (t) => {
      expect(await probeTcp(t, model, PAIRS, 8080)).toEqual(expected(8080));
      expect(await probeTcp(t, model, PAIRS, 8081)).toEqual(expected(8081));
    });
  }, 120000);
});
