// A small world for the Felix-case tests: pods on one node (IPv4, or IPv6 from 2001:db8::/32),
// optional manifests and a FelixConfiguration `default`, read through the real input pipeline.
import * as yaml from 'js-yaml';
import { BuiltModel, buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { NodePlan, renderNodePlan } from '../../lib/iptables/node-plan';
import { CalicoVersion } from '../../lib/model/calico-version';

export const NODE = 'node-1';

/** A pod: name (namespace `app`), address, labels, annotations, service account (none when left out). */
export interface Pod {
  readonly name: string;
  readonly ip: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly serviceAccount?: string;
}

/** Another node of the cluster: its name, InternalIP and annotations (none when left out). */
export interface OtherNode {
  readonly name: string;
  readonly ip: string;
  readonly annotations?: Record<string, string>;
}

function node(name: string, ip: string, annotations?: Record<string, string>): object {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {}, ...(annotations ? { annotations } : {}) }, status: { addresses: [{ type: 'InternalIP', address: ip }] } };
}

function inventory(pods: readonly Pod[], nodeIp: string, others: readonly OtherNode[], nodeAnnotations?: Record<string, string>): string {
  return yaml.dump({
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
      node(NODE, nodeIp, nodeAnnotations), ...others.map((o) => node(o.name, o.ip, o.annotations)),
      ...pods.map((p) => ({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: 'app', labels: p.labels ?? {}, ...(p.annotations ? { annotations: p.annotations } : {}) },
        spec: { nodeName: NODE, containers: [{ name: 'c' }], ...(p.serviceAccount ? { serviceAccountName: p.serviceAccount } : {}) },
        status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
      })),
    ],
  });
}

/**
 * The model of the pods, the manifests (YAML documents), the FelixConfiguration `default` spec, other
 * nodes and the annotations of the pods' Node (its tunnel addresses, for instance).
 */
export function felixWorld(
  pods: readonly Pod[], manifests: readonly object[], felix: object | undefined, nodeIp: string, others: readonly OtherNode[] = [],
  calicoVersion?: CalicoVersion, nodeAnnotations?: Record<string, string>,
): BuiltModel {
  const docs = [...manifests, ...(felix ? [{ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: felix }] : [])];
  return buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: docs.map((d) => yaml.dump(d)).join('---\n') || '{}\n' },
    { file: 'cluster.yaml', text: inventory(pods, nodeIp, others, nodeAnnotations) },
  ], calicoVersion ? { calicoVersion } : {}));
}

/** The plan of the world's node. */
export function nodePlan(model: BuiltModel): NodePlan {
  return renderNodePlan(model, NODE);
}

/** The rules of one chain in iptables-restore text, without their `-A <chain>` and comment. */
export function chainRules(text: string, chain: string): string[] {
  return text.split('\n')
    .filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => l.slice(`-A ${chain} `.length).replace(/^-m comment --comment "[^"]*" ?/, ''));
}

/** The node-side interface name of a pod. */
export function podInterface(plan: NodePlan, pod: string): string {
  const ep = plan.endpoints.endpoints.find((e) => e.id === `app/${pod}`);
  if (!ep) throw new Error(`no endpoint app/${pod} in the plan`);
  return ep.interface;
}
