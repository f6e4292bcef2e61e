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

/** The identity of an API object: `<group>/<kind>/<namespace>/<name>` (no namespace when cluster-scoped). */
function identityOf(obj: ApiObject): string {
  if (NetsecApiObject.isNetsecApiObject(obj)) return resourceId(obj.toResource());
  const ns = obj.metadata.namespace;
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
