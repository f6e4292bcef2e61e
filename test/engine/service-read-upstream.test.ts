// What the engine and the kube-proxy plan read from fields whose upstream meaning changes the
// answer (issue 12): status.loadBalancer.ingress[].ipMode Proxy (kube-proxy programs only VIP-mode
// ingress IPs: pkg/proxy/serviceport.go newBaseServiceInfo skips !IsVIPMode; the load balancer
// delivers to the nodes itself), nodePort 0 (no nodePort: the allocator's to fill in), and
// externalTrafficPolicy defaulted for a ClusterIP Service with externalIPs (SetDefaults_Service,
// apiservice.ExternallyAccessible). Worked by hand.
import { buildEngineModel, findExternalTarget, parseEngineInputs } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { EXTERNAL_INVENTORY } from './fixtures/external-services';

const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: lb, namespace: shop}
spec: {type: LoadBalancer, clusterIP: 10.96.0.70, selector: {app: web}, ports: [{port: 443, targetPort: 8080, nodePort: 30470}]}
status: {loadBalancer: {ingress: [{ip: 203.0.113.70, ipMode: VIP}, {ip: 203.0.113.71, ipMode: Proxy}, {ip: 203.0.113.72}]}}
---
apiVersion: v1
kind: Service
metadata: {name: zero, namespace: shop}
spec: {clusterIP: 10.96.0.71, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 0}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {clusterIP: 10.96.0.72, externalIPs: [203.0.113.73], selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;
const inputs = parseEngineInputs([{ file: 'c.yaml', text: EXTERNAL_INVENTORY }, { file: 's.yaml', text: SERVICES }]);
const model = buildEngineModel(inputs);
const service = (name: string) => model.services.find((s) => s.name === name)!;

describe('upstream meanings that change what is read', () => {
  test('an ipMode Proxy ingress IP is no kube-proxy path; VIP and unset ones are', () => {
    expect(service('lb').loadBalancerIPs).toEqual(['203.0.113.70', '203.0.113.72']);
    expect(findExternalTarget(model, '203.0.113.71', 'TCP', 443)).toBeUndefined();
    expect(findExternalTarget(model, '203.0.113.70', 'TCP', 443)?.kind).toBe('loadBalancer');
    const plan = renderKubeProxy(model, 'w1');
    expect(plan).toContain('-d 203.0.113.70 --dport 443');
    expect(plan).not.toContain('203.0.113.71');
  });

  test('nodePort 0 is no nodePort: none read, none in the plan', () => {
    expect(service('zero').ports[0].nodePort).toBeUndefined();
    expect(renderKubeProxy(model, 'w1')).not.toContain('--dport 0 ');
  });

  test('a ClusterIP Service with externalIPs gets externalTrafficPolicy Cluster', () => {
    expect(service('ext').externalTrafficPolicy).toBe('Cluster');
  });
});
