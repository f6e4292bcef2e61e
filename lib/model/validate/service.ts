// Kubernetes' validation of a v1 Service, a discovery.k8s.io/v1 EndpointSlice and a v1 Endpoints
// object (pkg/apis/core/validation ValidateService, ValidateEndpoints; pkg/apis/discovery/validation).
import { CIDR_ALLOWED, Cidr, IP_ADDRESS_ALLOWED, NetError, ipVersionOf, isIpAddress } from '../net';
import { SOURCE_RANGES_ANNOTATION, ServiceEndpointPort, EndpointSlice, Endpoints, ObjectMeta, Service, ServiceResource } from '../resources';
import { checkIpList } from './addresses';
import { Issues, ValidationIssue, report } from './issue';
import { KEY_ALLOWED, LABEL_ALLOWED, SUBDOMAIN_ALLOWED, checkAnnotations, checkLabels, isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names';
import { PORT_NAME_ALLOWED, checkPortNumber, checkPortProtocol, isValidPortName } from './ports';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];
const AFFINITIES = ['None', 'ClientIP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
/** v1.ServiceTrafficDistribution values kube-apiserver accepts. */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
/** Why topology-aware routing is refused: kube-proxy's CategorizeEndpoints would pick a subset of the endpoints per node. */
const TOPOLOGY_NOT_MODELLED = 'topology-aware routing is not modelled (kube-proxy would DNAT to only the endpoints hinted for its zone or node)';
/** v1.MaxClientIPServiceAffinitySeconds. */
const MAX_AFFINITY_SECONDS = 86400;

/** A Service name is a DNS-1035 label: it starts with a letter. */
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_ALLOWED = "a DNS-1035 label: lower case letters, digits and '-', starting with a letter, ending with a letter or digit, at most 63 characters";

function checkMeta(issues: Issues, meta: ObjectMeta, serviceName: boolean): void {
  if (serviceName) {
    if (meta.name.length > 63 || !DNS1035_LABEL.test(meta.name)) report(issues, 'metadata.name', meta.name, 'Service name is not a DNS-1035 label', DNS1035_ALLOWED);
  } else if (!isDns1123Subdomain(meta.name)) {
    report(issues, 'metadata.name', meta.name, 'name is not a DNS-1123 subdomain', SUBDOMAIN_ALLOWED);
  }
  if (meta.namespace !== undefined && !isDns1123Label(meta.namespace)) {
    report(issues, 'metadata.namespace', meta.namespace, 'namespace is not a DNS-1123 label', LABEL_ALLOWED);
  }
  checkLabels(issues, 'metadata.labels', meta.labels);
  checkAnnotations(issues, 'metadata.annotations', meta.annotations);
}

/** A port name: a DNS-1123 label, required and unique once there is more than one port. */
function checkPortNames(issues: Issues, field: string, ports: readonly { readonly name?: string }[]): void {
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const name = p.name ?? '';
    if (name === '' && ports.length > 1) report(issues, `${field}[${i}].name`, name, 'a name is required when there is more than one port', LABEL_ALLOWED);
    else if (name !== '' && !isDns1123Label(name)) report(issues, `${field}[${i}].name`, name, 'port name is not a DNS-1123 label', LABEL_ALLOWED);
    else if (seen.has(name)) report(issues, `${field}[${i}].name`, name, 'duplicate port name', 'a name no other port of the object has');
    seen.add(name);
  });
}

