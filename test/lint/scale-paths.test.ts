// The shortcuts lint takes for speed must not change findings: lint at synth reads documents
// without YAML, policies are only paired within reach of each other (same namespace or global).
import * as yaml from 'js-yaml';
import { parseEngineInputs } from '../../lib/engine';
import { lintChartManifests, lintTexts } from '../../lib/lint';
import { engineInputsOfDocuments } from '../../lib/lint/documents';
import { isJsonData } from '../../lib/lint/json-data';
import { INVENTORY, only } from './helpers';

const knp = (name: string, namespace: string, ingress: unknown[]): { [k: string]: unknown } => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace },
  spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress },
});
const fromApi = { from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 80 }] };
const fromApiAnyPort = { from: [{ podSelector: { matchLabels: { app: 'api' } } }] };

const cnp = (name: string, namespace: string | undefined, action: string): { [k: string]: unknown } => ({
  apiVersion: 'projectcalico.org/v3', kind: namespace ? 'NetworkPolicy' : 'GlobalNetworkPolicy',
  metadata: namespace ? { name, namespace } : { name },
  spec: { order: 100, selector: "app == 'web'", types: ['Ingress'], ingress: [{ action, protocol: 'TCP', destination: { ports: [80] } }] },
});

const allowPort80 = (name: string, namespace: string, order: number, extra: { [k: string]: unknown } = {}): { [k: string]: unknown } => ({
  apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name, namespace },
  spec: { order, selector: "app == 'web'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }], ...extra },
});

