// Builds engine models from inline YAML for tests.
import * as yaml from 'js-yaml';
import { BuiltModel, buildEngineModel, buildFlow, evaluateFlow, FlowVerdict, parseEngineInputs } from '../../../lib/engine';
import { CalicoVersion } from '../../../lib/model/calico-version';

export interface PodDef {
  ns: string;
  name: string;
  ip: string;
  labels?: Record<string, string>;
  node?: string;
  ports?: { name: string; containerPort: number; protocol?: string }[];
  /** spec.serviceAccountName; none when left out. */
  serviceAccount?: string;
}

/** A kubectl-style inventory List. */
export function inventory(pods: PodDef[], namespaces: Record<string, Record<string, string>> = {}, nodes: { name: string; ip: string }[] = []): string {
  const nsNames = new Set([...Object.keys(namespaces), ...pods.map((p) => p.ns)]);
  const items: unknown[] = [...nsNames].map((n) => ({
    apiVersion: 'v1', kind: 'Namespace',
    metadata: { name: n, labels: namespaces[n] ?? { 'kubernetes.io/metadata.name': n } },
  }));
  for (const n of nodes) {
    items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: n.ip }] } });
  }
  for (const p of pods) {
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: p.name, namespace: p.ns, labels: p.labels ?? {} },
      spec: { nodeName: p.node ?? 'node-1', ...(p.serviceAccount ? { serviceAccountName: p.serviceAccount } : {}), containers: [{ name: 'c', ports: p.ports ?? [] }] },
      status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
    });
  }
  return yaml.dump({ apiVersion: 'v1', kind: 'List', items });
}

/** Model from manifests YAML (multi-doc) plus inventory YAML. */
export function model(manifests: string, cluster: string, calicoVersion?: CalicoVersion): BuiltModel {
  return buildEngineModel(parseEngineInputs([
    { file: 'policies.yaml', text: manifests },
    { file: 'cluster.yaml', text: cluster },
  ], { calicoVersion }));
}

/** Evaluates a flow. */
export function check(m: BuiltModel, from: string, to: string, protocol = 'TCP', port: number | undefined = 80): FlowVerdict {
  return evaluateFlow(m, buildFlow(m, { from, to, protocol, port }));
}
