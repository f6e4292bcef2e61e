// Plan files for every node of a model, and for plain manifest/inventory objects (synth).
import { dump } from 'js-yaml';
import { BuiltModel, buildEngineModel, parseEngineInputs } from '../engine';
import { CalicoVersion } from '../model/calico-version';
import { hasKubeProxyServices, renderKubeProxy } from './kube-proxy';
import { renderNodePlan } from './node-plan';
import { PlanOptions } from './plan-layout';

/** A file to write, relative to the output folder. */
export interface PlanFile {
  readonly path: string;
  readonly content: string;
}

/**
 * `<dir><node>.iptables`, `.ip6tables` (when the node has IPv6 endpoints), `.ipsets` and
 * `.endpoints.json` for each node of the model, nodes sorted by name, and `<node>.kube-proxy.iptables`
 * and `.kube-proxy.ip6tables` (kube-proxy's rules per IP family, for verification only) when the model
 * has Services with a cluster IP of that family. Throws when there is no node.
 */
export function planFilesFromModel(model: BuiltModel, dir: string = '', options: PlanOptions = {}): PlanFile[] {
  if (model.nodes.length === 0) throw new Error('the inventory has no Node: nothing to plan (add Node objects or WorkerNode constructs)');
  return planNodeNames(model).flatMap((node) => nodePlanFiles(model, node, dir, options));
}

/** The model's node names in the order plan files are written (sorted). */
export function planNodeNames(model: BuiltModel): string[] {
  return [...model.nodes].map((n) => n.name).sort();
}

/** The plan files of one node (see planFilesFromModel), rendered on their own. */
export function nodePlanFiles(model: BuiltModel, node: string, dir: string = '', options: PlanOptions = {}): PlanFile[] {
  const plan = renderNodePlan(model, node, options);
  const out: PlanFile[] = [{ path: `${dir}${node}.iptables`, content: plan.iptables }];
  if (plan.ip6tables !== undefined) out.push({ path: `${dir}${node}.ip6tables`, content: plan.ip6tables });
  out.push({ path: `${dir}${node}.ipsets`, content: plan.ipsets });
  out.push({ path: `${dir}${node}.endpoints.json`, content: `${JSON.stringify(plan.endpoints, null, 2)}\n` });
  if (hasKubeProxyServices(model, 4)) out.push({ path: `${dir}${node}.kube-proxy.iptables`, content: renderKubeProxy(model, node, undefined, 4) });
  if (hasKubeProxyServices(model, 6)) out.push({ path: `${dir}${node}.kube-proxy.ip6tables`, content: renderKubeProxy(model, node, undefined, 6) });
  return out;
}

/**
 * For `cdk8s synth`: the plan files (`iptables/<node>.*`) for manifests and inventory objects
 * (Namespaces, Pods, Nodes) given as plain objects, in the layout of `options`. Throws on invalid input, before anything is written.
 */
export function renderPlanFiles(manifests: readonly unknown[], inventory: readonly unknown[], calicoVersion?: CalicoVersion, options: PlanOptions = {}): PlanFile[] {
  const toText = (docs: readonly unknown[]): string => docs.map((d) => dump(d, { noRefs: true, sortKeys: false })).join('---\n');
  const inputs = parseEngineInputs([
    { file: 'synth-manifests', text: toText(manifests) },
    { file: 'synth-inventory', text: toText(inventory) },
  ], { calicoVersion });
  return planFilesFromModel(buildEngineModel(inputs), 'iptables/', options);
}
