import * as yaml from 'js-yaml';
import { ManifestError, describeValue } from './errors';
import { isRecord } from './read';

/** One document of a manifest file. */
interface LoadedDocument {
  /** 0-based position of the YAML document in the file; items of a `kind: List` share their list's index. */
  readonly index: number;
  /** The parsed document (plain data). */
  readonly doc: unknown;
}

/**
 * Splits a YAML (or JSON) file into documents: multi-document YAML, `kind: List` items expanded,
 * a top-level JSON/YAML array expanded, empty documents skipped. Uses the YAML 1.2 core schema,
 * so `2040:2041` stays a string and dates stay strings. Syntax errors become ManifestError.
 */
export function loadYamlDocuments(text: string, file: string): LoadedDocument[] {
  let docs: unknown[];
  try {
    docs = yaml.loadAll(text, undefined, { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const line = e.mark ? e.mark.line + 1 : undefined;
      throw new ManifestError(line ? `${file}:${line}` : file, '', JSON.stringify(e.reason),
        'valid YAML or JSON');
    }
    throw e;
  }
  const out: LoadedDocument[] = [];
  docs.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    if (Array.isArray(doc)) {
      doc.forEach((item) => out.push({ index, doc: item }));
    } else if (isRecord(doc) && doc.kind === 'List' && doc.items !== undefined) {
      if (!Array.isArray(doc.items)) {
        throw new ManifestError(`${file}#${index}`, 'items', describeValue(doc.items), 'a list of resources');
      }
      doc.items.forEach((item) => out.push({ index, doc: item }));
    } else {
      out.push({ index, doc });
    }
  });
  return out;
}
