import { NetsecResource } from '../resources';
import { ManifestError, describeValue } from './errors';
import { isRecord, readValue } from './read';
import { documentSchema, findKindSchema } from './schema';

/**
 * Parses one manifest document into a typed resource, checking shape only (types, required and
 * unknown fields; semantic checks are validation). Returns undefined for kinds the model does not
 * know (e.g. a Deployment). Throws ManifestError naming `location`, the field and the bad value.
 */
export function parseResource(doc: unknown, location: string): NetsecResource | undefined {
  if (!isRecord(doc)) throw new ManifestError(location, '', describeValue(doc), 'a mapping with apiVersion and kind');
  for (const key of ['apiVersion', 'kind']) {
    if (typeof doc[key] !== 'string' || doc[key] === '') {
      throw new ManifestError(location, key, describeValue(doc[key]), 'a non-empty string');
    }
  }
  const kind = findKindSchema(doc.apiVersion, doc.kind);
  if (!kind) return undefined;
  const parsed = readValue(documentSchema(kind), doc, '', location);
  if (isRecord(parsed) && parsed.spec === undefined) return { ...parsed, spec: {} } as unknown as NetsecResource;
  // The schema table mirrors the resource interfaces field for field, so the shape is checked.
  return parsed as NetsecResource;
}
