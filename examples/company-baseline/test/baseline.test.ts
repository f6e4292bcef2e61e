import { Chart, Testing } from 'cdk8s';
import { AllowCidr, PolicyTarget, Port } from 'cdk8s-netsec';
import 'cdk8s-netsec/testing';
import { TeamBaseline } from '../src';

const INVENTORY = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, spec: { nodeName: 'n1' }, status: { podIP: '192.0.2.10' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, spec: { nodeName: 'n1' }, status: { podIP: '192.0.2.53' } },
];

test('a team namespace denies by default but resolves names', () => {
  const chart = new Chart(Testing.app(), 'shop');
  new TeamBaseline(chart, 'baseline', { namespace: 'shop' });
  expect(chart).toAllow({ from: 'shop/web', to: 'kube-system/dns', port: Port.udp(53) }, INVENTORY);
  expect(chart).toDeny({ from: 'shop/web', to: '198.51.100.7', port: Port.tcp(443) }, INVENTORY);
  expect(chart).toDeny({ from: '198.51.100.7', to: 'shop/web', port: Port.tcp(8080) }, INVENTORY);
});

test('the blocked range is denied even where a team allows everything', () => {
  const chart = new Chart(Testing.app(), 'shop');
  new TeamBaseline(chart, 'baseline', { namespace: 'shop' });
  new AllowCidr(chart, 'from-anywhere', { target: PolicyTarget.namespace('shop'), cidrs: ['0.0.0.0/0'] });
  expect(chart).toAllow({ from: '198.51.100.7', to: 'shop/web', port: Port.tcp(8080) }, INVENTORY);
  expect(chart).toDeny({ from: '203.0.113.230', to: 'shop/web', port: Port.tcp(8080) }, INVENTORY);
});
