// A Service's backends derived from its selector over the inventory's pods, as the EndpointSlice
// controller would (pkg/controller/endpointslice: pods of the namespace the selector matches, with an
// address, not terminal; podutil.FindPort resolves a named targetPort per pod).
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

/** The target port on this pod: a number as is, a name through the pod's named container ports of that protocol. */
function findPort(pod: InventoryPod, targetPort: string, protocol: string): number | undefined {
  if (/^[0-9]+$/.test(targetPort)) return Number(targetPort);
  return pod.namedPorts.find((p) => p.name === targetPort && p.protocol === protocol)?.port;
}

const matches = (labels: StringMap, selector: StringMap): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/**
 * The backends of one Service port: Running pods of the namespace whose labels the selector matches
 * and which have an address (of the Service's families, when its cluster IPs are known), at the
 * target port resolved on each pod; a pod without the named port is no backend of that port.
 * Readiness conditions are not read: a Running pod counts as ready.
 */
export function deriveBackends(
  pods: readonly InventoryPod[], namespace: string, selector: StringMap, protocol: string, targetPort: string, versions: ReadonlySet<number | undefined>,
): ServiceBackend[] {
  const out: ServiceBackend[] = [];
  for (const pod of pods) {
    if (pod.namespace !== namespace || pod.phase !== 'Running' || !matches(pod.labels, selector)) continue;
    const port = findPort(pod, targetPort, protocol);
    if (port === undefined) continue;
    for (const address of pod.ips) {
      if (versions.size > 0 && !versions.has(ipVersionOf(address))) continue;
      out.push({ address, port, ...(pod.nodeName ? { nodeName: pod.nodeName } : {}), pod: `${pod.namespace}/${pod.name}` });
    }
  }
  return out;
}
