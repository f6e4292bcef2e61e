/**
 * Dev script, run by hand (never by tests): turns IBM's published network isolation YAML
 * (IBM-Cloud/kube-samples `calico-policies/`) into the normalised JSON expectation fixtures of
 * the IBM isolation tests.
 *
 *   npx ts-node --transpile-only test/constructs/ibm/scripts/ibm-fixtures.ts <calico-policies folder>
 *
 * Normalisation, and nothing else: YAML comments are dropped (by parsing), keys are sorted, and
 * empty entity rules (`source: {}` / `destination: {}`) are removed. Values are kept as parsed
 * with the YAML 1.2 core schema: integers stay integers (`53`, `112`) and ranges stay strings
 * (`"2040:2041"`; a YAML 1.1 parser would read them as base-60 numbers).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';

const SETS = ['public-network-isolation', 'private-network-isolation'];
const OUT = path.join(__dirname, '..', 'fixtures');

function isRecord(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sorts object keys recursively; values are left as they are. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const out: { [key: string]: unknown } = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
  return out;
}

/** Drops `source: {}` and `destination: {}` from one rule. */
function dropEmptyEntities(rule: unknown): unknown {
  if (!isRecord(rule)) return rule;
  const out: { [key: string]: unknown } = {};
  for (const [k, v] of Object.entries(rule)) {
    if ((k === 'source' || k === 'destination') && isRecord(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The normalised form of one YAML document. */
function normaliseDocument(doc: unknown): unknown {
  if (!isRecord(doc) || !isRecord(doc.spec)) return sortKeys(doc);
  const spec: { [key: string]: unknown } = { ...doc.spec };
  for (const dir of ['ingress', 'egress']) {
    const rules = spec[dir];
    if (Array.isArray(rules)) spec[dir] = rules.map(dropEmptyEntities);
  }
  return sortKeys({ ...doc, spec });
}

function main(): void {
  const src = process.argv[2];
  if (!src || !fs.existsSync(src)) {
    throw new Error(`usage: ibm-fixtures.ts <calico-policies folder>; got ${JSON.stringify(src)}`);
  }
  for (const set of SETS) {
    const setDir = path.join(src, set);
    const outDir = path.join(OUT, set);
    fs.mkdirSync(outDir, { recursive: true });
    for (const region of fs.readdirSync(setDir).sort()) {
      const documents: Array<{ file: string; resource: unknown }> = [];
      for (const file of fs.readdirSync(path.join(setDir, region)).filter(f => f.endsWith('.yaml')).sort()) {
        const docs = yaml.loadAll(fs.readFileSync(path.join(setDir, region, file), 'utf8'));
        for (const d of docs) if (d !== null && d !== undefined) documents.push({ file, resource: normaliseDocument(d) });
      }
      const fixture = {
        source: `IBM-Cloud/kube-samples@7057ed01e9989c277dcab1cb24dbb9be03266917 calico-policies/${set}/${region}`,
        normalised: 'comments dropped, keys sorted, empty source/destination entity rules removed',
        documents,
      };
      fs.writeFileSync(path.join(outDir, `${region}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
      console.log(`${set}/${region}: ${documents.length} documents`);
    }
  }
}

main();
