// A small world for the Felix-case tests: pods on one node (IPv4, or IPv6 from 2001:db8::/32),
// optional manifests and a FelixConfiguration `default`, read through the real input pipeline.
import * as yaml from 'js-yaml';
import { BuiltModel, buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { NodePlan, renderNodePlan } from '../../lib/iptables/node-plan';

export const NODE = 'node-1';

/** A pod: name (namespace `app`), address, labels. */
export interface Pod {
  readonly name: string;
  readonly ip: string;
  readonly labels?: Record<string, string>;
}

function inventory(pods: readonly Pod[], nodeIp: string): string {
  return yaml.dump({
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE, labels: {} }, status: { addresses: [{ type: 'InternalIP', address: nodeIp }] } },
      ...pods.map((p) => ({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: 'app', labels: p.labels ?? {} },
        spec: { nodeName: NODE, containers: [{ name: 'c' }] },
        status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
      })),
    ],
  });
}

/** The model of the pods, the manifests (YAML documents) and the FelixConfiguration `default` spec. */
export function felixWorld(pods: readonly Pod[], manifests: readonly object[], felix: object | undefined, nodeIp: string): BuiltModel {
  const docs = [...manifests, ...(felix ? [{ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: felix }] : [])];
  return buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: docs.map((d) => yaml.dump(d)).join('---\n') || '{}\n' },
    { file: 'cluster.yaml', text: inventory(pods, nodeIp) },
  ]));
}

/** The plan of the world's node. */
export function nodePlan(model: BuiltModel): NodePlan {
  return renderNodePlan(model, NODE);
}

/** The rules of one chain in iptables-restore text, without their `-A <chain>` and comment. */
export function chainRules(text: string, chain: string): string[] {
  return text.split('\n')
    .filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => l.slice(`-A ${chain} `.length).replace(/^-m comment --comment "[^"]*" /, ''));
}

/** The node-side interface name of a pod. */
export function podInterface(plan: NodePlan, pod: string): string {
  const ep = plan.endpoints.endpoints.find((e) => e.id === `app/${pod}`);
  if (!ep) throw new Error(`no endpoint app/${pod} in the plan`);
  return ep.interface;
}
