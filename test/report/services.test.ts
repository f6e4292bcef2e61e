// The report's Services section: each Service's ports and backends, who reaches each port through its
// cluster IP (kube-proxy's DNAT to each backend, summarised over the backends and the party's pods),
// and from outside (203.0.113.10) each nodePort on each node address. Worked by hand from the policies.
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { buildReport, reportToHtml } from '../../lib/report';
import {
  LOCKED_POLICY, SERVICE_WORLD_PODS, SHOP_NAMESPACE, TO_WEB_8080, WEB_SERVICE, clientEgressPolicy, shopPod, shopService,
} from '../engine/fixtures/service-world';

const node = (name: string, ip: string): string => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status: {addresses: [{type: InternalIP, address: ${ip}}]}
`;

const INPUT = `${SHOP_NAMESPACE}${node('w1', '198.51.100.1')}${node('w2', '198.51.100.2')}${SERVICE_WORLD_PODS}`
  + `${shopPod('other', 'w2', '192.0.2.20', '{app: other}')}${WEB_SERVICE}`
  + `${shopService('front', '{type: NodePort, clusterIP: 10.96.0.13, externalTrafficPolicy: Local, selector: {app: web}, '
    + 'ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}')}`
  + `${shopService('headless', '{clusterIP: None, selector: {app: web}, ports: [{port: 80}]}')}${LOCKED_POLICY}${clientEgressPolicy(TO_WEB_8080)}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other-no-egress, namespace: shop}
spec: {podSelector: {matchLabels: {app: other}}, policyTypes: [Egress]}
`;

describe('report: Services section', () => {
  const inputs = parseEngineInputs([{ file: 'm.yaml', text: INPUT }]);
  const data = buildReport(inputs, buildEngineModel(inputs), { title: 't', ports: [] });

  test('the Services with a cluster IP, their ports and backends', () => {
    expect(data.services.map((s) => `${s.name} ${s.type} ${s.addresses.join(',')} [${s.policies.join(', ')}] ${s.backendsFrom}`)).toEqual([
      'shop/web ClusterIP 10.96.0.10 [internalTrafficPolicy Cluster] selector',
      'shop/front NodePort 10.96.0.13 [externalTrafficPolicy Local, internalTrafficPolicy Cluster] selector',
    ]);
    expect(data.services[0].ports.map((p) => [p.label, p.backends])).toEqual([
      ['http TCP/80 -> http', ['192.0.2.10:8080 (shop/web-1 on w1)', '192.0.2.11:8080 (shop/web-2 on w2)']],
    ]);
    expect(data.services[1].ports[0].label).toBe('TCP/80 -> 8080, nodePort 30080');
  });

  test('who reaches each port through the cluster IP', () => {
    // web-2 denies all ingress, so only web-2 itself (a pod may always reach itself) reaches both
    // backends; client (egress to web:8080) and web-1 reach web-1 only; other may send nothing
    expect(data.services[0].ports[0].fromCluster).toEqual({ all: ['shop/web-2'], some: ['shop/client', 'shop/web-1'], none: ['shop/other'] });
  });

  test('from outside: the nodePort on each node address, Local uses only the arrival node\'s backend', () => {
    // w1 holds web-1 (no ingress policy): reachable; w2 holds web-2, which denies all ingress
    expect(data.services[1].ports[0].fromOutside).toEqual([{ to: '198.51.100.1:30080', summary: 'all' }, { to: '198.51.100.2:30080', summary: 'none' }]);
    expect(data.services[0].ports[0].fromOutside).toEqual([]);
  });

  test('the HTML has one section per Service, linked from the contents', () => {
    const html = reportToHtml(data);
    expect(html).toContain('<a href="#services">Services</a>');
    expect([...html.matchAll(/<section class="service" data-service="([^"]+)">/g)].map((m) => m[1])).toEqual(['shop/web', 'shop/front']);
    expect(html).toContain('<div class="s-none"><b>none:</b> shop/other</div>');
    expect(html).toContain('<div class="s-all">198.51.100.1:30080: all</div>');
  });
});
