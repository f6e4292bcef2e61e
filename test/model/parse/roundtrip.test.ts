import * as fs from 'fs';
import * as path from 'path';
import { loadYamlDocuments, parseResource, renderResource } from '../../../lib/model/parse';
import { CalicoNetworkPolicyResource, GlobalNetworkPolicy, K8sNetworkPolicy } from '../../../lib/model/resources';

function load(name: string): { index: number; doc: unknown }[] {
  const file = path.join(__dirname, 'fixtures', name);
  return loadYamlDocuments(fs.readFileSync(file, 'utf8'), name);
}

function parseAll(name: string) {
  return load(name).map((d) => {
    const r = parseResource(d.doc, `${name}#${d.index}`);
    if (!r) throw new Error(`fixture ${name}#${d.index} has an unknown kind`);
    return { doc: d.doc, r, index: d.index };
  });
}

describe('round trip of IBM-style policies', () => {
  const docs = parseAll('ibm-style-public.yaml');

  test('three documents; the empty one is skipped but keeps its position', () => {
    expect(docs.map((d) => d.index)).toEqual([0, 1, 3]);
  });

  test('render(parse(doc)) deep-equals doc', () => {
    for (const { doc, r } of docs) expect(renderResource(r)).toEqual(doc);
  });

  test('parse(render(x)) deep-equals x', () => {
    for (const { r } of docs) expect(parseResource(renderResource(r), 'again')).toEqual(r);
  });

  test('integer-or-string fields are held as strings', () => {
    const gnp = docs[0].r as GlobalNetworkPolicy;
    expect(gnp.spec.egress?.[0].destination?.ports).toEqual(['53', '443']);
    expect(gnp.spec.egress?.[1].destination?.ports).toEqual(['2040:2041']);
    expect((docs[1].r as GlobalNetworkPolicy).spec.ingress?.[0].protocol).toBe('112');
  });

  test('empty entities are kept as {} and render back as {}', () => {
    const gnp = docs[0].r as GlobalNetworkPolicy;
    expect(gnp.spec.egress?.[0].source).toEqual({});
    const rendered = renderResource(gnp) as { spec: { egress: { source?: unknown }[] } };
    expect(rendered.spec.egress[0].source).toEqual({});
    expect('source' in rendered.spec.egress[1]).toBe(false);
  });

  test('digits render as numbers, ranges stay strings', () => {
    const rendered = renderResource(docs[0].r) as { spec: { egress: { destination: { ports: unknown[] } }[] } };
    expect(rendered.spec.egress[0].destination.ports).toEqual([53, 443]);
    expect(rendered.spec.egress[1].destination.ports).toEqual(['2040:2041']);
    const vrrp = renderResource(docs[1].r) as { spec: { ingress: { protocol: unknown }[] } };
    expect(vrrp.spec.ingress[0].protocol).toBe(112);
  });
});

describe('round trip of documents written in canonical order', () => {
  const docs = parseAll('canonical-mix.yaml');

  test('every kind of the model is present', () => {
    expect(docs.map((d) => `${d.r.apiVersion}/${d.r.kind}`)).toEqual([
      'networking.k8s.io/v1/NetworkPolicy', 'projectcalico.org/v3/NetworkPolicy', 'projectcalico.org/v3/GlobalNetworkPolicy',
      'projectcalico.org/v3/HostEndpoint', 'projectcalico.org/v3/GlobalNetworkSet', 'projectcalico.org/v3/Tier',
      'projectcalico.org/v3/FelixConfiguration',
    ]);
  });

  test('render(parse(doc)) equals doc including key order', () => {
    for (const { doc, r } of docs) expect(JSON.stringify(renderResource(r))).toBe(JSON.stringify(doc));
  });

  test('parse(render(x)) deep-equals x', () => {
    for (const { r } of docs) expect(parseResource(renderResource(r), 'again')).toEqual(r);
  });

  test('k8s ports: number as digits string, name as string, endPort as number', () => {
    const np = docs[0].r as K8sNetworkPolicy;
    expect(np.spec.ingress?.[0].ports).toEqual([
      { protocol: 'TCP', port: '8080' }, { protocol: 'TCP', port: '32000', endPort: 32768 }, { port: 'http' },
    ]);
    expect(np.spec.egress).toEqual([]);
  });

  test('non-integer order is kept', () => {
    expect((docs[1].r as CalicoNetworkPolicyResource).spec.order).toBe(10.5);
  });
});

describe('renderResource', () => {
  test('puts keys in canonical order whatever order the object was built in', () => {
    const r: GlobalNetworkPolicy = {
      spec: { types: ['Ingress'], selector: 'all()', ingress: [{ source: { selector: 'a == "b"' }, protocol: 'TCP', action: 'Allow' }], order: 5 },
      metadata: { labels: { a: 'b' }, name: 'x' },
      kind: 'GlobalNetworkPolicy',
      apiVersion: 'projectcalico.org/v3',
    };
    const out = renderResource(r);
    expect(Object.keys(out)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(out.metadata as object)).toEqual(['name', 'labels']);
    expect(Object.keys(out.spec as object)).toEqual(['order', 'selector', 'types', 'ingress']);
    expect(Object.keys((out.spec as { ingress: object[] }).ingress[0])).toEqual(['action', 'protocol', 'source']);
  });

  test('leaves out undefined fields', () => {
    const r: GlobalNetworkPolicy = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
      metadata: { name: 'x', namespace: undefined }, spec: { order: undefined, selector: 'all()' },
    };
    expect(renderResource(r)).toEqual({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'x' }, spec: { selector: 'all()' } });
    expect('namespace' in (renderResource(r).metadata as object)).toBe(false);
  });
});
