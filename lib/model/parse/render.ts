import { NetsecResource, ServiceResource } from '../resources';
import { isRecord } from './read';
import { FieldType, documentSchema, findKindSchema, findServiceKindSchema } from './schema';

function renderValue(type: FieldType, value: unknown): unknown {
  switch (type.t) {
    case 'intOrString':
      return typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
    case 'stringMap':
      return isRecord(value) ? { ...value } : value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => renderValue(type.of, item)) : value;
    case 'object': {
      if (!isRecord(value)) return value;
      const out: { [key: string]: unknown } = {};
      for (const field of type.fields) {
        const v = value[field.key];
        if (v !== undefined) out[field.key] = renderValue(field.type, v);
      }
      return out;
    }
    default:
      return value;
  }
}

/**
 * A plain JSON-able object for the resource: canonical key order (apiVersion, kind, metadata,
 * spec in the order of the Calico / Kubernetes reference docs), digits-only integer-or-string
 * values as numbers, undefined fields left out. Empty objects and lists are kept (they mean
 * something, e.g. `source: {}` or `ingress: []`).
 */
export function renderResource(r: NetsecResource): { [key: string]: unknown } {
  const kind = findKindSchema(r.apiVersion, r.kind);
  if (!kind) throw new Error(`renderResource: unknown resource type ${r.apiVersion}/${r.kind}`);
  const out = renderValue(documentSchema(kind), r);
  return isRecord(out) ? { ...out } : {};
}

/**
 * A plain JSON-able object for a Service, EndpointSlice or Endpoints object, rendered as
 * {@link renderResource} renders the policy kinds (the field order of the kind's schema, digits-only
 * target ports as numbers, undefined fields left out).
 */
export function renderServiceResource(r: ServiceResource): { [key: string]: unknown } {
  const schema = findServiceKindSchema(r.apiVersion, r.kind);
  if (!schema) throw new Error(`renderServiceResource: unknown resource type ${r.apiVersion}/${r.kind}`);
  const out = renderValue(schema, r);
  return isRecord(out) ? { ...out } : {};
}
