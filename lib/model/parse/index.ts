export { ManifestError, describeValue } from './errors';
export { parseResource } from './resource';
export { isRecord } from './read';
export { renderResource, renderServiceResource } from './render';
export { loadYamlDocuments } from './yaml';
export { isServiceKind, parseServiceResource } from './service';
