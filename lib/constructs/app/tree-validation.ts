import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { canonicalJson } from '../../model/canonical-json';
import { resourceId } from '../../model/resources';
import { isInventoryObject } from '../../model/resources/inventory';
import { NetsecApiObject } from '../l1/netsec-api-object';

/** Runs every construct validation under `root`; messages not naming their construct get `[path]`. */
export function constructValidationErrors(root: IConstruct): string[] {
  const errors: string[] = [];
  for (const c of root.node.findAll()) {
    for (const message of c.node.validate()) {
      errors.push(message.startsWith(c.node.path) ? message : `[${c.node.path}] ${message}`);
    }
  }
  return errors;
}

/**
 * The namespace an API object is written with. cdk8s gives every object its chart's namespace, but
 * cluster-scoped objects (inventory Nodes and Namespaces) drop it when rendered, so ask the rendering.
 */
function writtenNamespace(obj: ApiObject): string | undefined {
  const json = writtenJson(obj);
  if (json === undefined) return obj.metadata.namespace; // the rendering error itself is reported when the chart is rendered
  const metadata = typeof json === 'object' && json !== null ? (json as { readonly metadata?: unknown }).metadata : undefined;
  const ns = typeof metadata === 'object' && metadata !== null ? (metadata as { readonly namespace?: unknown }).namespace : undefined;
  return typeof ns === 'string' ? ns : undefined;
}

/** The rendering of an API object, or undefined when it cannot be rendered. */
function writtenJson(obj: ApiObject): unknown {
  try {
    return obj.toJson();
  } catch {
    return undefined;
  }
}

/** The identity of an API object: `<group>/<kind>/<namespace>/<name>` (no namespace when cluster-scoped). */
function identityOf(obj: ApiObject): string {
  if (NetsecApiObject.isNetsecApiObject(obj)) return resourceId(obj.toResource());
  const ns = writtenNamespace(obj);
  return ns ? `${obj.apiGroup}/${obj.kind}/${ns}/${obj.name}` : `${obj.apiGroup}/${obj.kind}/${obj.name}`;
}

/**
 * True for an inventory object: a fact about the cluster, which may stand beside the resource it
 * reports on (a LoadBalancer Service and its copy with the address), so it is compared only with
 * other inventory objects.
 */
function isInventory(obj: ApiObject): boolean {
  const json = writtenJson(obj);
  return typeof json === 'object' && json !== null && isInventoryObject(json as { readonly [key: string]: unknown });
}

/** Kinds several charts may each define, identically, so that every chart applies on its own (the `netsec-deny` Tier). */
function isShareable(obj: ApiObject): boolean {
  return obj.apiGroup === 'projectcalico.org' && obj.kind === 'Tier';
}

/** The rendering of an API object for comparison, or undefined when it cannot be rendered (reported elsewhere). */
function renderingOf(obj: ApiObject): string | undefined {
  try {
    return canonicalJson(obj.toJson());
  } catch {
    return undefined;
  }
}

/** The problem with several API objects of one identity, or undefined when they are one shared resource. */
function duplicateProblem(id: string, objects: readonly ApiObject[]): string | undefined {
  const paths = objects.map((o) => o.node.path).join(' and ');
  if (objects.every(isShareable)) {
    const charts = new Set(objects.map((o) => Chart.of(o)));
    const renderings = new Set(objects.map(renderingOf));
    if (charts.size === objects.length && renderings.size === 1 && !renderings.has(undefined)) return undefined;
    if (charts.size === objects.length) {
      return `duplicate resource ${id}: defined differently by ${paths}; allowed: the same ${objects[0].kind} in several charts only when `
        + 'every definition is identical (each chart then applies on its own)';
    }
  }
  return `duplicate resource ${id}: defined by ${paths}; each resource must be defined once per app`;
}

/**
 * One message per resource identity defined by more than one API object, naming every construct
 * path. A Tier may be defined in several charts when every definition is identical.
 */
export function duplicateResourceErrors(root: IConstruct): string[] {
  const byKey = new Map<string, { readonly id: string; readonly objects: ApiObject[] }>();
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c)) continue;
    const id = identityOf(c);
    const key = `${isInventory(c) ? 'inventory' : 'resource'} ${id}`;
    const group = byKey.get(key);
    if (group) group.objects.push(c);
    else byKey.set(key, { id, objects: [c] });
  }
  const errors: string[] = [];
  for (const { id, objects } of byKey.values()) {
    const problem = objects.length > 1 ? duplicateProblem(id, objects) : undefined;
    if (problem !== undefined) errors.push(problem);
  }
  return errors;
}
