/**
 * Matches one of IBM's policy documents against the library's template of that policy, built from
 * marked facts: where the template holds a marker list, IBM's list there is a fact of the region;
 * everywhere else IBM's document must say what the template says.
 */
import { PolicyTemplate } from '../../lib/constructs/ibm/rules';

/** The first entry of a marker list: `<MARK><fact path>`. */
export const MARK = '@fact:';

type Json = { [key: string]: unknown };

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The fact path a template value marks, or undefined when it is not a marker. */
function markedFact(tpl: unknown): string | undefined {
  if (!Array.isArray(tpl) || tpl.length !== 1 || typeof tpl[0] !== 'string') return undefined;
  return tpl[0].startsWith(MARK) ? tpl[0].slice(MARK.length) : undefined;
}

/** Facts found so far: fact path -> IBM's list, and where it was first found. */
export type Found = Map<string, { readonly list: string[]; readonly at: string }>;

function record(found: Found, fact: string, ibm: unknown, at: string): void {
  if (!Array.isArray(ibm) || ibm.length === 0 || !ibm.every(x => typeof x === 'string')) {
    throw new Error(`${at}: expected a non-empty list of strings for ${fact}, got ${JSON.stringify(ibm)}`);
  }
  const list = ibm as string[];
  const before = found.get(fact);
  if (before && JSON.stringify(before.list) !== JSON.stringify(list)) {
    throw new Error(`${at}: ${fact} differs from ${before.at}:\n  ${JSON.stringify(list)}\n  ${JSON.stringify(before.list)}`);
  }
  if (!before) found.set(fact, { list, at });
}

/** Keys that carry something: IBM writes `source: {}` / `destination: {}`, templates leave them out. */
function keysOf(v: Json): string[] {
  return Object.keys(v).filter(k => v[k] !== undefined && !(isRecord(v[k]) && Object.keys(v[k] as Json).length === 0)).sort();
}

/** Walks IBM's value and the template's side by side; scalars compare as text (IBM writes `53`, the model `'53'`). */
function walk(ibm: unknown, tpl: unknown, at: string, found: Found): void {
  const fact = markedFact(tpl);
  if (fact !== undefined) {
    record(found, fact, ibm, at);
  } else if (Array.isArray(tpl)) {
    if (!Array.isArray(ibm) || ibm.length !== tpl.length) {
      throw new Error(`${at}: IBM has ${JSON.stringify(ibm)}, the template ${JSON.stringify(tpl)}`);
    }
    tpl.forEach((t, i) => walk(ibm[i], t, `${at}[${i}]`, found));
  } else if (isRecord(tpl)) {
    if (!isRecord(ibm) || keysOf(ibm).join() !== keysOf(tpl).join()) {
      throw new Error(`${at}: IBM has ${JSON.stringify(ibm)}, the template ${JSON.stringify(tpl)}`);
    }
    for (const k of keysOf(tpl)) walk(ibm[k], tpl[k], `${at}.${k}`, found);
  } else if (typeof ibm === 'object' || String(ibm) !== String(tpl)) {
    throw new Error(`${at}: IBM has ${JSON.stringify(ibm)}, the template ${JSON.stringify(tpl)}`);
  }
}

/** Matches IBM's document `doc` (from `at`, a file name) against `template`, recording facts in `found`. */
export function matchDocument(doc: Json, template: PolicyTemplate, at: string, found: Found): void {
  const metadata = template.namespace === undefined ? { name: template.name } : { name: template.name, namespace: template.namespace };
  walk(doc, { apiVersion: 'projectcalico.org/v3', kind: template.kind, metadata, spec: template.spec }, at, found);
}

/** `<kind>/<namespace>/<name>` of a template or of IBM's document. */
export function keyOfTemplate(t: PolicyTemplate): string {
  return `${t.kind}/${t.namespace ?? ''}/${t.name}`;
}

/** The same key for one of IBM's documents. */
export function keyOfDocument(doc: Json): string {
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  return `${String(doc.kind)}/${typeof meta.namespace === 'string' ? meta.namespace : ''}/${String(meta.name)}`;
}
