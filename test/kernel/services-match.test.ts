// A Calico `services` rule on a real kernel: the plan's hash:ip,port set of the Service's
// endpoints (destination match, `dst,dst`) and hash:net set of their addresses (source match), as
// Felix builds them (felix/calc/rule_scanner.go, felix/serviceindex/serviceindex.go); the engine
// must agree with every probe. Worked out by hand:
// - client's egress allows only destination.services ops/web: web-1:8080 (an endpoint at its
//   target port) passes; web-1:9090 (another port) and other:8080 (no endpoint) are dropped;
// - db's ingress allows only source.services ops/web: from web-1 passes, from client is dropped.
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { modelOf, probeTcp, withNode } from './felix-world';
import { kernelIt } from './support';

const NODE = 'worker-1';
const IPS = { client: '192.0.2.5', 'web-1': '192.0.2.10', other: '192.0.2.20', db: '192.0.2.30' };
const pod = (name: keyof typeof IPS, app: string): object => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ops', labels: { app } },
  spec: { nodeName: NODE, containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: IPS[name], podIPs: [{ ip: IPS[name] }] },
});
const SVC = { name: 'web', namespace: 'ops' };
const docs = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.10' }] } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' } } },
  pod('client', 'client'), pod('web-1', 'web'), pod('other', 'other'), pod('db', 'db'),
  { apiVersion: 'v1', kind: 'Service', metadata: SVC, spec: { clusterIP: '10.96.0.10', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'client-to-web', namespace: 'ops' },
    spec: { selector: "app == 'client'", types: ['Egress'], egress: [{ action: 'Allow', destination: { services: SVC } }] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'db-from-web', namespace: 'ops' },
    spec: { selector: "app == 'db'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', source: { services: SVC } }] },
  },
];

describe('Calico services matches on a real kernel', () => {
  kernelIt('destination.services and source.services: the kernel and the engine agree on every probe', async () => {
    const model = modelOf(docs);
    const plan = renderNodePlan(model, NODE);
    expect(plan.ipsets).toContain(`add cali40svc:`);
    const workloads = plan.endpoints.endpoints.filter((e) => e.kind === 'workload')
      .map((e) => ({ id: e.id, interfaceName: e.interface, ips: [IPS[e.id.split('/')[1] as keyof typeof IPS]] }));
    const topology = { workloads, links: [{ interfaceName: 'eth0', nodeIps: ['198.51.100.10'], peerIps: ['198.51.100.30'] }] };
    await withNode(topology, plan, async (t) => {
      expect(await probeTcp(t, model, [[IPS.client, IPS['web-1']], [IPS.client, IPS.other]], 8080)).toEqual([
        [IPS.client, IPS['web-1'], 8080, true, true],
        [IPS.client, IPS.other, 8080, false, false],
      ]);
      expect(await probeTcp(t, model, [[IPS.client, IPS['web-1']]], 9090)).toEqual([[IPS.client, IPS['web-1'], 9090, false, false]]);
      expect(await probeTcp(t, model, [[IPS['web-1'], IPS.db], [IPS.client, IPS.db]], 5432)).toEqual([
        // sorted by source text: 192.0.2.10 before 192.0.2.5
        [IPS['web-1'], IPS.db, 5432, true, true],
        [IPS.client, IPS.db, 5432, false, false],
      ]);
    });
  }, 120000);
});
