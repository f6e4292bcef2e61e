// The Services of the inputs as kube-proxy sees them: addresses, ports and, per port, the backends
// it would DNAT to (from EndpointSlices, else v1 Endpoints, else derived from the selector).
import { DEFAULT_AFFINITY_SECONDS } from '../../model/defaults';
import { canonicalAddress, ipVersionOf } from '../../model/net';
import {
  ENDPOINTSLICE_SERVICE_LABEL, SOURCE_RANGES_ANNOTATION, EndpointSlice, Endpoints, Service, ServiceEndpointPort, ServiceResource,
} from '../../model/resources';
import { ConditionedEndpoint, ServiceBackend, deriveEndpoints, kubeProxyBackends } from './derive-endpoints';
import { InventoryPod } from './inventory';
import { ServiceSetMembers, derivedMembers, endpointsMembers, sliceMembers } from './service-members';

/** One port of a Service and its backends. */
export interface InputServicePort {
  /** @default - unnamed */
  readonly name?: string;
  readonly protocol: string;
  readonly port: number;
  /** A port number or a container port name. */
  readonly targetPort: string;
  /** @default - none (ClusterIP) or allocated by kube-apiserver and not known */
  readonly nodePort?: number;
  readonly backends: readonly ServiceBackend[];
}

/** Where a Service's backends came from. */
export type BackendSource = 'EndpointSlice' | 'Endpoints' | 'selector' | 'none';

/** A Service as kube-proxy (iptables mode) programs it. */
export interface InputService {
  readonly name: string;
  readonly namespace: string;
  /** `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`. */
  readonly type: string;
  /** The cluster IPs (empty when headless or not yet allocated). */
  readonly clusterIPs: readonly string[];
  /** `spec.clusterIP: None`: kube-proxy programs no rules for it. */
  readonly headless: boolean;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress[].ip, of the ingresses with ipMode VIP (the default); kube-proxy skips ipMode Proxy (serviceport.go newBaseServiceInfo). */
  readonly loadBalancerIPs: readonly string[];
  /** `Cluster` or `Local`, for NodePort and LoadBalancer Services. @default - none */
  readonly externalTrafficPolicy?: string;
  /** `Cluster` or `Local`. @default - none (ExternalName) */
  readonly internalTrafficPolicy?: string;
  readonly ports: readonly InputServicePort[];
  /** sessionAffinity ClientIP: how long a client sticks to its first backend. @default - none (sessionAffinity None) */
  readonly affinitySeconds?: number;
  /**
   * The sources kube-proxy lets reach the LoadBalancer IPs (spec.loadBalancerSourceRanges, else the
   * `service.beta.kubernetes.io/load-balancer-source-ranges` annotation); empty: every source.
   */
  readonly loadBalancerSourceRanges: readonly string[];
  readonly backendsFrom: BackendSource;
  /** What Felix's IP sets for a Calico rule's `services` match of this Service hold. */
  readonly setMembers: ServiceSetMembers;
  /** `file#index` of the Service document. */
  readonly location: string;
}

/** A Service, EndpointSlice or Endpoints object and where it was read. */
export interface SourcedServiceResource {
  readonly resource: ServiceResource;
  readonly location: string;
}

type Ref = { readonly kind?: string; readonly name?: string; readonly namespace?: string };
const podOf = (ref: Ref | undefined, namespace: string): string | undefined =>
  (ref?.kind === 'Pod' && ref.name ? `${ref.namespace ?? namespace}/${ref.name}` : undefined);

/** An endpoint port matches a Service port by name and protocol (kube-proxy's ServicePortName). */
function endpointPortFor(ports: readonly ServiceEndpointPort[] | undefined, name: string, protocol: string): number | undefined {
  return (ports ?? []).find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol)?.port;
}

/** A port's endpoints from EndpointSlices, with their conditions (an unset condition is ready / serving). */
function sliceEndpoints(slices: readonly EndpointSlice[], name: string, protocol: string): ConditionedEndpoint[] {
  const out: ConditionedEndpoint[] = [];
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue; // kube-proxy ignores FQDN slices
    const port = endpointPortFor(slice.ports, name, protocol);
    if (port === undefined) continue;
    for (const e of slice.endpoints ?? []) {
      const c = e.conditions ?? {};
      const backend: ServiceBackend = {
        address: canonicalAddress(e.addresses[0]), port,
        ...(e.nodeName ? { nodeName: e.nodeName } : {}),
        ...(podOf(e.targetRef, slice.metadata.namespace ?? 'default') ? { pod: podOf(e.targetRef, slice.metadata.namespace ?? 'default') } : {}),
      };
      out.push({ backend, ready: c.ready !== false, serving: c.serving !== false, terminating: c.terminating === true });
    }
  }
  return out;
}

/** Ready addresses of a v1 Endpoints object for a port (notReadyAddresses are not backends). */
function endpointsBackends(e: Endpoints, name: string, protocol: string): ServiceBackend[] {
  const out: ServiceBackend[] = [];
  for (const subset of e.subsets ?? []) {
    const port = endpointPortFor(subset.ports, name, protocol);
    if (port === undefined) continue;
    for (const a of subset.addresses ?? []) {
      const pod = podOf(a.targetRef, e.metadata.namespace ?? 'default');
      out.push({ address: canonicalAddress(a.ip), port, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ...(pod ? { pod } : {}) });
    }
  }
  return out;
}

