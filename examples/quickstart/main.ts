// The README's first example (test/readme/readme.test.ts keeps the two identical).
import { Chart } from 'cdk8s';
import {
  AllowFromPods, DefaultDeny, LabelSelector, NetsecApp, PolicyTarget, Port,
  WorkerNode, WorkerNodeDefaults,
} from '../../lib';

const app = new NetsecApp();
const chart = new Chart(app, 'shop');

// Who may talk to whom: Kubernetes NetworkPolicies where they can say it, Calico where not.
new DefaultDeny(chart, 'default-deny', { target: PolicyTarget.namespace('shop'), allowDns: true });
new AllowFromPods(chart, 'backend-from-frontend', {
  target: PolicyTarget.pods('shop', LabelSelector.of({ app: 'backend' })),
  fromPods: LabelSelector.of({ app: 'frontend' }),
  ports: [Port.tcp(8080)],
});

// The nodes, and what IBM Cloud Kubernetes Service creates on every worker.
const worker = new WorkerNode(chart, 'w1', { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11' });
new WorkerNodeDefaults(chart, 'iks-defaults', { nodes: [worker] });

app.synth();
