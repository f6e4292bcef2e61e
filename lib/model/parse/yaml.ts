import * as yaml from 'js-yaml';
import { ManifestError, describeValue } from './errors';
import { parseJsonFile } from './json';
import { isRecord } from './read';

/** One document of a manifest file. */
interface LoadedDocument {
  /** 0-based position of the YAML document in the file; items of a List share their list's index. */
  readonly index: number;
  /** The parsed document (plain data). */
  readonly doc: unknown;
}

/** Lists inside Lists deeper than this are refused (no real export nests more than two). */
const MAX_LIST_DEPTH = 8;

/**
 * True for a List document: `kind: List`, or a typed list (`NetworkPolicyList`, `PodList`,
 * `GlobalNetworkPolicyList`: what `kubectl get -o yaml` and `calicoctl get -o yaml` print).
 */
function isListDocument(doc: { readonly [key: string]: unknown }): boolean {
  return typeof doc.kind === 'string' && /^([A-Z][A-Za-z0-9]*)?List$/.test(doc.kind) && doc.items !== undefined;
}

/**
 * The items of a List, with nested Lists expanded. Items of a typed list that carry no kind or
 * apiVersion (PodList, NamespaceList exports) take them from the list: `PodList` items are `Pod`s
 * of the list's apiVersion. A `kind: List` item must name its own kind.
 */
function expandList(list: { readonly [key: string]: unknown }, location: string, depth: number, out: unknown[]): void {
  if (depth > MAX_LIST_DEPTH) {
    throw new ManifestError(location, 'items', `Lists nested ${depth} deep`, `Lists nested at most ${MAX_LIST_DEPTH} deep`);
  }
  if (!Array.isArray(list.items)) throw new ManifestError(location, 'items', describeValue(list.items), 'a list of resources');
  const listKind = list.kind as string;
  const itemKind = listKind === 'List' ? undefined : listKind.slice(0, -'List'.length);
  list.items.forEach((item, i) => {
    let doc: unknown = item;
    if (isRecord(item) && itemKind !== undefined) {
      doc = {
        ...(item.apiVersion === undefined && typeof list.apiVersion === 'string' ? { apiVersion: list.apiVersion } : {}),
        ...(item.kind === undefined ? { kind: itemKind } : {}),
        ...item,
      };
    }
    if (isRecord(doc) && isListDocument(doc)) expandList(doc, `${location} items[${i}]`, depth + 1, out);
    else out.push(doc);
  });
}

/**
 * Splits a YAML (or JSON) file into documents: multi-document YAML, Lists (`kind: List` and typed
 * `*List` kinds, nested too) expanded, a top-level JSON/YAML array expanded, empty documents
 * skipped. Uses the YAML 1.2 core schema, so `2040:2041` stays a string and dates stay strings.
 * A file that is one JSON object or array is read with JSON.parse (the same value, faster; see
 * json.ts). Syntax errors become ManifestError.
 */
export function loadYamlDocuments(text: string, file: string): LoadedDocument[] {
  const json = parseJsonFile(text);
  let docs: unknown[];
  try {
    docs = json !== undefined ? [json.value] : yaml.loadAll(text, undefined, { filename: file, schema: yaml.CORE_SCHEMA });
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
    const items: unknown[] = [];
    if (Array.isArray(doc)) {
      for (const item of doc) {
        if (isRecord(item) && isListDocument(item)) expandList(item, `${file}#${index}`, 1, items);
        else items.push(item);
      }
    } else if (isRecord(doc) && isListDocument(doc)) {
      expandList(doc, `${file}#${index}`, 0, items);
    } else {
      items.push(doc);
    }
    for (const item of items) out.push({ index, doc: item });
  });
  return out;
}
