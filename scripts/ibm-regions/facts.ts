/**
 * The facts of one region from IBM's two policy folders of that region: every policy of the
 * library's sets is built from marked facts and matched against IBM's document of the same name.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { IbmRegionFacts } from '../../lib/constructs/ibm/region-facts';
import { privateIsolationSet } from '../../lib/constructs/ibm/isolation/private-set';
import { publicIsolationSet } from '../../lib/constructs/ibm/isolation/public-set';
import { PolicyTemplate } from '../../lib/constructs/ibm/rules';
import { Found, MARK, keyOfDocument, keyOfTemplate, matchDocument } from './match';

/** IBM's two sets, each with every optional policy of the library's construct. */
export const SETS: ReadonlyArray<{ readonly folder: string; readonly templates: (f: IbmRegionFacts) => PolicyTemplate[] }> = [
  {
    folder: 'public-network-isolation',
    templates: f => publicIsolationSet(f, { publicServices: true, publicServicesPods: true, kubernetesDashboard: true, openShift: true }),
  },
  { folder: 'private-network-isolation', templates: f => privateIsolationSet(f, { privateServices: true, privateServicesPods: true }) },
];

/** IbmRegionFacts with a marker in place of every list; the key order is the data files' order. */
function markedFacts(): IbmRegionFacts {
  const m = (fact: string): string[] => [`${MARK}${fact}`];
  return {
    name: '',
    publicControlPlaneNets: m('publicControlPlaneNets'),
    privateControlPlaneNets: m('privateControlPlaneNets'),
    masterProxyNets: m('masterProxyNets'),
    sysMgmtNets: m('sysMgmtNets'),
    publicServices: {
      registry: m('publicServices.registry'),
      monitoring: m('publicServices.monitoring'),
      logging: m('publicServices.logging'),
    },
    privateServices: {
      registry: m('privateServices.registry'),
      monitoringIngest: m('privateServices.monitoringIngest'),
      monitoringApi: m('privateServices.monitoringApi'),
      logging: m('privateServices.logging'),
      loggingSyslogTcp: m('privateServices.loggingSyslogTcp'),
      loggingSyslogUdp: m('privateServices.loggingSyslogUdp'),
    },
    privateServicesPodsOrder: {
      registry: m('privateServicesPodsOrder.registry'),
      logging: m('privateServicesPodsOrder.logging'),
    },
  };
}

function isRecord(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The marked structure with IBM's lists in place of the markers. */
function fill(value: unknown, found: Found, region: string): unknown {
  if (Array.isArray(value) && typeof value[0] === 'string' && value[0].startsWith(MARK)) {
    const fact = value[0].slice(MARK.length);
    const list = found.get(fact)?.list;
    if (!list) throw new Error(`${region}: no policy of IBM's gives ${fact}`);
    return list;
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, found, region)]));
}

/** IBM's policy documents of one folder, host endpoint templates left out (they hold no facts). */
function documents(dir: string): Array<{ readonly file: string; readonly doc: { [key: string]: unknown } }> {
  const out: Array<{ file: string; doc: { [key: string]: unknown } }> = [];
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()) {
    for (const doc of yaml.loadAll(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (doc === null || doc === undefined) continue;
      if (!isRecord(doc)) throw new Error(`${path.join(dir, file)}: a document that is not a map`);
      if (doc.kind !== 'HostEndpoint') out.push({ file, doc });
    }
  }
  return out;
}

/** The facts of `region`, read from `<source>/<set>/<region>/`. */
export function regionFacts(source: string, region: string): IbmRegionFacts {
  const marked = markedFacts();
  const found: Found = new Map();
  for (const set of SETS) {
    const dir = path.join(source, set.folder, region);
    const templates = new Map(set.templates(marked).map(t => [keyOfTemplate(t), t]));
    const seen = new Set<string>();
    for (const { file, doc } of documents(dir)) {
      const key = keyOfDocument(doc);
      const template = templates.get(key);
      if (!template) throw new Error(`${path.join(dir, file)}: ${key} is not a policy of the library's set`);
      matchDocument(doc, template, `${path.join(set.folder, region, file)} ${key}`, found);
      seen.add(key);
    }
    const missing = [...templates.keys()].filter(k => !seen.has(k));
    if (missing.length > 0) throw new Error(`${dir}: IBM's set has no ${missing.join(', ')}`);
  }
  const facts = { ...(fill(marked, found, region) as IbmRegionFacts), name: region };
  return withoutSamePodsOrder(facts);
}

/** Drops the entries of `privateServicesPodsOrder` that equal `privateServices` (the default). */
function withoutSamePodsOrder(facts: IbmRegionFacts): IbmRegionFacts {
  const { privateServicesPodsOrder: order, ...rest } = facts;
  const same = (a: string[] | undefined, b: string[]): boolean => JSON.stringify(a) === JSON.stringify(b);
  const registry = same(order?.registry, facts.privateServices.registry) ? undefined : order?.registry;
  const logging = same(order?.logging, facts.privateServices.logging) ? undefined : order?.logging;
  if (!registry && !logging) return rest;
  return { ...rest, privateServicesPodsOrder: { ...(registry ? { registry } : {}), ...(logging ? { logging } : {}) } };
}
