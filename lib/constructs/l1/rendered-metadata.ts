import { ApiObject } from 'cdk8s';
import { ObjectMeta, StringMap } from '../../model/resources';

/** Metadata keys the model carries; anything else set through cdk8s is reported. */
const SUPPORTED_METADATA_KEYS = ['name', 'namespace', 'labels', 'annotations'];

/** The metadata an L1 object is synthesised with (the chart's namespace and labels applied). Internal. */
export function renderedMetadata(obj: ApiObject, clusterScoped: boolean): ObjectMeta {
  const json = asRecord(obj.metadata.toJson());
  const labels = asStringMap(json.labels);
  const annotations = asStringMap(json.annotations);
  const namespace = !clusterScoped && typeof json.namespace === 'string' ? json.namespace : undefined;
  return {
    name: obj.name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

/** One error per metadata field set through cdk8s that the model does not carry, naming `path`. Internal. */
export function unsupportedMetadataErrors(obj: ApiObject, path: string): string[] {
  const json = asRecord(obj.metadata.toJson());
  return Object.keys(json).filter((key) => !SUPPORTED_METADATA_KEYS.includes(key))
    .map((key) => `${path}: metadata.${key} is not supported on ${obj.kind}; allowed: ${SUPPORTED_METADATA_KEYS.join(', ')}`);
}

function asRecord(v: unknown): { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as { [key: string]: unknown } : {};
}

function asStringMap(v: unknown): StringMap | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: { [key: string]: string } = {};
  for (const [k, val] of Object.entries(v)) out[k] = String(val);
  return Object.keys(out).length > 0 ? out : undefined;
}
