import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { resourceId } from '../../model/resources';
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
  let json: unknown;
  try {
    json = obj.toJson();
  } catch {
    return obj.metadata.namespace; // the rendering error itself is reported when the chart is rendered
  }
  const metadata = typeof json === 'object' && json !== null ? (json as { readonly metadata?: unknown }).metadata : undefined;
  const ns = typeof metadata === 'object' && metadata !== null ? (metadata as { readonly namespace?: unknown }).namespace : undefined;
  return typeof ns === 'string' ? ns : undefined;
}

/** The identity of an API object: `<group>/<kind>/<namespace>/<name>` (no namespace when cluster-scoped). */
function identityOf(obj: ApiObject): string {
  if (NetsecApiObject.isNetsecApiObject(obj)) return resourceId(obj.toResource());
  const ns = writtenNamespace(obj);
  return ns ? `${obj.apiGroup}/${obj.kind}/${ns}/${obj.name}` : `${obj.apiGroup}/${obj.kind}/${obj.name}`;
}

/** One message per resource identity defined by more than one API object, naming every construct path. */
export function duplicateResourceErrors(root: IConstruct): string[] {
  const byId = new Map<string, string[]>();
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c)) continue;
    const id = identityOf(c);
    const paths = byId.get(id);
    if (paths) paths.push(c.node.path);
    else byId.set(id, [c.node.path]);
  }
  const errors: string[] = [];
  for (const [id, paths] of byId) {
    if (paths.length > 1) {
      errors.push(`duplicate resource ${id}: defined by ${paths.join(' and ')}; each resource must be defined once per app`);
    }
  }
  return errors;
}
