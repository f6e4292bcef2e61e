// kube-proxy's proxiers per IP family, in the engine and the plan (issue 12). kube-proxy runs one
// proxier per family; each programs only the Services with a cluster IP of its family
// (pkg/proxy/servicechangetracker.go serviceToServiceMap), with that family's endpoints, addresses and
// loadBalancerSourceRanges (pkg/proxy/serviceport.go newBaseServiceInfo: the ranges of the other
// family are dropped, and without a range of its family the proxier writes no KUBE-FW-*,
// proxier.go `usesFWChain`). So: a flow to an IPv6 address is DNATed to IPv6 backends only; an IPv4
// node address has no nodePort of an IPv6-only Service; IPv4-only source ranges leave the IPv6
// LoadBalancer IP open. Worked by hand on the fixture.
import { buildEngineModel, evaluateExternalServiceFlow, evaluateServiceFlow, findExternalTarget, parseEngineInputs, resolveServiceTarget } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { servicePortChains } from '../../lib/iptables/kube-proxy-names';
import { V6_INVENTORY, V6_MANIFESTS } from './fixtures/ipv6-services';

const DUAL_POD = `---
apiVersion: v1
kind: Pod
metadata: {name: lb-1, namespace: shop, labels: {app: lbweb}}
spec: {nodeName: w1, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: 198.51.100.12, podIPs: [{ip: 198.51.100.12}, {ip: "2001:db8:10::13"}]}
`;
const LB = `---
apiVersion: v1
kind: Service
metadata: {name: lb, namespace: shop}
spec:
  type: LoadBalancer
  clusterIP: 198.51.100.60
  clusterIPs: [198.51.100.60, "2001:db8:96::60"]
  ipFamilies: [IPv4, IPv6]
  ipFamilyPolicy: RequireDualStack
  selector: {app: lbweb}
  loadBalancerSourceRanges: [203.0.113.0/25]
  ports: [{port: 443, targetPort: 8080, nodePort: 30443}]
status: {loadBalancer: {ingress: [{ip: 203.0.113.60}, {ip: "2001:db8:50::1"}]}}
`;
const model = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: V6_INVENTORY + DUAL_POD }, { file: 's.yaml', text: V6_MANIFESTS + LB }]));
const V4_BACKEND = '198.51.100.12:8080';
const V6_BACKEND = '2001:db8:10::13:8080';

describe('kube-proxy per IP family', () => {
  test('a flow to the IPv6 cluster IP is DNATed to the IPv6 backend only; to the IPv4 one, to the IPv4 backend only', () => {
    const answer = (from: string, to: string): string[] => evaluateServiceFlow(model, from, resolveServiceTarget(model.services, to, 'TCP', '443')).backends
      .map((b) => `${b.backend.address}:${b.backend.port} ${b.verdict ? (b.verdict.allowed ? 'allow' : 'deny') : `unused: ${b.unused}`}`);
    expect(answer('shop/client-1', '2001:db8:96::60')).toEqual([
      `${V4_BACKEND} unused: kube-proxy's IPv6 proxier DNATs only to IPv6 endpoints; 198.51.100.12 is IPv4`,
      `${V6_BACKEND} allow`,
    ]);
    expect(answer('192.0.2.77', '198.51.100.60')).toEqual([
      `${V4_BACKEND} allow`,
      `${V6_BACKEND} unused: kube-proxy's IPv4 proxier DNATs only to IPv4 endpoints; 2001:db8:10::13 is IPv6`,
    ]);
  });

  test('a Service named (service/<ns>/<name>) from an IPv6-only pod takes its IPv6 cluster IP, not the first (IPv4) one', () => {
    const v = evaluateServiceFlow(model, 'shop/client-1', resolveServiceTarget(model.services, 'service/shop/lb', 'TCP', '443'));
    expect(v.backends.map((b) => `${b.backend.address} ${b.verdict ? 'judged' : 'unused'}`)).toEqual(['198.51.100.12 unused', '2001:db8:10::13 judged']);
    // from an address that is no pod, the first cluster IP's family (IPv4) stays
    const w = evaluateServiceFlow(model, '192.0.2.77', resolveServiceTarget(model.services, 'service/shop/lb', 'TCP', '443'));
    expect(w.backends.map((b) => `${b.backend.address} ${b.verdict ? 'judged' : 'unused'}`)).toEqual(['198.51.100.12 judged', '2001:db8:10::13 unused']);
  });

  test('the nodePort of an IPv6-only Service is on the node\'s IPv6 address, not on its IPv4 one', () => {
    expect(findExternalTarget(model, '2001:db8:2::10', 'TCP', 30080)?.service.name).toBe('web6');
    expect(findExternalTarget(model, '192.0.2.1', 'TCP', 30080)).toBeUndefined();
    // the dual-stack LoadBalancer's nodePort is on both
    expect(findExternalTarget(model, '192.0.2.1', 'TCP', 30443)?.service.name).toBe('lb');
    expect(findExternalTarget(model, '2001:db8:2::10', 'TCP', 30443)?.service.name).toBe('lb');
  });

  test('IPv4-only loadBalancerSourceRanges: the IPv4 LoadBalancer IP is firewalled, the IPv6 one is open (engine)', () => {
    const paths = (from: string, to: string): string[] => evaluateExternalServiceFlow(model, from, findExternalTarget(model, to, 'TCP', 443)!).paths
      .map((p) => `${p.backend.address} ${p.unused !== undefined ? 'unused' : p.allowed ? 'allow' : 'deny'} [${p.stages.map((s) => s.stage).filter((s) => s.startsWith('kube-proxy')).join(' ')}]`);
    expect(paths('203.0.113.200', '203.0.113.60')).toEqual(['198.51.100.12 deny [kube-proxy-firewall]', '2001:db8:10::13 unused []']);
    expect(paths('203.0.113.1', '203.0.113.60')).toEqual(['198.51.100.12 allow [kube-proxy-firewall kube-proxy-dnat kube-proxy-snat]', '2001:db8:10::13 unused []']);
    expect(paths('2001:db8:2::99', '2001:db8:50::1')).toEqual(['198.51.100.12 unused []', '2001:db8:10::13 allow [kube-proxy-dnat kube-proxy-snat]']);
  });

  test('IPv4-only loadBalancerSourceRanges: KUBE-FW-* in the iptables file only (plan)', () => {
    const { fw, ext } = servicePortChains('shop/lb', 'TCP');
    const v4 = renderKubeProxy(model, 'w1', undefined, 4);
    const v6 = renderKubeProxy(model, 'w1', undefined, 6);
    expect(v4).toContain(`-A KUBE-SERVICES -m comment --comment "shop/lb loadbalancer IP" -m tcp -p tcp -d 203.0.113.60 --dport 443 -j ${fw}`);
    expect(v4).toContain(`-A ${fw} -m comment --comment "shop/lb loadbalancer IP" -s 203.0.113.0/25 -j ${ext}`);
    expect(v6).toContain(`-A KUBE-SERVICES -m comment --comment "shop/lb loadbalancer IP" -m tcp -p tcp -d 2001:db8:50::1 --dport 443 -j ${ext}`);
    expect(v6).not.toContain(fw);
    expect(v6).not.toContain('KUBE-PROXY-FIREWALL -m');
  });
});
