// The v1 Service fields that change neither a verdict nor the kube-proxy plan, and those the engine
// refuses because it does not model them (issue 12: nothing silently ignored). Checks as
// kubernetes pkg/apis/core/validation ValidateService (ipFamilyPolicy SingleStack|PreferDualStack|
// RequireDualStack, ipFamilies IPv4|IPv6 at most once each and in clusterIPs' order, a dual-stack
// policy for two families or two clusterIPs, none of them on ExternalName; loadBalancerClass,
// allocateLoadBalancerNodePorts only on a LoadBalancer; healthCheckNodePort only on a LoadBalancer
// with externalTrafficPolicy Local) and ServiceTrafficDistribution's values. trafficDistribution and
// EndpointSlice hints feed kube-proxy's topology filtering (pkg/proxy/topology.go
// CategorizeEndpoints), which is not modelled: they are refused. Expected messages written by hand.
import { parseEngineInputs } from '../../lib/engine';
import { EXTERNAL_INVENTORY } from './fixtures/external-services';

const problems = (doc: string): string => {
  try {
    parseEngineInputs([{ file: 'c.yaml', text: EXTERNAL_INVENTORY }, { file: 'svc.yaml', text: doc }]);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const service = (spec: string): string => problems(`apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: ${spec}\n`);

describe('ipFamilies and ipFamilyPolicy', () => {
  test('valid single- and dual-stack Services are accepted', () => {
    expect(service('{clusterIP: 10.96.0.40, clusterIPs: [10.96.0.40], ipFamilies: [IPv4], ipFamilyPolicy: SingleStack, ports: [{port: 80}]}')).toBe('no error');
    expect(service('{clusterIP: 10.96.0.40, clusterIPs: [10.96.0.40, "2001:db8::40"], ipFamilies: [IPv4, IPv6], ipFamilyPolicy: RequireDualStack, ports: [{port: 80}]}')).toBe('no error');
    expect(service('{ipFamilies: [IPv6, IPv4], ipFamilyPolicy: PreferDualStack, ports: [{port: 80}]}')).toBe('no error');
  });

  test('unsupported values are errors naming the field and the allowed values', () => {
    expect(service('{ipFamilyPolicy: DualStack, ports: [{port: 80}]}'))
      .toContain('svc.yaml#0: spec.ipFamilyPolicy: unsupported IP family policy (got "DualStack"; allowed: SingleStack, PreferDualStack, RequireDualStack)');
    expect(service('{ipFamilies: [IPv5], ports: [{port: 80}]}')).toContain('spec.ipFamilies[0]: unsupported IP family (got "IPv5"; allowed: IPv4 or IPv6)');
    expect(service('{ipFamilies: [IPv4, IPv4], ipFamilyPolicy: PreferDualStack, ports: [{port: 80}]}')).toContain('spec.ipFamilies[1]: duplicate IP family');
  });

  test('two families or two cluster IPs need a dual-stack policy', () => {
    expect(service('{ipFamilies: [IPv4, IPv6], ports: [{port: 80}]}')).toContain('spec.ipFamilyPolicy: must be dual-stack when two IP families are given');
    expect(service('{ipFamilies: [IPv4, IPv6], ipFamilyPolicy: SingleStack, ports: [{port: 80}]}')).toContain('must be dual-stack when two IP families are given');
    expect(service('{clusterIP: 10.96.0.40, clusterIPs: [10.96.0.40, "2001:db8::40"], ports: [{port: 80}]}')).toContain('must be dual-stack when two clusterIPs are given');
  });

  test('clusterIPs must match ipFamilies in order, one per family', () => {
    expect(service('{clusterIP: 10.96.0.40, clusterIPs: [10.96.0.40], ipFamilies: [IPv6], ports: [{port: 80}]}'))
      .toContain('spec.clusterIPs[0]: an IPv4 address where spec.ipFamilies[0] is IPv6');
    expect(service('{clusterIP: 10.96.0.40, clusterIPs: [10.96.0.40, 10.96.0.41], ipFamilyPolicy: RequireDualStack, ports: [{port: 80}]}'))
      .toContain('spec.clusterIPs[1]: the same IP family as spec.clusterIPs[0]');
  });

  test('an ExternalName Service takes neither', () => {
    expect(service('{type: ExternalName, externalName: db.example.com, ipFamilies: [IPv4]}')).toContain('spec.ipFamilies: may not be set for an ExternalName Service');
    expect(service('{type: ExternalName, externalName: db.example.com, ipFamilyPolicy: SingleStack}')).toContain('spec.ipFamilyPolicy: may not be set for an ExternalName Service');
    expect(service('{type: ExternalName, externalName: db.example.com}')).toBe('no error');
  });

  test('a wrongly typed field is a parse error, not ignored', () => {
    expect(service('{ipFamilies: IPv4, ports: [{port: 80}]}')).toContain('spec.ipFamilies');
  });
});

describe('LoadBalancer-only fields (no effect on verdicts)', () => {
  test('accepted on a LoadBalancer', () => {
    expect(service('{type: LoadBalancer, loadBalancerClass: example.com/internal, allocateLoadBalancerNodePorts: false, ports: [{port: 80}]}')).toBe('no error');
    expect(service('{type: LoadBalancer, externalTrafficPolicy: Local, healthCheckNodePort: 32000, ports: [{port: 80}]}')).toBe('no error');
  });

  test('refused on other types', () => {
    expect(service('{type: NodePort, loadBalancerClass: example.com/internal, ports: [{port: 80}]}')).toContain('spec.loadBalancerClass: may only be used when type is LoadBalancer');
    expect(service('{allocateLoadBalancerNodePorts: true, ports: [{port: 80}]}')).toContain('spec.allocateLoadBalancerNodePorts: may only be used when type is LoadBalancer');
    expect(service('{type: LoadBalancer, healthCheckNodePort: 32000, ports: [{port: 80}]}'))
      .toContain('spec.healthCheckNodePort: may only be set when type is LoadBalancer and externalTrafficPolicy is Local');
  });

  test('bad values', () => {
    expect(service('{type: LoadBalancer, loadBalancerClass: "not a class", ports: [{port: 80}]}')).toContain('spec.loadBalancerClass: not a qualified name');
    expect(service('{type: LoadBalancer, externalTrafficPolicy: Local, healthCheckNodePort: 70000, ports: [{port: 80}]}')).toContain('spec.healthCheckNodePort');
    expect(service('{type: LoadBalancer, allocateLoadBalancerNodePorts: "no", ports: [{port: 80}]}')).toContain('spec.allocateLoadBalancerNodePorts');
  });
});

describe('topology-aware routing is refused, not ignored', () => {
  test('trafficDistribution: a known value is not modelled, an unknown one is unsupported', () => {
    expect(service('{trafficDistribution: PreferClose, ports: [{port: 80}]}'))
      .toContain('svc.yaml#0: spec.trafficDistribution: topology-aware routing is not modelled');
    expect(service('{trafficDistribution: Nearest, ports: [{port: 80}]}'))
      .toContain('spec.trafficDistribution: unsupported traffic distribution (got "Nearest"; allowed: PreferClose, PreferSameZone, PreferSameNode)');
    expect(service('{ports: [{port: 80}]}')).toBe('no error');
  });

  const slice = (endpoint: string): string => problems(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: s-1, namespace: shop, labels: {kubernetes.io/service-name: s}}
addressType: IPv4
ports: [{port: 80}]
endpoints: [${endpoint}]
`);

  test('EndpointSlice hints.forZones and hints.forNodes are refused', () => {
    expect(slice('{addresses: [192.0.2.10], hints: {forZones: [{name: zone-a}]}}'))
      .toContain('svc.yaml#0: endpoints[0].hints.forZones: topology-aware routing is not modelled');
    expect(slice('{addresses: [192.0.2.10], hints: {forNodes: [{name: w1}]}}')).toContain('endpoints[0].hints.forNodes: topology-aware routing is not modelled');
    expect(slice('{addresses: [192.0.2.10], hints: {}}')).toBe('no error');
    expect(slice('{addresses: [192.0.2.10]}')).toBe('no error');
  });
});
