// Our Service, EndpointSlice and Endpoints validation (lib/model/validate/service.ts) and defaults
// (lib/model/defaults/service.ts) held against upstream Kubernetes, one row per rule: the upstream
// function (kubernetes/kubernetes pkg/apis/core/validation/validation.go unless noted;
// pkg/apis/discovery/validation/validation.go for EndpointSlices; pkg/apis/core/v1/defaults.go
// SetDefaults_Service; pkg/registry/core/service/strategy.go normalizeClusterIPs, which copies a lone
// clusterIP into clusterIPs before validation; pkg/registry/core/service/storage/alloc.go
// initIPFamilyFields, the policy an unset ipFamilyPolicy gets on create), a case, and the fields kube-apiserver refuses
// (none: accepted). Messages may differ from upstream's; the accepted/refused set may not. Outcomes
// worked out by hand from those functions.
import { load } from 'js-yaml';
import { applyServiceDefaults } from '../../../lib/model/defaults';
import { parseServiceResource } from '../../../lib/model/parse';
import { validateServiceResource } from '../../../lib/model/validate';

/** The fields refused for a document, after the API server's defaults. */
function refused(yaml: string): string[] {
  const doc = load(yaml) as { readonly [key: string]: unknown };
  return validateServiceResource(applyServiceDefaults(parseServiceResource(doc, 't.yaml#0')).resource).map((i) => i.field);
}
const svc = (spec: string, status = ''): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: n}\nspec: ${spec}\n${status ? `status: ${status}\n` : ''}`;
const slice = (body: string): string => `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e, namespace: n}\n${body}\n`;
const endpoints = (subsets: string): string => `apiVersion: v1\nkind: Endpoints\nmetadata: {name: s, namespace: n}\nsubsets: ${subsets}\n`;
const P = 'ports: [{port: 80}]';

type Row = readonly [upstream: string, what: string, yaml: string, fields: readonly string[]];

const ROWS: readonly Row[] = [
  // ValidateObjectMeta with ValidateServiceName (a DNS-1035 label)
  ['ValidateService / ValidateServiceName', 'a name starting with a digit', svc(`{${P}}`).replace('name: s,', 'name: 1s,'), ['metadata.name']],
  // ValidateService: ports required unless headless or ExternalName
  ['ValidateService', 'no ports', svc('{selector: {a: b}}'), ['spec.ports']],
  ['ValidateService', 'a headless Service may have no ports', svc('{clusterIP: None}'), []],
  ['ValidateService', 'an ExternalName Service may have no ports', svc('{type: ExternalName, externalName: example.org}'), []],
  ['ValidateService', 'an unknown type', svc(`{type: Internal, ${P}}`), ['spec.type']],
  // validateServicePort
  ['validateServicePort', 'two ports, one unnamed', svc('{ports: [{port: 80}, {name: b, port: 81}]}'), ['spec.ports[0].name']],
  ['validateServicePort', 'a duplicate port name', svc('{ports: [{name: a, port: 80}, {name: a, port: 81}]}'), ['spec.ports[1].name']],
  ['validateServicePort', 'a name that is no DNS-1123 label', svc('{ports: [{name: A_b, port: 80}]}'), ['spec.ports[0].name']],
  ['validateServicePort', 'port 0 (and so its defaulted targetPort)', svc('{ports: [{port: 0}]}'), ['spec.ports[0].port', 'spec.ports[0].targetPort']],
  ['validateServicePort', 'a lower-case protocol', svc('{ports: [{port: 80, protocol: tcp}]}'), ['spec.ports[0].protocol']],
  ['validateServicePort / ValidatePortNumOrName', 'targetPort 65536', svc('{ports: [{port: 80, targetPort: 65536}]}'), ['spec.ports[0].targetPort']],
  ['validateServicePort / ValidatePortNumOrName', 'targetPort an invalid name', svc('{ports: [{port: 80, targetPort: HTTP}]}'), ['spec.ports[0].targetPort']],
  ['SetDefaults_Service', 'targetPort 0 or empty is the port', svc('{ports: [{name: a, port: 80, targetPort: 0}, {name: b, port: 81, targetPort: ""}]}'), []],
  // ValidateService: duplicate (protocol, port) and (protocol, nodePort); nodePort only for NodePort/LoadBalancer
  ['ValidateService', 'the same port twice', svc('{ports: [{name: a, port: 80}, {name: b, port: 80}]}'), ['spec.ports[1].port']],
  ['ValidateService', 'the same port for TCP and UDP', svc('{ports: [{name: a, port: 53}, {name: b, port: 53, protocol: UDP}]}'), []],
  ['ValidateService', 'the same nodePort twice', svc('{type: NodePort, ports: [{name: a, port: 80, nodePort: 30080}, {name: b, port: 81, nodePort: 30080}]}'), ['spec.ports[1].nodePort']],
  ['ValidateService', 'a nodePort on a ClusterIP Service', svc('{ports: [{port: 80, nodePort: 30080}]}'), ['spec.ports[0].nodePort']],
  ['ValidateService', 'nodePort 0 is no nodePort', svc('{ports: [{port: 80, nodePort: 0}]}'), []],
  // ValidateServiceClusterIPsRelatedFields
  ['ValidateServiceClusterIPsRelatedFields', 'clusterIP alone (normalizeClusterIPs copies it)', svc(`{clusterIP: 198.51.100.1, ${P}}`), []],
  ['ValidateServiceClusterIPsRelatedFields', 'clusterIPs without clusterIP', svc(`{clusterIPs: [198.51.100.1], ${P}}`), ['spec.clusterIPs']],
  ['ValidateServiceClusterIPsRelatedFields', 'clusterIPs[0] other than clusterIP', svc(`{clusterIP: 198.51.100.1, clusterIPs: [198.51.100.2], ${P}}`), ['spec.clusterIPs']],
  ['ValidateServiceClusterIPsRelatedFields', 'an invalid cluster IP', svc(`{clusterIP: 198.51.100.300, ${P}}`), ['spec.clusterIP']],
  ['ValidateServiceClusterIPsRelatedFields', "'None' not alone", svc(`{clusterIP: None, clusterIPs: [None, "2001:db8::1"], ipFamilyPolicy: RequireDualStack, ${P}}`), ['spec.clusterIPs']],
  ['ValidateServiceClusterIPsRelatedFields', "'None' second", svc(`{clusterIP: 198.51.100.1, clusterIPs: [198.51.100.1, None], ipFamilyPolicy: RequireDualStack, ${P}}`), ['spec.clusterIPs[1]']],
  ['ValidateServiceClusterIPsRelatedFields', 'three cluster IPs', svc(`{clusterIP: 198.51.100.1, clusterIPs: [198.51.100.1, "2001:db8::1", 198.51.100.2], ipFamilyPolicy: RequireDualStack, ${P}}`), ['spec.clusterIPs']],
  ['ValidateServiceClusterIPsRelatedFields', 'two cluster IPs of one family', svc(`{clusterIP: 198.51.100.1, clusterIPs: [198.51.100.1, 198.51.100.2], ipFamilyPolicy: RequireDualStack, ${P}}`), ['spec.clusterIPs[1]']],
  ['ValidateServiceClusterIPsRelatedFields', 'a dual-stack pair', svc(`{clusterIP: 198.51.100.1, clusterIPs: [198.51.100.1, "2001:db8::1"], ipFamilies: [IPv4, IPv6], ipFamilyPolicy: RequireDualStack, ${P}}`), []],
  ['ValidateServiceClusterIPsRelatedFields', 'a lone clusterIP of another family than ipFamilies[0]', svc(`{clusterIP: 198.51.100.1, ipFamilies: [IPv6], ${P}}`), ['spec.clusterIP']],
  ['ValidateServiceClusterIPsRelatedFields', 'an unknown IP family and policy', svc(`{ipFamilies: [IPv5], ipFamilyPolicy: DualStack, ${P}}`), ['spec.ipFamilyPolicy', 'spec.ipFamilies[0]']],
  ['ValidateServiceClusterIPsRelatedFields', 'a family twice', svc(`{ipFamilies: [IPv4, IPv4], ipFamilyPolicy: PreferDualStack, ${P}}`), ['spec.ipFamilies[1]']],
  // the allocator (pkg/registry/core/service/ipallocator via the REST create): two families need a dual-stack policy
  ['registry/core/service/storage/alloc.go initIPFamilyFields', 'two families, SingleStack', svc(`{ipFamilies: [IPv4, IPv6], ipFamilyPolicy: SingleStack, ${P}}`), ['spec.ipFamilyPolicy']],
  ['registry/core/service/storage/alloc.go initIPFamilyFields', 'two families, no policy (SingleStack on create)', svc(`{ipFamilies: [IPv4, IPv6], ${P}}`), ['spec.ipFamilyPolicy']],
  ['registry/core/service/storage/alloc.go initIPFamilyFields', 'two families, no policy, headless without selector (RequireDualStack)', svc('{clusterIP: None, ipFamilies: [IPv4, IPv6]}'), []],
  ['registry/core/service/storage/alloc.go initIPFamilyFields', 'two families, no policy, headless with a selector', svc('{clusterIP: None, selector: {a: b}, ipFamilies: [IPv4, IPv6]}'), ['spec.ipFamilyPolicy']],
  // ValidateService's type switch
  ['ValidateService', 'a headless NodePort', svc(`{type: NodePort, clusterIP: None, ${P}}`), ['spec.clusterIP']],
  ['ValidateService', 'a headless LoadBalancer', svc(`{type: LoadBalancer, clusterIP: None, ${P}}`), ['spec.clusterIP']],
  ['ValidateService', 'an ExternalName with a cluster IP', svc('{type: ExternalName, externalName: example.org, clusterIP: 198.51.100.1}'), ['spec.clusterIP']],
  ['ValidateService', 'an ExternalName without externalName', svc('{type: ExternalName}'), ['spec.externalName']],
  ['ValidateService', 'an ExternalName with a trailing dot', svc('{type: ExternalName, externalName: example.org.}'), []],
  ['ValidateService', 'an ExternalName that is no DNS name', svc('{type: ExternalName, externalName: "exa mple"}'), ['spec.externalName']],
  ['ValidateService', 'an ExternalName with ipFamilies and a policy', svc('{type: ExternalName, externalName: example.org, ipFamilies: [IPv4], ipFamilyPolicy: SingleStack}'), ['spec.ipFamilies', 'spec.ipFamilyPolicy']],
  // ValidateService: selector labels; externalIPs valid and not special (ValidateEndpointIP)
  ['ValidateService / ValidateLabels', 'a selector value that is no label value', svc(`{selector: {a: "b c"}, ${P}}`), ['spec.selector.a']],
  ['ValidateService / ValidateEndpointIP', 'external IPs: a loopback, a link-local, unspecified, link-local multicast', svc(`{externalIPs: [127.0.0.1, "fe80::1", 0.0.0.0, "ff02::1", 224.0.0.5, 203.0.113.9], ${P}}`),
    ['spec.externalIPs[0]', 'spec.externalIPs[1]', 'spec.externalIPs[2]', 'spec.externalIPs[3]', 'spec.externalIPs[4]']],
  ['ValidateService / ValidateEndpointIP', 'an IPv4-mapped loopback is a loopback (Go net.IP)', svc(`{externalIPs: ["::ffff:127.0.0.1"], ${P}}`), ['spec.externalIPs[0]']],
  ['ValidateService', 'an external IP that is no address', svc(`{externalIPs: [example.org], ${P}}`), ['spec.externalIPs[0]']],
  // validateServiceExternalTrafficPolicy, with apiservice.ExternallyAccessible and SetDefaults_Service
  ['validateServiceExternalTrafficPolicy', 'on a ClusterIP Service', svc(`{externalTrafficPolicy: Local, ${P}}`), ['spec.externalTrafficPolicy']],
  ['validateServiceExternalTrafficPolicy', 'on a ClusterIP Service with externalIPs', svc(`{externalTrafficPolicy: Local, externalIPs: [203.0.113.9], ${P}}`), []],
  ['validateServiceExternalTrafficPolicy', 'on an ExternalName Service with externalIPs (not externally accessible)', svc('{type: ExternalName, externalName: example.org, externalIPs: [203.0.113.9], externalTrafficPolicy: Local}'), ['spec.externalTrafficPolicy']],
  ['validateServiceExternalTrafficPolicy', 'an unknown value', svc(`{type: NodePort, externalTrafficPolicy: Global, ${P}}`), ['spec.externalTrafficPolicy']],
  // validateServiceInternalTrafficPolicy
  ['validateServiceInternalTrafficPolicy', 'an unknown value', svc(`{internalTrafficPolicy: Node, ${P}}`), ['spec.internalTrafficPolicy']],
  // sessionAffinity (ValidateService, validateClientIPAffinityConfig) and SetDefaults_Service
  ['ValidateService', 'an unknown affinity', svc(`{sessionAffinity: Sticky, ${P}}`), ['spec.sessionAffinity']],
  ['validateClientIPAffinityConfig', 'timeout 0', svc(`{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}, ${P}}`), ['spec.sessionAffinityConfig.clientIP.timeoutSeconds']],
  ['validateClientIPAffinityConfig', 'timeout 86400', svc(`{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}, ${P}}`), []],
  ['SetDefaults_Service', 'a config without ClientIP is dropped', svc(`{sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}, ${P}}`), []],
  // loadBalancerSourceRanges and the annotation
  ['ValidateService', 'ranges on a NodePort', svc(`{type: NodePort, loadBalancerSourceRanges: [203.0.113.0/24], ${P}}`), ['spec.loadBalancerSourceRanges']],
  ['ValidateService / ValidateCIDR', 'a range that is no CIDR; space padding is allowed', svc(`{type: LoadBalancer, loadBalancerSourceRanges: [" 203.0.113.0/24 ", 203.0.113.0], ${P}}`), ['spec.loadBalancerSourceRanges[1]']],
  // LoadBalancer-only fields
  ['validateLoadBalancerClassField', 'loadBalancerClass on a ClusterIP Service', svc(`{loadBalancerClass: example.com/lb, ${P}}`), ['spec.loadBalancerClass']],
  ['ValidateService', 'allocateLoadBalancerNodePorts on a NodePort', svc(`{type: NodePort, allocateLoadBalancerNodePorts: false, ${P}}`), ['spec.allocateLoadBalancerNodePorts']],
  ['ValidateService', 'healthCheckNodePort with externalTrafficPolicy Cluster', svc(`{type: LoadBalancer, healthCheckNodePort: 30000, ${P}}`), ['spec.healthCheckNodePort']],
  // ValidateLoadBalancerStatus
  ['ValidateLoadBalancerStatus', 'an ingress ip that is no address', svc(`{type: LoadBalancer, ${P}}`, '{loadBalancer: {ingress: [{ip: lb.example.org}]}}'), ['status.loadBalancer.ingress[0].ip']],
  ['ValidateLoadBalancerStatus', 'an ingress hostname that is an address', svc(`{type: LoadBalancer, ${P}}`, '{loadBalancer: {ingress: [{hostname: 203.0.113.5}]}}'), ['status.loadBalancer.ingress[0].hostname']],
  ['ValidateLoadBalancerStatus', 'ipMode Proxy and VIP', svc(`{type: LoadBalancer, ${P}}`, '{loadBalancer: {ingress: [{ip: 203.0.113.5, ipMode: Proxy}, {ip: 203.0.113.6, ipMode: VIP}]}}'), []],
  ['ValidateLoadBalancerStatus', 'an unknown ipMode; an ipMode without ip', svc(`{type: LoadBalancer, ${P}}`, '{loadBalancer: {ingress: [{ip: 203.0.113.5, ipMode: NAT}, {hostname: lb.example.org, ipMode: VIP}]}}'),
    ['status.loadBalancer.ingress[0].ipMode', 'status.loadBalancer.ingress[1].ipMode']],
  // pkg/apis/discovery/validation ValidateEndpointSlice
  ['ValidateEndpointSlice', 'an unknown addressType', slice('addressType: IPv5\nendpoints: []'), ['addressType']],
  ['ValidateEndpointSlice', 'an address of the other family', slice('addressType: IPv4\nendpoints: [{addresses: ["2001:db8::1"]}]'), ['endpoints[0].addresses[0]']],
  ['ValidateEndpointSlice / ValidateEndpointIP', 'a loopback endpoint', slice('addressType: IPv4\nendpoints: [{addresses: [127.0.0.1]}]'), ['endpoints[0].addresses[0]']],
  ['ValidateEndpointSlice', 'an endpoint without address', slice('addressType: IPv4\nendpoints: [{addresses: []}]'), ['endpoints[0].addresses']],
  ['ValidateEndpointSlice validatePorts', 'one unnamed port among several is allowed', slice('addressType: IPv4\nendpoints: []\nports: [{port: 80}, {name: https, port: 443}]'), []],
  ['ValidateEndpointSlice validatePorts', 'two unnamed ports are a duplicate name', slice('addressType: IPv4\nendpoints: []\nports: [{port: 80}, {port: 443}]'), ['ports[1].name']],
  ['ValidateEndpointSlice validatePorts', 'a port without number is allowed', slice('addressType: IPv4\nendpoints: []\nports: [{name: a}]'), []],
  // ValidateEndpoints: validateEndpointSubsets, validateEndpointAddress, validateEndpointPort
  ['validateEndpointSubsets', 'a subset without addresses', endpoints('[{ports: [{port: 80}]}]'), ['subsets[0]']],
  ['validateEndpointSubsets', 'only notReadyAddresses, no ports (headless)', endpoints('[{notReadyAddresses: [{ip: 192.0.2.1}]}]'), []],
  ['validateEndpointAddress / ValidateEndpointIP', 'a link-local address', endpoints('[{addresses: [{ip: 169.254.1.1}]}]'), ['subsets[0].addresses[0].ip']],
  ['validateEndpointPort', 'two ports, one unnamed', endpoints('[{addresses: [{ip: 192.0.2.1}], ports: [{port: 80}, {name: b, port: 81}]}]'), ['subsets[0].ports[0].name']],
  ['validateEndpointPort', 'a duplicate name is allowed', endpoints('[{addresses: [{ip: 192.0.2.1}], ports: [{name: a, port: 80}, {name: a, port: 81}]}]'), []],
  ['validateEndpointPort', 'a port without number', endpoints('[{addresses: [{ip: 192.0.2.1}], ports: [{name: a}]}]'), ['subsets[0].ports[0].port']],
];

describe('Service validation against upstream Kubernetes', () => {
  test.each(ROWS)('%s: %s', (_upstream, _what, yaml, fields) => {
    expect(refused(yaml)).toEqual(fields);
  });
});
