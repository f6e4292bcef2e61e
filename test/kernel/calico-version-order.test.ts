// Issue 16 item 9 on a real kernel: the equal-order tie-break of the declared Calico release. An
// unordered GlobalNetworkPolicy `b` (Deny TCP 80) and an unordered Calico NetworkPolicy `a` in
// namespace `z` (Allow TCP 80) both select z/server. felix/calc/policy_sorter.go PolKVLess (read at
// v3.31.7:320-322 and v3.32.1:391-397): 3.31 compares "b" with "z/a" and puts the GlobalNetworkPolicy
// first (denied); 3.32 compares "a/z/NetworkPolicy" with "b//GlobalNetworkPolicy" and puts the
// NetworkPolicy first (allowed). Each release's plan, loaded into a namespace, must drop or pass the
// packet as that release's engine says (worked out by hand above; test/engine/calico-version.test.ts
// checks the order itself).
import { dump } from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { CalicoVersion } from '../../lib/model/calico-version';
import { probeTcp, withNode } from './felix-world';
import { kernelIt } from './support';

const SERVER = '192.0.2.20';
const PEER = '198.51.100.20';

const docs = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'z', labels: { 'kubernetes.io/metadata.name': 'z' } } },
  {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'server', namespace: 'z', labels: { app: 'server' } },
    spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: SERVER, podIPs: [{ ip: SERVER }] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'b' },
    spec: { selector: "app == 'server'", types: ['Ingress'], ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [80] } }] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'a', namespace: 'z' },
    spec: { selector: "app == 'server'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }] },
  },
];

function modelFor(version: CalicoVersion): ReturnType<typeof buildEngineModel> {
  return buildEngineModel(parseEngineInputs([{ file: 'order.yaml', text: docs.map((d) => dump(d)).join('---\n') }], { calicoVersion: version }));
}

describe('equal-order tie-break per Calico release, on a real kernel', () => {
  for (const [version, passes] of [['3.31', false], ['3.32', true]] as const) {
    kernelIt(`${version}: TCP 80 to z/server is ${passes ? 'allowed (the NetworkPolicy goes first)' : 'dropped (the GlobalNetworkPolicy goes first)'}`, async () => {
      const model = modelFor(version);
      const plan = renderNodePlan(model, 'worker-1');
      const ep = plan.endpoints.endpoints.find((e) => e.kind === 'workload');
      const topology = {
        workloads: [{ id: 'z/server', interfaceName: ep?.interface ?? '', ips: [SERVER] }],
        links: [{ interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: [PEER] }],
      };
      await withNode(topology, plan, async (t) => {
        expect(await probeTcp(t, model, [[PEER, SERVER]], 80)).toEqual([[PEER, SERVER, 80, passes, passes]]);
      });
    }, 120000);
  }
});
