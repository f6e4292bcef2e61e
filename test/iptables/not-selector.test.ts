// A rule's notSelector in a namespaced policy (libcalico-go updateprocessors/rules.go,
// getEndpointSelector): the own-namespace term `projectcalico.org/namespace == '<ns>'` becomes the
// rule's positive selector as soon as any of selector / notSelector / namespaceSelector is set,
// while the notSelector itself is passed through unscoped (NotSrcSelector = the notSelector as
// written); Felix then folds the notSelector into a positive selector (felix/calc/rule_scanner.go
// combineMatchesIfPossible). Expected members are worked out by hand from the pods below.
import * as yaml from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { IpSetRegistry } from '../../lib/iptables/ipset-registry';
import { convertRule } from '../../lib/iptables/rule-convert';

const pods = [
  { ns: 'ops', name: 'api', ip: '192.0.2.11', app: 'api' },
  { ns: 'ops', name: 'web', ip: '192.0.2.12', app: 'web' },
  { ns: 'shop', name: 'api', ip: '192.0.2.13', app: 'api' },
  { ns: 'shop', name: 'db', ip: '192.0.2.14', app: 'db' },
];
const inventory = yaml.dump({
  apiVersion: 'v1', kind: 'List',
  items: [
    ...['ops', 'shop'].map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n, labels: { 'kubernetes.io/metadata.name': n } } })),
    ...pods.map((p) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: p.ns, labels: { app: p.app } },
      spec: { nodeName: 'worker-1', containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
    })),
  ],
});

function render(kind: string, namespace: string | undefined, source: Record<string, string>) {
  const policy = yaml.dump({
    apiVersion: 'projectcalico.org/v3', kind, metadata: { name: 'p', ...(namespace ? { namespace } : {}) },
    spec: { selector: 'all()', ingress: [{ action: 'Allow', protocol: 'TCP', source }] },
  });
  const model = buildEngineModel(parseEngineInputs([{ file: 'p.yaml', text: policy }, { file: 'c.yaml', text: inventory }]));
  const p = model.tiers.flatMap((t) => t.policies)[0];
  const reg = new IpSetRegistry(model, 4);
  const converted = convertRule((p.ingress ?? [])[0], reg, p);
  const byName = new Map(reg.all().map((s) => [s.name, s]));
  const describe = (names: readonly string[]) => names.map((n) => ({ description: byName.get(n)?.description, members: byName.get(n)?.members }));
  return { src: converted.rule?.src, sets: describe(converted.rule?.src.ipSets ?? []), notSets: describe(converted.rule?.src.notIpSets ?? []) };
}

describe('notSelector in a namespaced Calico NetworkPolicy (seed 13: ops/np-2)', () => {
  test('only a notSelector: the own-namespace term is positive, so Felix folds the notSelector into one set', () => {
    // felix/calc/rule_scanner.go combineMatchesIfPossible: positive `ns == ops`, so one set for
    // `(ns == ops) && (!(app == api))` and no negated set (rule_scanner_test.go "positive selectors
    // should be combined with negative ones"). Was: a positive ns set AND a negated app == api set.
    const r = render('NetworkPolicy', 'ops', { notSelector: "app == 'api'" });
    expect(r.sets).toEqual([{ description: 'selector (projectcalico.org/namespace == "ops" && !app == "api")', members: ['192.0.2.12'] }]);
    expect(r.notSets).toEqual([]);
  });

  test('a GlobalNetworkPolicy with only a notSelector has no positive set (no namespace to add)', () => {
    const r = render('GlobalNetworkPolicy', undefined, { notSelector: "app == 'api'" });
    expect(r.sets).toEqual([]);
    expect(r.notSets).toEqual([{ description: 'selector app == "api"', members: ['192.0.2.11', '192.0.2.13'] }]);
  });

  test('selector and notSelector: one set, namespace AND selector AND NOT notSelector', () => {
    const r = render('NetworkPolicy', 'shop', { selector: "app != 'web'", notSelector: "app == 'api'" });
    expect(r.sets).toEqual([{
      description: 'selector ((projectcalico.org/namespace == "shop" && app != "web") && !app == "api")', members: ['192.0.2.14'],
    }]);
    expect(r.notSets).toEqual([]);
  });
});
