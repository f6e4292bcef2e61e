// Kubernetes v1 Service, discovery.k8s.io/v1 EndpointSlice and v1 Endpoints: what kube-proxy reads.
import { ObjectMeta, StringMap } from './meta';

export const K8S_CORE_API_VERSION = 'v1';
export const K8S_DISCOVERY_API_VERSION = 'discovery.k8s.io/v1';
/** The label an EndpointSlice carries naming its Service (`kubernetes.io/service-name`). */
export const ENDPOINTSLICE_SERVICE_LABEL = 'kubernetes.io/service-name';

/** The annotation kube-proxy reads when spec.loadBalancerSourceRanges is empty (service.GetLoadBalancerSourceRanges). */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** One port of a Service. */
export interface ServicePort {
  /** Required (a DNS-1123 label) when the Service has more than one port. @default - unnamed */
  readonly name?: string;
  /** `TCP`, `UDP` or `SCTP`. @default 'TCP' (kube-apiserver) */
  readonly protocol?: string;
  /** The port the Service listens on (1-65535). */
  readonly port: number;
  /** A port number, or the name of a container port of the backends. @default - the port (kube-apiserver) */
  readonly targetPort?: string;
  /** For NodePort and LoadBalancer Services. @default - allocated by kube-apiserver (unknown here) */
  readonly nodePort?: number;
}

/** spec of a v1 Service. */
export interface ServiceSpec {
  /** `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`. @default 'ClusterIP' */
  readonly type?: string;
  /** The pods that back the Service. @default - none: endpoints are given, not derived */
  readonly selector?: StringMap;
  /** The Service's ports. @default - none (only a headless or ExternalName Service may have none) */
  readonly ports?: ServicePort[];
  /** An address, `None` (headless) or empty (allocated). @default - allocated (unknown here) */
  readonly clusterIP?: string;
  /** The cluster IPs, one per IP family. @default - allocated (unknown here) */
  readonly clusterIPs?: string[];
  /** Addresses of the nodes that also accept the Service's ports. @default - none */
  readonly externalIPs?: string[];
  /** `Cluster` or `Local`, for NodePort and LoadBalancer. @default 'Cluster' there */
  readonly externalTrafficPolicy?: string;
  /** `Cluster` or `Local`. @default 'Cluster' */
  readonly internalTrafficPolicy?: string;
  /** The DNS name of an ExternalName Service. @default - none */
  readonly externalName?: string;
  /** The address asked of the LoadBalancer provider (deprecated in Kubernetes, honoured by IBM classic). @default - chosen by the provider */
  readonly loadBalancerIP?: string;
  /** Not-ready pods are endpoints too (the EndpointSlice controller marks them ready). @default false */
  readonly publishNotReadyAddresses?: boolean;
  /** `None` or `ClientIP` (a client's connections stick to one backend). @default 'None' */
  readonly sessionAffinity?: string;
  /** With `ClientIP`: how long a client sticks (`clientIP.timeoutSeconds`, 1-86400). @default - 10800 seconds (kube-apiserver) */
  readonly sessionAffinityConfig?: ServiceSessionAffinityConfig;
  /** For a LoadBalancer: the only sources kube-proxy lets reach its LoadBalancer IPs (CIDRs). @default - every source */
  readonly loadBalancerSourceRanges?: string[];
  /** `IPv4` and/or `IPv6`, in the order of clusterIPs. The kube-proxy plan renders IPv4 only. @default - allocated (unknown here) */
  readonly ipFamilies?: string[];
  /** `SingleStack`, `PreferDualStack` or `RequireDualStack`. @default 'SingleStack' (kube-apiserver) */
  readonly ipFamilyPolicy?: string;
  /** For a LoadBalancer: which load-balancer implementation serves it. Changes no verdict. @default - the cloud provider's */
  readonly loadBalancerClass?: string;
  /** For a LoadBalancer: whether kube-apiserver allocates nodePorts; the nodePorts given already say. Changes no verdict. @default true */
  readonly allocateLoadBalancerNodePorts?: boolean;
  /** For a LoadBalancer with externalTrafficPolicy Local: kube-proxy's health-check HTTP port (no DNAT rule). Changes no verdict. @default - allocated */
  readonly healthCheckNodePort?: number;
  /** Topology-aware routing (`PreferClose` ...): not modelled, so a Service that sets it is refused. @default - none */
  readonly trafficDistribution?: string;
}

/** spec.sessionAffinityConfig of a v1 Service. */
export interface ServiceSessionAffinityConfig {
  /** @default - none */
  readonly clientIP?: ServiceClientIPConfig;
}

/** spec.sessionAffinityConfig.clientIP of a v1 Service. */
export interface ServiceClientIPConfig {
  /** Seconds a client sticks to its backend (1-86400). @default 10800 */
  readonly timeoutSeconds?: number;
}

/** A v1 Service. */
export interface Service {
  readonly apiVersion: typeof K8S_CORE_API_VERSION;
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly spec: ServiceSpec;
  readonly status?: { readonly loadBalancer?: { readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string; readonly ipMode?: string }[] } };
}

/** A port of an EndpointSlice or an Endpoints subset. */
export interface ServiceEndpointPort {
  /** The Service port's name. @default - unnamed */
  readonly name?: string;
  /** @default 'TCP' */
  readonly protocol?: string;
  readonly port?: number;
}

/** One endpoint of an EndpointSlice. */
export interface SliceEndpoint {
  readonly addresses: readonly string[];
  /** Unset ready means ready (discovery.k8s.io/v1: "consumers should interpret this unknown state as ready"). */
  readonly conditions?: { readonly ready?: boolean; readonly serving?: boolean; readonly terminating?: boolean };
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
  /** Topology hints (set for trafficDistribution): not modelled, so a slice that gives zones or nodes is refused. @default - none */
  readonly hints?: SliceEndpointHints;
}

/** The topology hints of an EndpointSlice endpoint. */
export interface SliceEndpointHints {
  /** The zones whose nodes should use this endpoint. @default - none */
  readonly forZones?: readonly { readonly name?: string }[];
  /** The nodes that should use this endpoint. @default - none */
  readonly forNodes?: readonly { readonly name?: string }[];
}

/** A discovery.k8s.io/v1 EndpointSlice. */
export interface EndpointSlice {
  readonly apiVersion: typeof K8S_DISCOVERY_API_VERSION;
  readonly kind: 'EndpointSlice';
  readonly metadata: ObjectMeta;
  /** `IPv4`, `IPv6` or `FQDN`. */
  readonly addressType: string;
  readonly endpoints?: readonly SliceEndpoint[];
  readonly ports?: readonly ServiceEndpointPort[];
}

/** An address of a v1 Endpoints subset. */
export interface EndpointAddress {
  readonly ip: string;
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
}

/** A v1 Endpoints object (named as its Service). */
export interface Endpoints {
  readonly apiVersion: typeof K8S_CORE_API_VERSION;
  readonly kind: 'Endpoints';
  readonly metadata: ObjectMeta;
  readonly subsets?: readonly {
    readonly addresses?: readonly EndpointAddress[];
    readonly notReadyAddresses?: readonly EndpointAddress[];
    readonly ports?: readonly ServiceEndpointPort[];
  }[];
}

/** The kinds kube-proxy reads, held apart from the policy resources. */
export type ServiceResource = Service | EndpointSlice | Endpoints;
