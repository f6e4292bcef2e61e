// Workload manifests (Deployment, StatefulSet, ...) read for their pod template: what their pods will look like.
import { ManifestError, isRecord } from '../../model/parse';
import { StringMap } from '../../model/resources';
import { ContainerPort, InventoryPod, parseTemplatePod } from './inventory';

/** A workload and the pod its template makes. */
export interface InventoryWorkload {
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob. */
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** The pod template's labels. */
  readonly labels: StringMap;
  readonly serviceAccount?: string;
  readonly hostNetwork: boolean;
  readonly containerPorts: readonly ContainerPort[];
}

/** apiVersion/kind of each workload kind, and the path to its pod template. */
const WORKLOAD_KINDS: readonly { readonly apiVersion: string; readonly kind: string; readonly template: readonly string[] }[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment', template: ['spec', 'template'] },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', template: ['spec', 'template'] },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', template: ['spec', 'template'] },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', template: ['spec', 'template'] },
  { apiVersion: 'v1', kind: 'ReplicationController', template: ['spec', 'template'] },
  { apiVersion: 'batch/v1', kind: 'Job', template: ['spec', 'template'] },
  { apiVersion: 'batch/v1', kind: 'CronJob', template: ['spec', 'jobTemplate', 'spec', 'template'] },
];

type Rec = { readonly [key: string]: unknown };

/** True for the workload kinds this module reads. */
export function isWorkloadKind(doc: unknown): boolean {
  return isRecord(doc) && WORKLOAD_KINDS.some((k) => k.apiVersion === doc.apiVersion && k.kind === doc.kind);
}

/**
 * Reads a workload's pod template; undefined when it has none (nothing to derive a pod from).
 * Throws ManifestError naming location and field for a malformed one.
 */
export function parseWorkload(doc: Rec, location: string): InventoryWorkload | undefined {
  const def = WORKLOAD_KINDS.find((k) => k.apiVersion === doc.apiVersion && k.kind === doc.kind);
  if (!def) throw new ManifestError(location, 'kind', String(doc.kind), WORKLOAD_KINDS.map((k) => k.kind).join(', '));
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  if (typeof meta.name !== 'string' || meta.name === '') {
    throw new ManifestError(location, 'metadata.name', JSON.stringify(meta.name) ?? 'nothing', 'a non-empty string');
  }
  let template: unknown = doc;
  for (const key of def.template) template = isRecord(template) ? template[key] : undefined;
  const field = def.template.join('.');
  if (template === undefined) return undefined;
  if (!isRecord(template)) throw new ManifestError(location, field, JSON.stringify(template) ?? 'nothing', 'a pod template');
  const pod: InventoryPod = parseTemplatePod({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { ...(isRecord(template.metadata) ? template.metadata : {}), name: meta.name, namespace: meta.namespace },
    spec: template.spec,
  }, location, field);
  return {
    kind: def.kind, name: meta.name, namespace: pod.namespace, labels: pod.labels, serviceAccount: pod.serviceAccount,
    hostNetwork: pod.hostNetwork, containerPorts: pod.containerPorts,
  };
}

/** `apps/v1/Deployment web`: a workload document for messages. */
export function workloadKindOf(doc: unknown): string {
  const d = isRecord(doc) ? doc : {};
  const meta = isRecord(d.metadata) ? d.metadata : {};
  return `${String(d.apiVersion)}/${String(d.kind)} ${String(meta.name)}`;
}
