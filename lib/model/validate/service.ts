// Kubernetes' validation of a v1 Service, a discovery.k8s.io/v1 EndpointSlice and a v1 Endpoints
// object (pkg/apis/core/validation ValidateService, ValidateEndpoints; pkg/apis/discovery/validation).
import { CIDR_ALLOWED, Cidr, IP_ADDRESS_ALLOWED, NetError, ipVersionOf, isIpAddress } from '../net';
import { SOURCE_RANGES_ANNOTATION, ServiceEndpointPort, EndpointSlice, Endpoints, ObjectMeta, Service, ServiceResource } from '../resources';
import { isExternallyAccessible } from '../defaults/service';
import { checkIp, checkIpList } from './addresses';
import { Issues, ValidationIssue, report } from './issue';
import { KEY_ALLOWED, LABEL_ALLOWED, SUBDOMAIN_ALLOWED, checkAnnotations, checkLabels, isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names';
import { PORT_NAME_ALLOWED, checkPortNumber, checkPortProtocol, isValidPortName } from './ports';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];
const AFFINITIES = ['None', 'ClientIP'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
/** v1.LoadBalancerIPMode values. */
const IP_MODES = ['VIP', 'Proxy'];
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

/**
 * Port names: a DNS-1123 label when given; `requireWhenMany`: required once there is more than one
 * port (validateServicePort, validateEndpointPort); `unique`: no two ports share a name, the empty
 * one included (validateServicePort, the EndpointSlice's validatePorts; v1 Endpoints has no such rule).
 */
function checkPortNames(issues: Issues, field: string, ports: readonly { readonly name?: string }[], requireWhenMany: boolean, unique: boolean): void {
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const name = p.name ?? '';
    if (name === '' && requireWhenMany && ports.length > 1) report(issues, `${field}[${i}].name`, name, 'a name is required when there is more than one port', LABEL_ALLOWED);
    else if (name !== '' && !isDns1123Label(name)) report(issues, `${field}[${i}].name`, name, 'port name is not a DNS-1123 label', LABEL_ALLOWED);
    else if (unique && seen.has(name)) report(issues, `${field}[${i}].name`, name, 'duplicate port name', 'a name no other port of the object has');
    seen.add(name);
  });
}

/**
 * The cluster IPs as kube-apiserver validates them: `clusterIPs`, or a lone `clusterIP` copied into
 * it (the create strategy's normalizeClusterIPs), with the field each came from.
 */
function clusterIpList(spec: Service['spec']): { readonly ips: readonly string[]; readonly field: (i: number) => string } {
  const plural = spec.clusterIPs ?? [];
  if (plural.length > 0) return { ips: plural, field: (i) => `spec.clusterIPs[${i}]` };
  const single = spec.clusterIP ?? '';
  return { ips: single === '' ? [] : [single], field: () => 'spec.clusterIP' };
}

/** `clusterIPs` is exactly ['None'] (isHeadlessService). */
const isHeadless = (spec: Service['spec']): boolean => {
  const { ips } = clusterIpList(spec);
  return ips.length === 1 && ips[0] === 'None';
};

function checkServicePorts(issues: Issues, s: Service): void {
  const spec = s.spec;
  const ports = spec.ports ?? [];
  const headless = isHeadless(spec);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') {
    report(issues, 'spec.ports', [], 'a Service needs at least one port', 'one or more ports (only a headless or ExternalName Service may have none)');
  }
  checkPortNames(issues, 'spec.ports', ports, true, true);
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
    // nodePort 0 is no nodePort (the allocator fills it in)
    if (p.nodePort !== undefined && p.nodePort !== 0) {
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
  // with None, SetDefaults_Service has dropped any sessionAffinityConfig
  if (affinity === 'None') return;
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
  // an unset policy is SingleStack on create, RequireDualStack for a headless Service without a
  // selector (pkg/registry/core/service/storage/alloc.go initIPFamilyFields)
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;
  const singleStack = policy === 'SingleStack' || (policy === undefined && !(isHeadless(spec) && selectorless));
  if (families.length > 1 && singleStack) {
    report(issues, 'spec.ipFamilyPolicy', policy ?? null, 'must be dual-stack when two IP families are given', 'PreferDualStack or RequireDualStack');
  }
  const list = clusterIpList(spec);
  const ips = list.ips.filter((ip) => ip !== 'None' && isIpAddress(ip));
  if (ips.length > 1 && singleStack) {
    report(issues, 'spec.ipFamilyPolicy', policy ?? null, 'must be dual-stack when two clusterIPs are given', 'PreferDualStack or RequireDualStack');
  }
  list.ips.forEach((ip, i) => {
    if (ip === 'None' || !isIpAddress(ip)) return;
    const fam = `IPv${ipVersionOf(ip)}`;
    const want = families[i];
    if (want !== undefined && IP_FAMILIES.includes(want) && want !== fam) {
      report(issues, list.field(i), ip, `an ${fam} address where spec.ipFamilies[${i}] is ${want}`, `an ${want} address (clusterIPs and ipFamilies are in the same order)`);
    }
    if (i === 1 && isIpAddress(list.ips[0]) && ipVersionOf(list.ips[0]) === ipVersionOf(ip)) {
      report(issues, 'spec.clusterIPs[1]', ip, 'the same IP family as spec.clusterIPs[0]', 'an address of the other IP family (one cluster IP per family)');
    }
  });
}

