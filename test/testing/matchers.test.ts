// toAllow / toDeny on charts, apps, manifest objects and files; failure messages carry the trace.
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { IntOrString, KubeNetworkPolicy } from '../../lib/constructs/l1';
import { Port } from '../../lib/constructs/vocabulary/port';
import { netsecMatchers } from '../../lib/testing';
import '../../lib/testing/setup';

const FIXTURES = path.join(__dirname, 'fixtures');
const INVENTORY_FILE = path.join(FIXTURES, 'inventory.yaml');
const pod = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] },
  status: { phase: 'Running', podIP: name === 'frontend' ? '10.1.0.10' : '10.1.0.11' },
});
const INVENTORY = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, pod('frontend'), pod('backend')];

function shopChart(app: App = Testing.app()): Chart {
  const chart = new Chart(app, 'shop');
  new KubeNetworkPolicy(chart, 'backend-in', {
    metadata: { name: 'backend-in', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ protocol: 'TCP', port: IntOrString.fromNumber(9090) }] }],
    },
  });
  return chart;
}

const FRONT_TO_BACK = (port: Port) => ({ from: 'shop/frontend', to: 'shop/backend', port });

describe('matchers on a chart', () => {
  test('the allowed port passes toAllow, another port passes toDeny', () => {
    const chart = shopChart();
    expect(chart).toAllow(FRONT_TO_BACK(Port.tcp(9090)), INVENTORY);
    expect(chart).toDeny(FRONT_TO_BACK(Port.tcp(22)), INVENTORY);
    expect(chart).not.toAllow(FRONT_TO_BACK(Port.udp(9090)), INVENTORY);
  });
  test('the other direction is not isolated (no policy selects the frontend)', () => {
    expect(shopChart()).toAllow({ from: 'shop/backend', to: 'shop/frontend', port: Port.tcp(8080) }, INVENTORY);
  });
  test('{ protocol, port } works in place of Port', () => {
    expect(shopChart()).toAllow({ from: 'shop/frontend', to: 'shop/backend', port: { protocol: 'TCP', port: 9090 } }, INVENTORY);
  });
  test('the inventory can be a file path', () => {
    expect(shopChart()).toDeny(FRONT_TO_BACK(Port.tcp(9091)), INVENTORY_FILE);
  });
});

describe('matchers on an app and on manifests', () => {
  test('an App is synthesised chart by chart', () => {
    const app = Testing.app();
    shopChart(app);
    expect(app).toAllow(FRONT_TO_BACK(Port.tcp(9090)), INVENTORY);
    expect(app).toDeny(FRONT_TO_BACK(Port.tcp(80)), INVENTORY);
  });
  test('plain manifest objects', () => {
    const manifests = Testing.synth(shopChart());
    expect(manifests).toAllow(FRONT_TO_BACK(Port.tcp(9090)), INVENTORY);
  });
  test('a kind: List, as manifests and as the inventory', () => {
    const manifests = { apiVersion: 'v1', kind: 'List', items: Testing.synth(shopChart()) };
    const inventory = { apiVersion: 'v1', kind: 'List', items: INVENTORY };
    expect(manifests).toAllow(FRONT_TO_BACK(Port.tcp(9090)), inventory);
    expect(manifests).toDeny(FRONT_TO_BACK(Port.tcp(9091)), inventory);
  });
  test('a malformed manifest object is an error naming where it was and the field', () => {
    const bad = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'b', namespace: 'shop' }, spec: { podSelector: 'app=x' } };
    expect(() => expect([bad]).toAllow(FRONT_TO_BACK(Port.tcp(9090)), INVENTORY)).toThrow(/^manifests#0: spec\.podSelector: /);
  });
  test('a manifest file path, alone or in a list', () => {
    expect(path.join(FIXTURES, 'shop-policy.yaml')).toDeny(FRONT_TO_BACK(Port.tcp(443)), INVENTORY_FILE);
    expect([path.join(FIXTURES, 'shop-policy.yaml')]).toAllow(FRONT_TO_BACK(Port.tcp(9090)), INVENTORY_FILE);
  });
});

describe('failure messages', () => {
  test('toAllow on a denied flow explains both directions', () => {
    const r = netsecMatchers.toAllow(shopChart(), FRONT_TO_BACK(Port.tcp(22)), INVENTORY);
    expect(r.pass).toBe(false);
    const msg = r.message();
    expect(msg).toContain('expected shop/frontend -> shop/backend TCP/22 to be allowed, but it is denied.');
    expect(msg).toContain('egress of the source (shop/frontend): allow');
    expect(msg).toContain('ingress of the destination (shop/backend): deny');
    expect(msg).toContain('backend-in');
  });
  test('.not.toAllow on an allowed flow says so, with the trace', () => {
    const r = netsecMatchers.toAllow(shopChart(), FRONT_TO_BACK(Port.tcp(9090)), INVENTORY);
    expect(r.pass).toBe(true);
    expect(r.message()).toContain('expected shop/frontend -> shop/backend TCP/9090 not to be allowed, but it is allowed.');
    expect(r.message()).toContain('ingress of the destination (shop/backend): allow');
  });
  test('toDeny on an allowed flow fails', () => {
    const r = netsecMatchers.toDeny(shopChart(), FRONT_TO_BACK(Port.tcp(9090)), INVENTORY);
    expect(r.pass).toBe(false);
    expect(r.message()).toContain('to be denied, but it is allowed.');
  });
  test('an unknown pod is an error, not a verdict', () => {
    expect(() => netsecMatchers.toAllow(shopChart(), { from: 'shop/fronted', to: 'shop/backend', port: Port.tcp(1) }, INVENTORY))
      .toThrow(/shop\/fronted/);
  });
  test('a port range is refused with what is allowed', () => {
    expect(() => netsecMatchers.toAllow(shopChart(), FRONT_TO_BACK(Port.tcpRange(1, 2)), INVENTORY))
      .toThrow('Port.tcpRange(1, 2) is a range or named port; allowed: a single port number');
  });
});