function checkServicePorts(issues: Issues, s: Service): void {
  const spec = s.spec;
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') {
    report(issues, 'spec.ports', [], 'a Service needs at least one port', 'one or more ports (only a headless or ExternalName Service may have none)');
  }
  checkPortNames(issues, 'spec.ports', ports);
  const seen = new Set<string>();
  const seenNode = new Set<string>();
  ports.forEach((p, i) => {
    const field = `spec.ports[${i}]`;
    checkPortNumber(issues, `${field}.port`, p.port);
    checkPortProtocol(issues, `${field}.protocol`, p.protocol);
    const target = p.targetPort;
    if (target !== undefined) {
      if (/^[0-9]+$/.test(target)) checkPortNumber(issues, `${field}.targetPort`, Number(target));
      else if (!isValidPortName(target)) report(issues, `${field}.targetPort`, target, 'invalid port name', PORT_NAME_ALLOWED);
    }
    const key = `${p.protocol ?? 'TCP'}/${p.port}`;
    if (seen.has(key)) report(issues, `${field}.port`, p.port, `duplicate port ${key}`, 'a port and protocol no other port of the Service has');
    seen.add(key);
    if (p.nodePort !== undefined) {
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
        report(issues, `${field}.nodePort`, p.nodePort, `nodePort may not be used when type is ${spec.type ?? 'ClusterIP'}`, 'type NodePort or LoadBalancer, or no nodePort');
      }
      checkPortNumber(issues, `${field}.nodePort`, p.nodePort);
      const nodeKey = `${p.protocol ?? 'TCP'}/${p.nodePort}`;
      if (seenNode.has(nodeKey)) report(issues, `${field}.nodePort`, p.nodePort, `duplicate nodePort ${nodeKey}`, 'a nodePort no other port of the Service has');
      seenNode.add(nodeKey);
    }
  });
}

function checkAffinity(issues: Issues, s: Service): void {
  const spec = s.spec;
  const affinity = spec.sessionAffinity ?? 'None';
  if (!AFFINITIES.includes(affinity)) {
    report(issues, 'spec.sessionAffinity', affinity, 'unsupported session affinity', AFFINITIES.join(' or '));
    return;
  }
  if (affinity === 'None') {
    if (spec.sessionAffinityConfig !== undefined) {
      report(issues, 'spec.sessionAffinityConfig', spec.sessionAffinityConfig, 'must not be set when sessionAffinity is None', 'no sessionAffinityConfig, or sessionAffinity ClientIP');
    }
    return;
  }
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout <= 0 || timeout > MAX_AFFINITY_SECONDS)) {
    report(issues, 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'timeout out of range', `an integer 1-${MAX_AFFINITY_SECONDS} (seconds)`);
  }
}

/** CIDRs as Kubernetes parses them (host bits allowed: they are masked off). */
function checkSourceRange(issues: Issues, field: string, text: string): void {
  try {
    Cidr.parse(text.trim());
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    report(issues, field, text, `not a CIDR: ${e.reason}`, `${CIDR_ALLOWED} (e.g. 203.0.113.0/24)`);
  }
}

function checkSourceRanges(issues: Issues, s: Service): void {
  const ranges = s.spec.loadBalancerSourceRanges ?? [];
  const annotation = s.metadata.annotations?.[SOURCE_RANGES_ANNOTATION];
  const annotationField = `metadata.annotations[${JSON.stringify(SOURCE_RANGES_ANNOTATION)}]`;
  if (s.spec.type !== 'LoadBalancer') {
    if (ranges.length > 0) report(issues, 'spec.loadBalancerSourceRanges', ranges, 'may only be used when type is LoadBalancer', 'type LoadBalancer, or no loadBalancerSourceRanges');
    if (annotation !== undefined) report(issues, annotationField, annotation, 'may only be used when type is LoadBalancer', 'type LoadBalancer, or no such annotation');
    return;
  }
  ranges.forEach((r, i) => checkSourceRange(issues, `spec.loadBalancerSourceRanges[${i}]`, r));
  if (ranges.length === 0 && annotation !== undefined && annotation.trim() !== '') {
    for (const r of annotation.split(',')) checkSourceRange(issues, annotationField, r);
  }
}

