import * as yaml from 'js-yaml';

/**
 * Renders objects as a multi-document YAML stream, deterministically: key order as given, no
 * anchors, no line folding, documents separated by `---`.
 */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects
    .map((o) => yaml.dump(o, { noRefs: true, lineWidth: -1, sortKeys: false, noCompatMode: true }))
    .join('---\n');
}
