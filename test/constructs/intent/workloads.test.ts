// Issue 14 item 5: cdk8s-plus workloads as policy targets and peers, and a connections API in the
// spirit of ec2.Connections. A cdk8s-plus Deployment selects its pods by the label cdk8s-plus gives
// it (`cdk8s.io/metadata.addr`); the policies must select exactly that label in the workload's
// namespace. The connection test checks with the engine (through the matchers) that, under a
// default deny of both directions, allowFrom opens exactly the one port, one way.
import { App, Chart, Testing } from 'cdk8s';
import * as plus from 'cdk8s-plus-34';
import { NetsecApp } from '../../../lib/app';
import { AllowFromPods, DefaultDeny, PolicyTarget, WorkloadConnections } from '../../../lib/constructs/intent';
import { LabelSelector, Peer, Port } from '../../../lib/constructs/vocabulary';
import '../../../lib/testing/setup';

const ADDR = 'cdk8s.io/metadata.addr';

function deployment(chart: Chart, id: string): plus.Deployment {
  return new plus.Deployment(chart, id, { containers: [{ image: 'registry.example/app:1', portNumber: 8080 }] });
}

const policies = (chart: Chart): { kind: string; metadata: { name: string; namespace?: string }; spec: unknown }[] =>
  (Testing.synth(chart) as { kind: string; metadata: { name: string; namespace?: string }; spec: unknown }[]).filter((d) => d.kind === 'NetworkPolicy');

describe('cdk8s-plus workloads', () => {
  test('PolicyTarget.workload and Peer.workload select the pods by the workload\'s label, in its namespace', () => {
    const shop = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const web = deployment(shop, 'web');
    const ops = new Chart(shop, 'ops', { namespace: 'monitoring' });
    const prom = deployment(ops, 'prom');
    new AllowFromPods(shop, 'web-from-prom', { target: PolicyTarget.workload(web), fromPods: LabelSelector.all(), ports: [Port.tcp(9090)] });
    const webLabel = web.matchLabels[ADDR];
    const promLabel = prom.matchLabels[ADDR];
    expect(webLabel).toMatch(/^shop-web-c8[0-9a-f]+$/); // cdk8s-plus's label: the chart id, the construct id, a hash
    expect(Peer.workload(prom).toKubernetes()).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      podSelector: { matchLabels: { [ADDR]: promLabel } },
    });
    expect(PolicyTarget.workload(web).toKubernetesPodSelector()).toEqual({ matchLabels: { [ADDR]: webLabel } });
    expect(policies(shop)).toEqual([expect.objectContaining({
      metadata: { name: 'web-from-prom', namespace: 'shop' },
      spec: expect.objectContaining({ podSelector: { matchLabels: { [ADDR]: webLabel } } }),
    })]);
  });

  test('a workload without a namespace is refused, naming it', () => {
    const chart = new Chart(new App(), 'nons');
    const web = deployment(chart, 'web');
    expect(() => PolicyTarget.workload(web)).toThrow('PolicyTarget.workload(nons/web): the workload has no namespace, so its pods\' namespace is unknown; '
      + 'allowed: a workload in a Chart with a namespace, or with metadata.namespace');
  });

  test('WorkloadConnections.allowFrom: ingress on the receiver and egress on the sender, one port, one way', () => {
    const app = new NetsecApp({ outdir: '/nonexistent/never-written', iptablesPlan: false });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const frontend = deployment(chart, 'frontend');
    const backend = deployment(chart, 'backend');
    new DefaultDeny(chart, 'default-deny', { target: PolicyTarget.namespace('shop'), allowDns: true });
    new WorkloadConnections(chart, 'backend-conn', { workload: backend }).allowFrom(frontend, [Port.tcp(8080)]);

    const fe = frontend.matchLabels[ADDR];
    const be = backend.matchLabels[ADDR];
    expect(policies(chart).filter((p) => p.metadata.name.startsWith('backend-conn'))).toEqual([
      {
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'backend-conn-0-ingress', namespace: 'shop' },
        spec: {
          podSelector: { matchLabels: { [ADDR]: be } }, policyTypes: ['Ingress'],
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { [ADDR]: fe } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'backend-conn-0-egress', namespace: 'shop' },
        spec: {
          podSelector: { matchLabels: { [ADDR]: fe } }, policyTypes: ['Egress'],
          egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { [ADDR]: be } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
        },
      },
    ]);

    const pod = (name: string, label: string, ip: string) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels: { [ADDR]: label } }, spec: { nodeName: 'n1' }, status: { podIP: ip },
    });
    const inventory = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, pod('frontend-1', fe, '192.0.2.10'), pod('backend-1', be, '192.0.2.11')];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(app).toAllow({ from: 'shop/frontend-1', to: 'shop/backend-1', port: Port.tcp(8080) }, inventory);
      expect(app).toDeny({ from: 'shop/frontend-1', to: 'shop/backend-1', port: Port.tcp(8081) }, inventory);
      expect(app).toDeny({ from: 'shop/backend-1', to: 'shop/frontend-1', port: Port.tcp(8080) }, inventory);
    } finally {
      spy.mockRestore();
    }
  });

  test('allowTo swaps the roles; a workload without a namespace is a synth problem of the connections construct', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const web = deployment(chart, 'web');
    const db = deployment(chart, 'db');
    new WorkloadConnections(chart, 'web-conn', { workload: web }).allowTo(db, [Port.tcp(5432)]);
    const [ingress, egress] = policies(chart) as { spec: { podSelector: { matchLabels: { [k: string]: string } } } }[];
    expect(ingress.spec.podSelector.matchLabels[ADDR]).toBe(db.matchLabels[ADDR]);
    expect(egress.spec.podSelector.matchLabels[ADDR]).toBe(web.matchLabels[ADDR]);

    const other = new Chart(Testing.app(), 'nons');
    const lonely = deployment(other, 'lonely');
    const conn = new WorkloadConnections(other, 'conn', { workload: lonely });
    expect(() => conn.allowFrom(lonely, [Port.tcp(80)])).not.toThrow();
    expect(() => Testing.synth(other)).toThrow(/nons\/conn: WorkloadConnections\(nons\/lonely\): the workload has no namespace/);
  });
});
