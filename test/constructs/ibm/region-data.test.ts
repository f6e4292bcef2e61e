import * as fs from 'fs';
import * as path from 'path';
import { IbmRegion } from '../../../lib/constructs/ibm';
import { Cidr } from '../../../lib/model/net';

/**
 * The region data files (lib/constructs/ibm/regions/<region>.json, written by
 * scripts/ibm-regions.ts): their shape, their addresses, and that they are the region list.
 */
const DATA = path.join(__dirname, '../../../lib/constructs/ibm/regions');
const FILES = fs.readdirSync(DATA).filter(f => f.endsWith('.json')).sort();

/** The lists of a data file, by key; every key of a file must be one of these. */
const LISTS: { [key: string]: string[] } = {
  '': ['publicControlPlaneNets', 'privateControlPlaneNets', 'masterProxyNets', 'sysMgmtNets'],
  publicServices: ['registry', 'monitoring', 'logging'],
  privateServices: ['registry', 'monitoringIngest', 'monitoringApi', 'logging', 'loggingSyslogTcp', 'loggingSyslogUdp'],
  privateServicesPodsOrder: ['registry', 'logging'],
};

type Data = { [key: string]: unknown };

function read(file: string): Data {
  return JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')) as Data;
}

/** Problems with one list: not a non-empty array of distinct CIDRs the model accepts, without host bits. */
function listProblems(at: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`${at}: not a non-empty list`];
  const problems: string[] = [];
  value.forEach((v, i) => {
    if (typeof v !== 'string') return problems.push(`${at}[${i}]: not a string`);
    try {
      if (Cidr.parse(v).hasHostBits()) problems.push(`${at}[${i}]: ${v} has host bits set`);
    } catch (e) {
      problems.push(`${at}[${i}]: ${(e as Error).message}`);
    }
    if (value.indexOf(v) !== i) problems.push(`${at}[${i}]: ${v} listed twice`);
    return undefined;
  });
  return problems;
}

/** Problems with the lists of one group (the top level or one nested object). */
function groupProblems(at: string, group: unknown, keys: string[], required: boolean): string[] {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) return [`${at}: not an object`];
  const g = group as Data;
  const unknown = Object.keys(g).filter(k => !keys.includes(k)).map(k => `${at}.${k}: unknown key`);
  const lists = keys.filter(k => required || k in g).flatMap(k => listProblems(`${at}.${k}`, g[k]));
  return [...unknown, ...lists];
}

test('there are data files, and the region list is exactly the data files present', () => {
  expect(FILES.length).toBeGreaterThan(0);
  expect(IbmRegion.all().map(r => `${r.name}.json`)).toEqual(FILES);
});

test('every constant of IbmRegion names a region with a data file', () => {
  const constants = Object.values(IbmRegion).filter((v): v is IbmRegion => v instanceof IbmRegion);
  expect(constants.length).toBeGreaterThan(0);
  for (const r of constants) expect(FILES).toContain(`${r.name}.json`);
});

describe.each(FILES)('%s', (file) => {
  const data = read(file);

  test('its name is the file name, and IbmRegion.of finds its facts', () => {
    expect(data.name).toBe(path.basename(file, '.json'));
    expect(IbmRegion.tryFacts(IbmRegion.of(String(data.name)))).toEqual(data);
  });

  test('every key is known, and every list is non-empty, of distinct valid CIDRs', () => {
    const topKeys = ['name', ...LISTS[''], 'publicServices', 'privateServices', 'privateServicesPodsOrder'];
    const problems = [
      ...Object.keys(data).filter(k => !topKeys.includes(k)).map(k => `${k}: unknown key`),
      ...LISTS[''].flatMap(k => listProblems(k, data[k])),
      ...groupProblems('publicServices', data.publicServices, LISTS.publicServices, true),
      ...groupProblems('privateServices', data.privateServices, LISTS.privateServices, true),
      ...(data.privateServicesPodsOrder === undefined ? []
        : groupProblems('privateServicesPodsOrder', data.privateServicesPodsOrder, LISTS.privateServicesPodsOrder, false)),
    ];
    expect(problems).toEqual([]);
  });

  test('privateServicesPodsOrder only reorders privateServices, and is written only where the order differs', () => {
    const order = (data.privateServicesPodsOrder ?? {}) as { [key: string]: string[] };
    const services = data.privateServices as { [key: string]: string[] };
    for (const [key, list] of Object.entries(order)) {
      expect(list).not.toEqual(services[key]);
      expect([...list].sort()).toEqual([...services[key]].sort());
    }
    if (data.privateServicesPodsOrder !== undefined) expect(Object.keys(order).length).toBeGreaterThan(0);
  });
});