/** ipFamilies, ipFamilyPolicy and their consistency with clusterIPs (ValidateService's IP family checks). */
function checkIpFamilies(issues: Issues, s: Service): void {
  const spec = s.spec;
  const families = spec.ipFamilies ?? [];
  if (spec.type === 'ExternalName') {
    if (families.length > 0) report(issues, 'spec.ipFamilies', families, 'may not be set for an ExternalName Service', 'no ipFamilies');
    if (spec.ipFamilyPolicy !== undefined) report(issues, 'spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'may not be set for an ExternalName Service', 'no ipFamilyPolicy');
    return;
  }
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) report(issues, 'spec.ipFamilyPolicy', policy, 'unsupported IP family policy', IP_FAMILY_POLICIES.join(', '));
  const seen = new Set<string>();
  families.forEach((fam, i) => {
    if (!IP_FAMILIES.includes(fam)) report(issues, `spec.ipFamilies[${i}]`, fam, 'unsupported IP family', IP_FAMILIES.join(' or '));
    else if (seen.has(fam)) report(issues, `spec.ipFamilies[${i}]`, fam, 'duplicate IP family', 'each family at most once');
    seen.add(fam);
  });
  if (families.length > 2) report(issues, 'spec.ipFamilies', families, 'more than two IP families', 'one or two IP families');
  const singleStack = policy === undefined || policy === 'SingleStack';
  if (families.length > 1 && singleStack) {
    report(issues, 'spec.ipFamilyPolicy', policy ?? null, 'must be dual-stack when two IP families are given', 'PreferDualStack or RequireDualStack');
  }
  const ips = (spec.clusterIPs ?? []).filter((ip) => ip !== '' && ip !== 'None' && isIpAddress(ip));
  if (ips.length > 1 && singleStack) {
    report(issues, 'spec.ipFamilyPolicy', policy ?? null, 'must be dual-stack when two clusterIPs are given', 'PreferDualStack or RequireDualStack');
  }
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (ip === '' || ip === 'None' || !isIpAddress(ip)) return;
    const fam = `IPv${ipVersionOf(ip)}`;
    const want = families[i];
    if (want !== undefined && IP_FAMILIES.includes(want) && want !== fam) {
      report(issues, `spec.clusterIPs[${i}]`, ip, `an ${fam} address where spec.ipFamilies[${i}] is ${want}`, `an ${want} address (clusterIPs and ipFamilies are in the same order)`);
    }
    if (i === 1 && isIpAddress(spec.clusterIPs?.[0] ?? '') && ipVersionOf(spec.clusterIPs?.[0] ?? '') === ipVersionOf(ip)) {
      report(issues, 'spec.clusterIPs[1]', ip, 'the same IP family as spec.clusterIPs[0]', 'an address of the other IP family (one cluster IP per family)');
    }
  });
}

/** Fields that only a LoadBalancer takes; none of them changes a verdict or the kube-proxy plan. */
function checkLoadBalancerOnly(issues: Issues, s: Service): void {
  const spec = s.spec;
  const lb = spec.type === 'LoadBalancer';
  if (spec.loadBalancerClass !== undefined) {
    if (!lb) report(issues, 'spec.loadBalancerClass', spec.loadBalancerClass, 'may only be used when type is LoadBalancer', 'type LoadBalancer, or no loadBalancerClass');
    else if (!isQualifiedName(spec.loadBalancerClass)) report(issues, 'spec.loadBalancerClass', spec.loadBalancerClass, 'not a qualified name', KEY_ALLOWED);
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && !lb) {
    report(issues, 'spec.allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts, 'may only be used when type is LoadBalancer', 'type LoadBalancer, or no allocateLoadBalancerNodePorts');
  }
  const hc = spec.healthCheckNodePort;
  if (hc !== undefined && hc !== 0) {
    if (!lb || spec.externalTrafficPolicy !== 'Local') {
      report(issues, 'spec.healthCheckNodePort', hc, 'may only be set when type is LoadBalancer and externalTrafficPolicy is Local', 'type LoadBalancer with externalTrafficPolicy Local, or no healthCheckNodePort');
    } else {
      checkPortNumber(issues, 'spec.healthCheckNodePort', hc);
    }
  }
}

function checkTrafficDistribution(issues: Issues, s: Service): void {
  const value = s.spec.trafficDistribution;
  if (value === undefined) return;
  if (!TRAFFIC_DISTRIBUTIONS.includes(value)) report(issues, 'spec.trafficDistribution', value, 'unsupported traffic distribution', TRAFFIC_DISTRIBUTIONS.join(', '));
  else report(issues, 'spec.trafficDistribution', value, TOPOLOGY_NOT_MODELLED, 'no trafficDistribution');
}

function checkService(issues: Issues, s: Service): void {
  const spec = s.spec;
  if (spec.type !== undefined && !SERVICE_TYPES.includes(spec.type)) report(issues, 'spec.type', spec.type, 'unsupported Service type', SERVICE_TYPES.join(', '));
  checkServicePorts(issues, s);
  checkLabels(issues, 'spec.selector', spec.selector);
  for (const [field, ip] of [['spec.clusterIP', spec.clusterIP] as const, ...(spec.clusterIPs ?? []).map((c, i) => [`spec.clusterIPs[${i}]`, c] as const)]) {
    if (ip !== undefined && ip !== '' && ip !== 'None' && !isIpAddress(ip)) report(issues, field, ip, 'not an IP address', `${IP_ADDRESS_ALLOWED}, 'None' (headless) or empty (allocated)`);
  }
  checkIpList(issues, 'spec.externalIPs', spec.externalIPs);
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.externalIPs ?? []).length > 0;
  if (spec.externalTrafficPolicy !== undefined && spec.externalTrafficPolicy !== '') {
    if (!external) {
      report(issues, 'spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible Services', 'type NodePort or LoadBalancer, or externalIPs');
    } else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
      report(issues, 'spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'unsupported traffic policy', TRAFFIC_POLICIES.join(' or '));
    }
  }
  if (spec.internalTrafficPolicy !== undefined && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    report(issues, 'spec.internalTrafficPolicy', spec.internalTrafficPolicy, 'unsupported traffic policy', TRAFFIC_POLICIES.join(' or '));
  }
  checkAffinity(issues, s);
  checkSourceRanges(issues, s);
  checkIpFamilies(issues, s);
  checkLoadBalancerOnly(issues, s);
  checkTrafficDistribution(issues, s);
  (s.status?.loadBalancer?.ingress ?? []).forEach((ing, i) => {
    if (ing.ip !== undefined && !isIpAddress(ing.ip)) report(issues, `status.loadBalancer.ingress[${i}].ip`, ing.ip, 'not an IP address', IP_ADDRESS_ALLOWED);
  });
}

