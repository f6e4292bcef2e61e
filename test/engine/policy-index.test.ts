// PolicyIndex (lib/engine/model/policy-index.ts): the candidates of a party must include every policy
// that applies to it, in the list's order; checked against PolicyImpl.appliesTo over every label set
// of two labels with three values (or absent) and two namespace label sets.
import { PolicyImpl } from '../../lib/engine/model/policy';
import { PolicyIndex } from '../../lib/engine/model/policy-index';
import { endpointParty } from '../../lib/engine/model/party';
import { Endpoint } from '../../lib/engine/model/types';

const SELECTORS: readonly (readonly [string, string?])[] = [
  ['all()'], ['a == "x"'], ['has(a)'], ['!has(a)'], ['a != "x"'], ['a in {"x", "y"}'], ['a not in {"x"}'],
  ['a == "x" || b == "y"'], ['a == "x" && b == "y"'], ['!(a != "y")'], ['all()', 'env == "prod"'], ['b == "z"', 'has(env)'],
  ['all()', '!has(env)'], ['a == "y"', 'all()'],
];

const policies = SELECTORS.map(([selector, namespaceSelector], i) => new PolicyImpl({
  name: `p${i}`, tier: 'default', order: i, selector, ...(namespaceSelector ? { namespaceSelector } : {}),
  ingress: [{ action: 'Allow' }], preDNAT: false, doNotTrack: false, applyOnForward: false,
  origin: { kind: 'GlobalNetworkPolicy', name: `p${i}` }, where: `test#${i}`, calicoVersion: '3.32',
}));

const VALUES = [undefined, 'x', 'y', 'z'];

function endpoint(labels: { readonly [k: string]: string }, nsLabels: { readonly [k: string]: string }): Endpoint {
  return { id: 'ns1/pod', kind: 'workload', namespace: 'ns1', labels, namespaceLabels: nsLabels, ips: ['192.0.2.1'], profiles: [] } as unknown as Endpoint;
}

describe('PolicyIndex', () => {
  test('indexes the policies whose selector requires a label, not the others', () => {
    const indexed = policies.filter((p) => p.indexRequirement !== undefined).map((p) => p.name);
    // p0 all(), p3 !has, p4 !=, p6 not in, p7 || of different labels, p12 all() in namespaces without env: no requirement
    expect(indexed).toEqual(['p1', 'p2', 'p5', 'p8', 'p9', 'p10', 'p11', 'p13']);
  });

  test('candidates hold every policy that applies, in order, for every label set', () => {
    const index = new PolicyIndex(policies);
    let checked = 0;
    for (const a of VALUES) {
      for (const b of VALUES) {
        for (const ns of [{}, { env: "prod" }, { env: "dev" }] as { readonly [k: string]: string }[]) {
          const e = endpoint({ ...(a ? { a } : {}), ...(b ? { b } : {}) }, ns);
          const candidates = index.candidates(endpointParty(e)).map((p) => p.name);
          const applying = policies.filter((p) => p.appliesTo(e)).map((p) => p.name);
          expect(candidates.filter((n) => applying.includes(n))).toEqual(applying);
          expect([...candidates].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)))).toEqual(candidates);
          checked++;
        }
      }
    }
    expect(checked).toBe(48);
  });

  test('a policy requiring a = "x" is not a candidate for a = "y"', () => {
    const index = new PolicyIndex(policies);
    const names = index.candidates(endpointParty(endpoint({ a: 'y' }, {}))).map((p) => p.name);
    expect(names).not.toContain('p1');
    expect(names).toContain('p13');
  });
});
