import { ServiceResource } from '../resources';
import { isRecord, readValue } from './read';
import { findServiceKindSchema } from './schema';

/** True for a v1 Service, a discovery.k8s.io/v1 EndpointSlice or a v1 Endpoints document. */
export function isServiceKind(doc: unknown): boolean {
  return isRecord(doc) && findServiceKindSchema(doc.apiVersion, doc.kind) !== undefined;
}

/**
 * Parses a Service, EndpointSlice or Endpoints document, checking shape only (types, required and
 * unknown fields). Throws ManifestError naming `location`, the field and the bad value.
 */
export function parseServiceResource(doc: { readonly [key: string]: unknown }, location: string): ServiceResource {
  const schema = findServiceKindSchema(doc.apiVersion, doc.kind);
  if (!schema) throw new Error(`parseServiceResource: ${String(doc.apiVersion)}/${String(doc.kind)} is not a service kind`);
  // The schema table mirrors the resource interfaces field for field, so the shape is checked.
  return readValue(schema, doc, '', location) as ServiceResource;
}
