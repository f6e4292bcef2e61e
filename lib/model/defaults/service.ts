// The defaults kube-apiserver fills in on a Service, an EndpointSlice or an Endpoints object
// (pkg/apis/core/v1/defaults.go SetDefaults_Service, SetDefaults_EndpointPort; discovery/v1 defaults).
import { ServiceEndpointPort, Service, ServicePort, ServiceResource } from '../resources';
import { AppliedDefault, Defaulted } from './applied';

const KUBE_APISERVER = 'kube-apiserver';
const KUBECTL = 'kubectl uses the context namespace';
const TCP = 'TCP';
const CLUSTER = 'Cluster';
/** v1.DefaultClientIPServiceAffinitySeconds. */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** ExternallyAccessible (pkg/api/service/util.go): a NodePort or LoadBalancer, or a ClusterIP Service with externalIPs. */
export function isExternallyAccessible(s: Service): boolean {
  const type = s.spec.type ?? 'ClusterIP';
  return type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (s.spec.externalIPs ?? []).length > 0);
}

function defaultServicePort(p: ServicePort, field: string, out: AppliedDefault[]): ServicePort {
  let port = p;
  if (port.protocol === undefined) {
    out.push({ field: `${field}.protocol`, value: TCP, by: KUBE_APISERVER });
    port = { ...port, protocol: TCP };
  }
  // an unset, zero or empty targetPort is the port itself
  if (port.targetPort === undefined || port.targetPort === '0' || port.targetPort === '') {
    out.push({ field: `${field}.targetPort`, value: String(port.port), by: KUBE_APISERVER });
    port = { ...port, targetPort: String(port.port) };
  }
  return port;
}

function defaultService(s: Service, out: AppliedDefault[]): Service {
  let spec = s.spec;
  if (spec.type === undefined || spec.type === '') {
    out.push({ field: 'spec.type', value: 'ClusterIP', by: KUBE_APISERVER });
    spec = { ...spec, type: 'ClusterIP' };
  }
  if (spec.ports) spec = { ...spec, ports: spec.ports.map((p, i) => defaultServicePort(p, `spec.ports[${i}]`, out)) };
  if (isExternallyAccessible({ ...s, spec }) && !spec.externalTrafficPolicy) {
    out.push({ field: 'spec.externalTrafficPolicy', value: CLUSTER, by: KUBE_APISERVER });
    spec = { ...spec, externalTrafficPolicy: CLUSTER };
  }
  // sessionAffinity None (or unset): any sessionAffinityConfig is dropped
  if ((spec.sessionAffinity === undefined || spec.sessionAffinity === '' || spec.sessionAffinity === 'None') && spec.sessionAffinityConfig !== undefined) {
    out.push({ field: 'spec.sessionAffinityConfig', value: 'null (dropped: sessionAffinity None)', by: KUBE_APISERVER });
    const { sessionAffinityConfig: _dropped, ...rest } = spec;
    spec = rest;
  }
  // ClientIP affinity without a timeout sticks for kube-apiserver's default, 3 hours
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    out.push({ field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', value: String(DEFAULT_AFFINITY_SECONDS), by: KUBE_APISERVER });
    spec = { ...spec, sessionAffinityConfig: { ...spec.sessionAffinityConfig, clientIP: { ...spec.sessionAffinityConfig?.clientIP, timeoutSeconds: DEFAULT_AFFINITY_SECONDS } } };
  }
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) {
    out.push({ field: 'spec.internalTrafficPolicy', value: CLUSTER, by: KUBE_APISERVER });
    spec = { ...spec, internalTrafficPolicy: CLUSTER };
  }
  return { ...s, spec };
}

function defaultEndpointPorts(ports: readonly ServiceEndpointPort[] | undefined, field: string, out: AppliedDefault[]): ServiceEndpointPort[] | undefined {
  return ports?.map((p, i) => {
    if (p.protocol !== undefined) return p;
    out.push({ field: `${field}[${i}].protocol`, value: TCP, by: KUBE_APISERVER });
    return { ...p, protocol: TCP };
  });
}

/**
 * Fills in what kube-apiserver (and kubectl) would before the object is stored: the namespace,
 * a Service's type, port protocols and target ports, its traffic policies (externalTrafficPolicy for
 * every externally-accessible Service), the affinity timeout, no sessionAffinityConfig without
 * ClientIP; endpoint port protocols.
 */
export function applyServiceDefaults(r: ServiceResource, namespace = 'default'): Defaulted<ServiceResource> {
  const out: AppliedDefault[] = [];
  let resource: ServiceResource = r;
  if (r.metadata.namespace === undefined) {
    out.push({ field: 'metadata.namespace', value: namespace, by: KUBECTL });
    resource = { ...resource, metadata: { ...resource.metadata, namespace } };
  }
  if (resource.kind === 'Service') {
    resource = defaultService(resource, out);
  } else if (resource.kind === 'EndpointSlice') {
    const ports = defaultEndpointPorts(resource.ports, 'ports', out);
    if (ports) resource = { ...resource, ports };
  } else if (resource.subsets) {
    resource = {
      ...resource,
      subsets: resource.subsets.map((s, i) => (s.ports ? { ...s, ports: defaultEndpointPorts(s.ports, `subsets[${i}].ports`, out) } : s)),
    };
  }
  return { resource, defaults: out };
}
