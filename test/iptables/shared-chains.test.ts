// Policy, profile and group chains are rendered once per model and shared by its nodes
// (lib/iptables/shared-chains.ts): a node rendered after others must get exactly the plan it gets
// when rendered first, IP sets included (the sets of a shared chain are adopted, not rebuilt).
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';

/** An order-10 GlobalNetworkPolicy on app=web: Allow TCP from app=`from` to `port`. */
function webFrom(name: string, from: string, port: string): string {
  return `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: { name: ${name} }
spec:
  order: 10
  selector: app == 'web'
  ingress:
    - action: Allow
      protocol: TCP
      source: { selector: app == '${from}' }
      destination: { ports: [${port}] }
`;
}

const MANIFESTS = `
${webFrom('web-from-db', 'db', 'http')}---
${webFrom('web-metrics', 'prom', '9090')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Egress]
  egress:
    - to: [{ podSelector: { matchLabels: { app: web } } }]
`;

function pod(name: string, app: string, node: string, ip: string): string {
  return `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: shop, labels: { app: ${app} } }
spec:
  nodeName: ${node}
  containers: [{ name: c, ports: [{ name: http, containerPort: 8080 }] }]
status: { podIP: ${ip} }
`;
}

const INVENTORY = `
apiVersion: v1
kind: Node
metadata: { name: w1 }
---
apiVersion: v1
kind: Node
metadata: { name: w2 }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop }
${pod('web-a', 'web', 'w1', '192.0.2.11')}${pod('db-a', 'db', 'w1', '192.0.2.12')}${pod('web-b', 'web', 'w2', '192.0.2.21')}${pod('db-b', 'db', 'w2', '192.0.2.22')}${pod('prom', 'prom', 'w2', '192.0.2.23')}`;

const build = () => buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: MANIFESTS }, { file: 'c.yaml', text: INVENTORY }]));

describe('chains shared by the nodes of a model', () => {
  for (const layout of ['felix', 'compact'] as const) {
    it(`w2 rendered after w1 is w2 rendered alone, sets included (${layout})`, () => {
      const shared = build();
      const first = renderNodePlan(shared, 'w1', { layout });
      const second = renderNodePlan(shared, 'w2', { layout });
      const alone = renderNodePlan(build(), 'w2', { layout });
      expect(second.iptables).toBe(alone.iptables);
      expect(second.ipsets).toBe(alone.ipsets);
      // the policies met on w1 again on w2: their chains and sets are on both nodes
      for (const plan of [first, second]) {
        expect(plan.iptables).toMatch(/Policy gnp web-from-db ingress/);
        expect(plan.ipsets).toContain('# selector app == "db"\ncreate cali40s:');
        expect(plan.ipsets).toContain('add cali40n:');
      }
      expect(second.ipsets).toContain('add cali40s:');
      expect(second.ipsets).toMatch(/add \S+ 192\.0\.2\.12\n/);
    });
  }
});