function toInputService(
  s: Service, location: string, slices: readonly EndpointSlice[], endpoints: Endpoints | undefined, pods: readonly InventoryPod[],
): InputService {
  const namespace = s.metadata.namespace ?? 'default';
  const spec = s.spec;
  // addresses in their canonical form, as the flows name them (`2001:DB8::1` is `2001:db8::1`)
  const clusterIPs = [...new Set([spec.clusterIP, ...(spec.clusterIPs ?? [])]
    .filter((ip): ip is string => ip !== undefined && ip !== '' && ip !== 'None').map(canonicalAddress))];
  const selector = spec.selector ?? {};
  // an empty selector is stored as none: the Service gets no endpoints from the controller
  const backendsFrom: BackendSource = slices.length > 0 ? 'EndpointSlice' : endpoints ? 'Endpoints'
    : Object.keys(selector).length > 0 ? 'selector' : 'none';
  const derive = { namespace, selector, versions: new Set(clusterIPs.map((ip) => ipVersionOf(ip))), publishNotReady: spec.publishNotReadyAddresses === true };
  const derived: { protocol: string; endpoints: ConditionedEndpoint[] }[] = [];
  const ports: InputServicePort[] = (spec.ports ?? []).map((p) => {
    const name = p.name ?? '';
    const protocol = p.protocol ?? 'TCP';
    const targetPort = p.targetPort ?? String(p.port);
    let backends: ServiceBackend[] = [];
    if (backendsFrom === 'EndpointSlice') backends = kubeProxyBackends(sliceEndpoints(slices, name, protocol));
    else if (backendsFrom === 'Endpoints' && endpoints) backends = endpointsBackends(endpoints, name, protocol);
    else if (backendsFrom === 'selector') {
      const list = deriveEndpoints(pods, derive, protocol, targetPort);
      derived.push({ protocol, endpoints: list });
      backends = kubeProxyBackends(list);
    }
    return { ...(p.name ? { name: p.name } : {}), protocol, port: p.port, targetPort, ...(p.nodePort !== undefined && p.nodePort !== 0 ? { nodePort: p.nodePort } : {}), backends };
  });
  const setMembers = backendsFrom === 'EndpointSlice' ? sliceMembers(slices)
    : backendsFrom === 'Endpoints' && endpoints ? endpointsMembers(endpoints) : derivedMembers(derived);
  return {
    name: s.metadata.name, namespace, type: spec.type ?? 'ClusterIP', clusterIPs, headless: spec.clusterIP === 'None', externalIPs: (spec.externalIPs ?? []).map(canonicalAddress),
    // kube-proxy programs only the VIP-mode ingress IPs; a Proxy-mode load balancer delivers to the nodes itself
    loadBalancerIPs: (s.status?.loadBalancer?.ingress ?? []).filter((i) => i.ipMode !== 'Proxy').map((i) => i.ip).filter((ip): ip is string => ip !== undefined && ip !== '').map(canonicalAddress),
    ...(spec.externalTrafficPolicy ? { externalTrafficPolicy: spec.externalTrafficPolicy } : {}),
    ...(spec.internalTrafficPolicy ? { internalTrafficPolicy: spec.internalTrafficPolicy } : {}),
    ports, ...(spec.sessionAffinity === 'ClientIP' ? { affinitySeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS } : {}),
    loadBalancerSourceRanges: sourceRanges(s), backendsFrom, setMembers, location,
  };
}

/** kube-proxy's source ranges of a LoadBalancer: the spec's, else the annotation's (comma-separated), trimmed. */
function sourceRanges(s: Service): string[] {
  if (s.spec.type !== 'LoadBalancer') return [];
  const spec = s.spec.loadBalancerSourceRanges ?? [];
  const list = spec.length > 0 ? spec : (s.metadata.annotations?.[SOURCE_RANGES_ANNOTATION] ?? '').split(',');
  return list.map((r) => r.trim()).filter((r) => r !== '');
}

/**
 * The Services with their backends: a Service's EndpointSlices are those labelled
 * `kubernetes.io/service-name: <name>` in its namespace; without any, the v1 Endpoints of its name;
 * without that, the pods its selector matches (as the EndpointSlice controller would; kube-proxy
 * uses the ready ones, Felix's `services` sets all of them).
 */
export function buildServices(read: readonly SourcedServiceResource[], pods: readonly InventoryPod[]): InputService[] {
  const slices = read.map((r) => r.resource).filter((r): r is EndpointSlice => r.kind === 'EndpointSlice');
  const endpoints = read.map((r) => r.resource).filter((r): r is Endpoints => r.kind === 'Endpoints');
  const out: InputService[] = [];
  for (const { resource, location } of read) {
    if (resource.kind !== 'Service') continue;
    const ns = resource.metadata.namespace;
    const own = slices.filter((s) => s.metadata.namespace === ns && s.metadata.labels?.[ENDPOINTSLICE_SERVICE_LABEL] === resource.metadata.name);
    const eps = endpoints.find((e) => e.metadata.namespace === ns && e.metadata.name === resource.metadata.name);
    out.push(toInputService(resource, location, own, eps, pods));
  }
  return out;
}

/** What the engine does with the Services read, said once. */
export function servicesNote(services: readonly InputService[]): string {
  const backends = services.reduce((n, s) => n + s.ports.reduce((m, p) => m + p.backends.length, 0), 0);
  return `${services.length} Service${services.length === 1 ? '' : 's'} read (${backends} port backend${backends === 1 ? '' : 's'}); `
    + "`check --to service/<ns>/<name>` or a cluster IP judges each backend after kube-proxy's DNAT; `check --to` a node address "
    + 'and nodePort, or a LoadBalancer or external IP and port, judges kube-proxy\'s external path per backend';
}
