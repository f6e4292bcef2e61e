export { ManifestError, describeValue } from './errors';
export { parseResource } from './resource';
export { renderResource } from './render';
export { loadYamlDocuments } from './yaml';