/**
 * clusterIP and clusterIPs (ValidateServiceClusterIPsRelatedFields) and the Service types that
 * refuse them (ValidateService: no 'None' for NodePort and LoadBalancer, none at all for ExternalName).
 */
function checkClusterIps(issues: Issues, s: Service): void {
  const spec = s.spec;
  const single = spec.clusterIP ?? '';
  const plural = spec.clusterIPs ?? [];
  const { ips, field } = clusterIpList(spec);
  if (spec.type === 'ExternalName') {
    if (ips.length > 0) report(issues, plural.length > 0 ? 'spec.clusterIPs' : 'spec.clusterIP', ips, 'may not be set for an ExternalName Service', 'no cluster IP');
    return;
  }
  if (single === '' && plural.length > 0) {
    report(issues, 'spec.clusterIPs', plural, 'must be empty when clusterIP is not specified', 'clusterIP set to clusterIPs[0], or neither (allocated)');
  } else if (single !== '' && plural.length > 0 && plural[0] !== single) {
    report(issues, 'spec.clusterIPs', plural, `the first value must match clusterIP ${JSON.stringify(single)}`, 'clusterIPs[0] equal to clusterIP');
  }
  let invalid = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalid = true;
        report(issues, 'spec.clusterIPs', ips, "'None' must be the first and only value", "['None'] (headless), or cluster IPs");
      }
      return;
    }
    if (!isIpAddress(ip)) {
      invalid = true;
      report(issues, field(i), ip, 'not an IP address', `${IP_ADDRESS_ALLOWED}, 'None' (headless) or empty (allocated)`);
    }
  });
  if (ips.length > 2) report(issues, 'spec.clusterIPs', ips, 'more than two cluster IPs', 'at most two, one per IP family');
  if (!invalid && isHeadless(spec) && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
    report(issues, field(0), 'None', `may not be 'None' for a ${spec.type} Service`, 'a cluster IP, or empty (allocated)');
  }
}

/** spec.externalName of an ExternalName Service: required, a DNS-1123 subdomain once a trailing dot is cut. */
function checkExternalName(issues: Issues, s: Service): void {
  if (s.spec.type !== 'ExternalName') return;
  const cname = (s.spec.externalName ?? '').replace(/\.$/, '');
  if (cname === '') report(issues, 'spec.externalName', s.spec.externalName ?? null, 'an ExternalName Service needs an externalName', SUBDOMAIN_ALLOWED);
  else if (!isDns1123Subdomain(cname)) report(issues, 'spec.externalName', s.spec.externalName, 'not a DNS-1123 subdomain', SUBDOMAIN_ALLOWED);
}

/** status.loadBalancer.ingress (ValidateLoadBalancerStatus): ip an address, hostname a DNS name, ipMode VIP or Proxy and only with an ip. */
function checkIngress(issues: Issues, s: Service): void {
  (s.status?.loadBalancer?.ingress ?? []).forEach((ing, i) => {
    const field = `status.loadBalancer.ingress[${i}]`;
    if (ing.ip !== undefined && ing.ip !== '') checkIp(issues, `${field}.ip`, ing.ip, false);
    if (ing.hostname !== undefined && ing.hostname !== '') {
      if (!isDns1123Subdomain(ing.hostname)) report(issues, `${field}.hostname`, ing.hostname, 'not a DNS-1123 subdomain', SUBDOMAIN_ALLOWED);
      else if (isIpAddress(ing.hostname)) report(issues, `${field}.hostname`, ing.hostname, 'must be a DNS name, not an IP address', SUBDOMAIN_ALLOWED);
    }
    if (ing.ipMode !== undefined) {
      if (ing.ip === undefined || ing.ip === '') report(issues, `${field}.ipMode`, ing.ipMode, 'may not be set without ip', 'an ip with the ipMode, or no ipMode');
      else if (!IP_MODES.includes(ing.ipMode)) report(issues, `${field}.ipMode`, ing.ipMode, 'unsupported IP mode', IP_MODES.join(' or '));
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
  checkClusterIps(issues, s);
  checkExternalName(issues, s);
  checkIpList(issues, 'spec.externalIPs', spec.externalIPs, true);
  const external = isExternallyAccessible(s);
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
  checkIngress(issues, s);
}

/** Endpoint ports: an EndpointSlice's (validatePorts: names unique, none required, port optional) or an Endpoints subset's (validateEndpointPort: names required once several, port required). */
function checkEndpointPorts(issues: Issues, field: string, ports: readonly ServiceEndpointPort[], slice: boolean): void {
  checkPortNames(issues, field, ports, !slice, slice);
  const portRequired = !slice;
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
      } else if (version !== undefined) {
        checkIp(issues, `endpoints[${i}].addresses[${j}]`, a, true);
      }
    });
  });
  checkEndpointPorts(issues, 'ports', s.ports ?? [], true);
}

function checkEndpoints(issues: Issues, e: Endpoints): void {
  (e.subsets ?? []).forEach((subset, i) => {
    if ((subset.addresses ?? []).length === 0 && (subset.notReadyAddresses ?? []).length === 0) {
      report(issues, `subsets[${i}]`, subset, 'a subset needs addresses or notReadyAddresses', 'one or more addresses or notReadyAddresses');
    }
    for (const list of ['addresses', 'notReadyAddresses'] as const) {
      (subset[list] ?? []).forEach((a, j) => checkIp(issues, `subsets[${i}].${list}[${j}].ip`, a.ip, true));
    }
    checkEndpointPorts(issues, `subsets[${i}].ports`, subset.ports ?? [], false);
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
