// Issue 14 item 6: a NetsecApp's synth warnings are printed once, not again by every matcher call
// (each call synthesises the app in memory). The chart's default deny of egress without DNS gives
// exactly one lint warning (NS009).
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../lib/app';
import { DefaultDeny, PolicyTarget } from '../../lib/constructs/intent';
import { Port } from '../../lib/constructs/vocabulary/port';
import '../../lib/testing/setup';

const pod = (name: string, ip: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { nodeName: 'n1' }, status: { podIP: ip, podIPs: [{ ip }] },
});
const INVENTORY = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, pod('frontend', '192.0.2.10'), pod('backend', '192.0.2.11')];

test('three matcher calls on one app print its warning once', () => {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written', iptablesPlan: false });
  new DefaultDeny(new Chart(app, 'shop'), 'default-deny', { target: PolicyTarget.namespace('shop') });
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter((l) => l !== ''));
    return true;
  });
  try {
    expect(app).toDeny({ from: 'shop/frontend', to: 'shop/backend', port: Port.tcp(8080) }, INVENTORY);
    expect(app).toDeny({ from: 'shop/backend', to: 'shop/frontend', port: Port.tcp(8080) }, INVENTORY);
    expect(app).toDeny({ from: 'shop/frontend', to: 'shop/backend', port: Port.udp(53) }, INVENTORY);
  } finally {
    spy.mockRestore();
  }
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^warning: shop: .*\[NS009\]/);
});