function checkEndpointPorts(issues: Issues, field: string, ports: readonly ServiceEndpointPort[], portRequired: boolean): void {
  checkPortNames(issues, field, ports);
  ports.forEach((p, i) => {
    if (p.port !== undefined) checkPortNumber(issues, `${field}[${i}].port`, p.port);
    else if (portRequired) report(issues, `${field}[${i}].port`, p.port, 'a port is required', 'a port number 1-65535');
    checkPortProtocol(issues, `${field}[${i}].protocol`, p.protocol);
  });
}

function checkSlice(issues: Issues, s: EndpointSlice): void {
  if (!ADDRESS_TYPES.includes(s.addressType)) report(issues, 'addressType', s.addressType, 'unsupported address type', ADDRESS_TYPES.join(', '));
  const version = s.addressType === 'IPv4' ? 4 : s.addressType === 'IPv6' ? 6 : undefined;
  (s.endpoints ?? []).forEach((e, i) => {
    if (e.addresses.length === 0) report(issues, `endpoints[${i}].addresses`, [], 'an endpoint needs an address', 'one address');
    for (const hint of ['forZones', 'forNodes'] as const) {
      const names = e.hints?.[hint];
      if (names !== undefined && names.length > 0) report(issues, `endpoints[${i}].hints.${hint}`, names.map((n) => n.name ?? ''), TOPOLOGY_NOT_MODELLED, `no hints.${hint}`);
    }
    e.addresses.forEach((a, j) => {
      if (version !== undefined && ipVersionOf(a) !== version) {
        report(issues, `endpoints[${i}].addresses[${j}]`, a, `not an ${s.addressType} address`, `an ${s.addressType} address (the slice's addressType)`);
      }
    });
  });
  checkEndpointPorts(issues, 'ports', s.ports ?? [], false);
}

function checkEndpoints(issues: Issues, e: Endpoints): void {
  (e.subsets ?? []).forEach((subset, i) => {
    for (const list of ['addresses', 'notReadyAddresses'] as const) {
      (subset[list] ?? []).forEach((a, j) => {
        if (!isIpAddress(a.ip)) report(issues, `subsets[${i}].${list}[${j}].ip`, a.ip, 'not an IP address', IP_ADDRESS_ALLOWED);
      });
    }
    checkEndpointPorts(issues, `subsets[${i}].ports`, subset.ports ?? [], true);
  });
}

/** Kubernetes' checks of a Service, EndpointSlice or Endpoints object; empty when valid. */
export function validateServiceResource(r: ServiceResource): ValidationIssue[] {
  const issues: Issues = [];
  checkMeta(issues, r.metadata, r.kind === 'Service');
  if (r.kind === 'Service') checkService(issues, r);
  else if (r.kind === 'EndpointSlice') checkSlice(issues, r);
  else checkEndpoints(issues, r);
  return issues;
}
