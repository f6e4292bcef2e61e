import {
  IbmPrivateNetworkIsolation, IbmPublicNetworkIsolation, IbmRegion, WorkerNode,
} from '../../../lib/constructs/ibm';
import { keyOf, newChart, synthChart } from './helpers';

test('public set defaults: the required policies plus the Kubernetes dashboard policy', () => {
  const { app, chart } = newChart();
  const iso = new IbmPublicNetworkIsolation(chart, 'pub', { region: IbmRegion.US_SOUTH });
  expect(synthChart(app, chart).map(keyOf).sort()).toEqual([
    'GlobalNetworkPolicy//allow-egress-pods-public',
    'GlobalNetworkPolicy//allow-ibm-ports-public',
    'GlobalNetworkPolicy//allow-public-service-endpoint',
    'GlobalNetworkPolicy//deny-all-outbound-public',
    'NetworkPolicy/kube-system/allow-k8s-master-to-dashboard-via-vpn',
    'NetworkPolicy/kube-system/allow-konnectivity',
  ]);
  expect(iso.policyNames).toContain('kube-system/allow-konnectivity');
});

test('public set for OpenShift: the OpenShift policies, no dashboard policy', () => {
  const { app, chart } = newChart();
  new IbmPublicNetworkIsolation(chart, 'pub', { region: IbmRegion.EU_DE, openShift: true, kubernetesDashboard: false });
  const keys = synthChart(app, chart).map(keyOf);
  expect(keys).toEqual(expect.arrayContaining([
    'NetworkPolicy/kube-system/allow-kube-system-to-olm',
    'NetworkPolicy/openshift-ingress/allow-openshift-console',
    'NetworkPolicy/openshift-monitoring/allow-openshift-metrics',
  ]));
  expect(keys).not.toContain('NetworkPolicy/kube-system/allow-k8s-master-to-dashboard-via-vpn');
  expect(keys).not.toContain('GlobalNetworkPolicy//allow-public-services');
});

test('the public deny-all comes after the allows and before IKS\'s allow-all-outbound (1900)', () => {
  const { app, chart } = newChart();
  new IbmPublicNetworkIsolation(chart, 'pub', { region: IbmRegion.US_SOUTH, publicServices: true });
  const ms = synthChart(app, chart);
  const order = (name: string) => (ms.find(m => keyOf(m) === `GlobalNetworkPolicy//${name}`)?.spec as { order: number }).order;
  expect(order('deny-all-outbound-public')).toBe(1850);
  expect(order('allow-public-services')).toBeLessThan(1850);
  expect(order('allow-ibm-ports-public')).toBeLessThan(1850);
});

test('private set defaults: eight policies, no host endpoints, no optional services', () => {
  const { app, chart } = newChart();
  new IbmPrivateNetworkIsolation(chart, 'priv', { region: IbmRegion.CA_TOR });
  expect(synthChart(app, chart).map(keyOf).sort()).toEqual([
    'GlobalNetworkPolicy//allow-all-workers-private',
    'GlobalNetworkPolicy//allow-egress-pods-private',
    'GlobalNetworkPolicy//allow-ibm-ports-private',
    'GlobalNetworkPolicy//allow-icmp-private',
    'GlobalNetworkPolicy//allow-private-service-endpoint',
    'GlobalNetworkPolicy//allow-sys-mgmt-private',
    'GlobalNetworkPolicy//allow-vrrp-private',
    'GlobalNetworkPolicy//deny-all-private-default',
  ]);
});

describe('bad input', () => {
  test('unknown region: path, field, value and the ten allowed regions', () => {
    const { chart } = newChart();
    const allowed = 'au-syd, br-sao, ca-tor, eu-de, eu-es, eu-gb, jp-osa, jp-tok, us-east, us-south';
    expect(() => new IbmPublicNetworkIsolation(chart, 'pub', { region: IbmRegion.of('us-west') }))
      .toThrow(`test/pub: region: unknown IBM Cloud region "us-west"; allowed: ${allowed}`);
    expect(() => new IbmPrivateNetworkIsolation(chart, 'priv', { region: IbmRegion.of('US-SOUTH') }))
      .toThrow(`test/priv: region: unknown IBM Cloud region "US-SOUTH"; allowed: ${allowed}`);
  });

  test('a region given as a plain name (JavaScript): the error says what was given and what to write', () => {
    const { chart } = newChart();
    const regions = IbmRegion.all().map(r => r.name).join(', ');
    const asRegion = (v: unknown): IbmRegion => v as IbmRegion;
    expect(() => new IbmPublicNetworkIsolation(chart, 'pub', { region: asRegion('us-south') }))
      .toThrow(`test/pub: region: expected an IbmRegion, got "us-south"; allowed: IbmRegion.of("us-south") (regions: ${regions})`);
    expect(() => new IbmPrivateNetworkIsolation(chart, 'priv', { region: asRegion(undefined) }))
      .toThrow('test/priv: region: expected an IbmRegion, got nothing; allowed: IbmRegion.of(<name>) or a constant like IbmRegion.US_SOUTH');
  });

  test('the same worker twice in the OpenShift 3.11 host endpoint list', () => {
    const { chart } = newChart();
    const w = new WorkerNode(chart, 'w', { name: 'n1', publicIp: '203.0.113.5', privateIp: '192.0.2.5' });
    expect(() => new IbmPrivateNetworkIsolation(chart, 'priv', { region: IbmRegion.US_EAST, openShift311HostEndpoints: [w, w] }))
      .toThrow(/^test\/priv: openShift311HostEndpoints\[1\]: duplicate node name "n1"/);
  });
});