describe('lint at synth reads chart documents like a JSON file', () => {
  // All documents of a chart share document index 0, and `cover` exists in two namespaces: only
  // shop/cover can prove coverage (blog/cover's serviceAccountSelector narrows it unprovably).
  const charts = [
    { chartPath: 'app/a', kubernetes: [], calico: [allowPort80('cover', 'blog', 100, { serviceAccountSelector: "role == 'x'" }), allowPort80('cover', 'shop', 100)] },
    { chartPath: 'app/b', kubernetes: [knp('api-any-port', 'shop', [fromApiAnyPort]), knp('api-port-80', 'shop', [fromApi])],
      calico: [allowPort80('covered', 'shop', 200), allowPort80('covered', 'blog', 200)] },
  ];

  test('the findings equal lintTexts over each chart as one JSON array', () => {
    const viaText = lintTexts(charts.map((c) => ({ file: c.chartPath, text: JSON.stringify([...c.kubernetes, ...c.calico]) })), undefined);
    expect(lintChartManifests(charts).findings).toEqual(viaText);
  });

  test('each policy is matched to its own document: only shop/covered and the later Kubernetes policy are redundant', () => {
    const f = lintChartManifests(charts).findings;
    // shop/cover (order 100) allows TCP 80 to app=web before shop/covered (order 200); the Kubernetes
    // policies (order 1000) sort by name: knp.default.api-any-port allows app=api on every port
    // before knp.default.api-port-80 allows it on TCP 80 (and shop/cover already allows TCP 80 from anyone)
    expect(only(f, 'NS004').map((x) => `${x.location.file} ${x.location.kind} ${x.location.namespace}/${x.location.name}`).sort())
      .toEqual(['app/b NetworkPolicy shop/api-port-80', 'app/b NetworkPolicy shop/covered']);
    expect(only(f, 'NS003')).toEqual([]);
  });

  test('with an inventory: the same findings as lintTexts with the inventory as one more JSON array', () => {
    const inventory = (yaml.load(INVENTORY) as { items: unknown[] }).items;
    const shop = [knp('api-any-port', 'shop', [fromApiAnyPort]), knp('api-port-80', 'shop', [fromApi])];
    const viaText = lintTexts([{ file: 'app/b', text: JSON.stringify(shop) }], { file: '(inventory)', text: JSON.stringify(inventory) });
    expect(lintChartManifests([{ chartPath: 'app/b', kubernetes: shop, calico: [] }], { inventory }).findings).toEqual(viaText);
  });

  test('the inputs equal parseEngineInputs over JSON text, also for inventory items and documents that are not plain data', () => {
    const inventory = (yaml.load(INVENTORY) as { items: unknown[] }).items;
    const odd = { ...knp('p', 'shop', [fromApi]), status: undefined };
    const sources = [{ file: 'app/a', documents: [odd, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' } }] },
      { file: '(inventory)', documents: inventory }];
    expect(engineInputsOfDocuments(sources)).toEqual(parseEngineInputs(sources.map((s) => ({ file: s.file, text: JSON.stringify(s.documents) }))));
  });

  test('documents that are not plain JSON data go through JSON, as before', () => {
    const withUndefined = { ...knp('api-port-80', 'shop', [fromApi]), status: undefined };
    const r = lintChartManifests([{ chartPath: 'app/a', kubernetes: [knp('api-any-port', 'shop', [fromApiAnyPort]), withUndefined], calico: [] }]);
    expect(only(r.findings, 'NS004').map((x) => x.location.name)).toEqual(['api-port-80']);
  });
});

describe('order ties pair only policies that can share an endpoint', () => {
  test('a global Deny ties with Allows of every namespace; namespaced policies of different namespaces never tie', () => {
    const yaml = [cnp('allow-a', 'a', 'Allow'), cnp('deny-b', 'b', 'Deny'), cnp('g-deny', undefined, 'Deny')]
      .map((d) => JSON.stringify(d)).join('\n---\n');
    const ties = only(lintTexts([{ file: 'm.yaml', text: yaml }], undefined), 'NS012');
    // Felix order at order 100 sorts by `<namespace>/<name>` (globals by name): a/allow-a, b/deny-b,
    // g-deny. a/allow-a vs b/deny-b: different namespaces; b/deny-b vs g-deny: both Deny
    expect(ties.map((t) => t.message.split(' share ')[0])).toEqual(['Calico NetworkPolicy a/allow-a and GlobalNetworkPolicy g-deny']);
  });
});

describe('isJsonData', () => {
  test('plain data is JSON data', () => {
    expect(isJsonData({ a: [1, 'x', true, null, { b: -2.5 }], c: {} })).toBe(true);
  });

  test.each([
    ['an undefined value', { a: undefined }],
    ['negative zero', { a: -0 }],
    ['NaN', [NaN]],
    ['a Date', { d: new Date(0) }],
    ['a sparse array', [1, , 3]],
    ['a class instance', new (class X { public a = 1; })()],
    ['a function', { f: (): number => 1 }],
  ])('%s is not JSON data (JSON would change it)', (_what, v) => {
    expect(isJsonData(v)).toBe(false);
  });
});

describe('CIDR lists are compared as merged intervals', () => {
  const gnp = (rules: string[][]): string => JSON.stringify({
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'p' },
    spec: { selector: "app == 'web'", types: ['Ingress'], ingress: rules.map((nets) => ({ action: 'Deny', source: { nets } })) },
  });
  test('a rule inside the union of an earlier rule\'s nets is shadowed (two /24s cover the /23)', () => {
    const found = only(lintTexts([{ file: 'p.json', text: gnp([['10.0.0.0/24', '10.0.1.0/24'], ['10.0.0.0/23']]) }], undefined), 'NS003');
    expect(found.map((f) => f.location.field)).toEqual(['spec.ingress[1]']);
  });
  test('a rule reaching past the union is not (the /22 leaves 10.0.2.0/23 out)', () => {
    expect(only(lintTexts([{ file: 'p.json', text: gnp([['10.0.0.0/24', '10.0.1.0/24'], ['10.0.0.0/22']]) }], undefined), 'NS003')).toEqual([]);
  });
  test('two rules of 1,000 CIDRs each are compared at once, not pairwise', () => {
    const nets = (from: number): string[] => Array.from({ length: 1000 }, (_, i) => `10.${((from + i) >> 8) & 255}.${(from + i) & 255}.0/24`);
    // the second list lies inside the first where they overlap, but half of it is outside: no shadow
    expect(only(lintTexts([{ file: 'p.json', text: gnp([nets(0), nets(500)]) }], undefined), 'NS003')).toEqual([]);
    // the second list inside the first: shadowed
    expect(only(lintTexts([{ file: 'p.json', text: gnp([nets(0), nets(0).slice(100, 900)]) }], undefined), 'NS003')).toHaveLength(1);
  });
});
