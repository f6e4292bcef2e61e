// A Service's endpoints derived from its selector over the inventory's pods, as the EndpointSlice
// controller would (pkg/controller/endpointslice: pods of the namespace the selector matches, with an
// address, not terminal; podutil.FindPort resolves a named targetPort per pod; podToEndpoint sets
// the ready, serving and terminating conditions).
import { ipVersionOf } from '../../model/net';
import { StringMap } from '../../model/resources';
import { InventoryPod } from './inventory';

/** One backend of a Service port: where kube-proxy DNATs to. */
export interface ServiceBackend {
  readonly address: string;
  readonly port: number;
  /** The node the backend runs on. @default - unknown */
  readonly nodeName?: string;
  /** `namespace/name` of the backend pod. @default - unknown (an endpoint without a pod reference) */
  readonly pod?: string;
}

/** An endpoint with the conditions an EndpointSlice would give it. */
export interface ConditionedEndpoint {
  readonly backend: ServiceBackend;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

/**
 * kube-proxy's backends among a port's endpoints: the ready ones; when none is ready, the serving
 * terminating ones (kube-proxy's terminating-endpoint fallback).
 */
export function kubeProxyBackends(endpoints: readonly ConditionedEndpoint[]): ServiceBackend[] {
  const ready = endpoints.filter((e) => e.ready).map((e) => e.backend);
  return ready.length > 0 ? ready : endpoints.filter((e) => e.serving && e.terminating).map((e) => e.backend);
}

/** The target port on this pod: a number as is, a name through the pod's named container ports of that protocol. */
function findPort(pod: InventoryPod, targetPort: string, protocol: string): number | undefined {
  if (/^[0-9]+$/.test(targetPort)) return Number(targetPort);
  return pod.namedPorts.find((p) => p.name === targetPort && p.protocol === protocol)?.port;
}

const matches = (labels: StringMap, selector: StringMap): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** What a Service's selector is matched with and how its endpoints are marked. */
export interface DeriveOptions {
  readonly namespace: string;
  readonly selector: StringMap;
  /** The IP families of the Service's cluster IPs (empty: any). */
  readonly versions: ReadonlySet<number | undefined>;
  /** spec.publishNotReadyAddresses. */
  readonly publishNotReady: boolean;
}

/**
 * The endpoints of one Service port: Running pods of the namespace whose labels the selector
 * matches and which have an address (of the Service's families, when its cluster IPs are known), at
 * the target port resolved on each pod; a pod without the named port is no endpoint of that port.
 * Conditions as podToEndpoint sets them: ready when the pod's Ready condition is True (a pod whose
 * inventory gives no conditions counts as ready) and it is not terminating, or always with
 * publishNotReadyAddresses; serving when the pod is ready; terminating with a deletionTimestamp.
 */
export function deriveEndpoints(pods: readonly InventoryPod[], opts: DeriveOptions, protocol: string, targetPort: string): ConditionedEndpoint[] {
  const out: ConditionedEndpoint[] = [];
  for (const pod of pods) {
    if (pod.namespace !== opts.namespace || pod.phase !== 'Running' || !matches(pod.labels, opts.selector)) continue;
    const port = findPort(pod, targetPort, protocol);
    if (port === undefined) continue;
    const podReady = pod.ready !== false;
    const terminating = pod.terminating === true;
    const ready = opts.publishNotReady || (podReady && !terminating);
    for (const address of pod.ips) {
      if (opts.versions.size > 0 && !opts.versions.has(ipVersionOf(address))) continue;
      const backend: ServiceBackend = { address, port, ...(pod.nodeName ? { nodeName: pod.nodeName } : {}), pod: `${pod.namespace}/${pod.name}` };
      out.push({ backend, ready, serving: podReady, terminating });
    }
  }
  return out;
}
