// ServiceAccounts read from the inventory. Calico's profile ksa.<ns>.<sa> carries the account's
// labels plus projectcalico.org/name: <sa>, each prefixed `pcsa.` (the name wins over a label of
// that key: it is written last), and the pod's endpoint inherits them (libcalico-go
// lib/backend/k8s/conversion/conversion.go ServiceAccountToProfile, v3.32.1). Service account
// selectors match them unprefixed. Without any ServiceAccount, a selector reading another label
// cannot be answered: refused (an Allow would fail closed, a Deny fail open). Expected verdicts are
// worked out by hand from the objects below.
import { ValidationError, buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { NetsecInputError } from '../../lib/model/errors';

const pod = (name: string, ip: string, sa: string | undefined): string => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${name}}}
spec: {nodeName: w1, ${sa ? `serviceAccountName: ${sa}, ` : ''}containers: [{name: c, image: i}]}
status: {phase: Running, podIP: ${ip}}
`;

const sa = (name: string, labels: string): string => `---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: shop, labels: ${labels}}
`;

const PODS = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
${pod('api', '192.0.2.10', 'api')}${pod('batch', '192.0.2.11', 'batch')}${pod('bare', '192.0.2.12', undefined)}${pod('ghost', '192.0.2.13', 'ghost')}${pod('db', '192.0.2.20', 'db')}`;

// api: team pay; batch: team ops; db: a label projectcalico.org/name that Calico overwrites; ghost: not read
const ACCOUNTS = `${sa('api', '{team: pay}')}${sa('batch', '{team: ops}')}${sa('db', "{projectcalico.org/name: other}")}`;

const POLICIES = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  order: 10
  selector: app == 'db'
  types: [Ingress]
  ingress:
  - action: Allow
    protocol: TCP
    source: {serviceAccounts: {selector: "team == 'pay'"}}
    destination: {ports: [5432]}
  - action: Allow
    protocol: TCP
    source: {selector: "pcsa.team == 'ops'"}
    destination: {ports: [5433]}
  - action: Allow
    protocol: TCP
    source: {serviceAccounts: {selector: "!has(team)"}}
    destination: {ports: [5434]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: pay-no-6379}
spec:
  order: 5
  serviceAccountSelector: "team == 'pay'"
  types: [Egress]
  egress:
  - {action: Deny, protocol: TCP, destination: {ports: [6379]}}
  - {action: Allow}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: db-by-name}
spec:
  order: 6
  serviceAccountSelector: "projectcalico.org/name == 'db'"
  types: [Egress]
  egress:
  - {action: Deny, protocol: TCP, destination: {ports: [7000]}}
  - {action: Allow}
`;

describe('service account selectors match the labels of the ServiceAccounts read', () => {
  const inputs = parseEngineInputs([{ file: 'c.yaml', text: PODS }, { file: 'sa.yaml', text: ACCOUNTS }, { file: 'p.yaml', text: POLICIES }]);
  const m = buildEngineModel(inputs);
  const allowed = (from: string, to: string, port: number): boolean => evaluateFlow(m, buildFlow(m, { from: `shop/${from}`, to: `shop/${to}`, protocol: 'TCP', port })).allowed;

  test('the ServiceAccounts are read with their namespace and labels', () => {
    expect(inputs.serviceAccounts).toEqual([
      { name: 'api', namespace: 'shop', labels: { team: 'pay' } },
      { name: 'batch', namespace: 'shop', labels: { team: 'ops' } },
      { name: 'db', namespace: 'shop', labels: { 'projectcalico.org/name': 'other' } },
    ]);
  });

  test('a rule\'s serviceAccounts.selector on an account label', () => {
    expect(allowed('api', 'db', 5432)).toBe(true);
    expect(allowed('batch', 'db', 5432)).toBe(false);
    expect(allowed('bare', 'db', 5432)).toBe(false);
    expect(allowed('ghost', 'db', 5432)).toBe(false);
  });

  test('a plain selector on the inherited pcsa. label', () => {
    expect(allowed('batch', 'db', 5433)).toBe(true);
    expect(allowed('api', 'db', 5433)).toBe(false);
  });

  test('a policy\'s serviceAccountSelector on an account label: the Deny holds (before: it failed open)', () => {
    expect(allowed('api', 'bare', 6379)).toBe(false);
    expect(allowed('batch', 'bare', 6379)).toBe(true);
    expect(allowed('api', 'bare', 80)).toBe(true);
  });

  test('projectcalico.org/name is the account\'s name even when a label of that key says otherwise', () => {
    expect(allowed('db', 'bare', 7000)).toBe(false);
    expect(allowed('db', 'bare', 80)).toBe(true);
  });

  test('a pod naming an account not read: assumed to have no labels but its name, and a note says so', () => {
    // !has(team): ghost (no labels) matches, api (team: pay) does not. Calico writes the rule as
    // `!has(pcsa.team)` (libcalico-go updateprocessors/rules.go parseServiceAccounts), which bare,
    // with no account and so no pcsa. labels, satisfies too
    expect(allowed('ghost', 'db', 5434)).toBe(true);
    expect(allowed('api', 'db', 5434)).toBe(false);
    expect(allowed('bare', 'db', 5434)).toBe(true);
    const notes = inputs.notes.filter((n) => n.includes('not among the ServiceAccounts read'));
    expect(notes).toEqual([expect.stringContaining('pod shop/ghost names service account ghost')]);
    expect(notes[0]).toContain('assumed to exist with no labels but projectcalico.org/name');
    expect(notes[0]).toContain('ServiceAccount admission plugin');
  });
});

describe('without any ServiceAccount, selectors on other account labels are refused', () => {
  const policy = (spec: string): string => `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: p}
spec:
${spec}`;
  const read = (spec: string, pods = PODS): (() => unknown) => () => parseEngineInputs([{ file: 'c.yaml', text: pods }, { file: 'p.yaml', text: policy(spec) }]);

  test('a policy\'s serviceAccountSelector: the error names file#document, field, selector and remedy', () => {
    expect(read(`  serviceAccountSelector: "team == 'pay'"\n  egress: [{action: Deny}]`)).toThrow(
      `p.yaml#0: spec.serviceAccountSelector: reads service account label "team", but the inputs hold no ServiceAccount, so the engine cannot know which pods it matches (got "team == 'pay'"; allowed: a selector on projectcalico.org/name alone, or add the ServiceAccounts to --cluster: kubectl get serviceaccounts -A -o yaml)`);
  });

  test('the refusal is an input error (the CLI exits 2), listing every field of the document', () => {
    let caught: unknown;
    try {
      read(`  serviceAccountSelector: "has(team)"\n  egress: [{action: Deny, destination: {selector: "pcsa.tier == 'x'"}}]`)();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toBeInstanceOf(NetsecInputError);
    expect((caught as ValidationError).documents).toEqual([{ location: 'p.yaml#0', problems: [
      expect.stringMatching(/^spec\.serviceAccountSelector: reads service account label "team"/),
      expect.stringMatching(/^spec\.egress\[0\]\.destination\.selector: reads service account label "pcsa\.tier"/),
    ] }]);
  });

  test('a rule\'s serviceAccounts.selector with has(), and a negation (it would match every account)', () => {
    expect(read('  ingress: [{action: Allow, source: {serviceAccounts: {selector: "has(team)"}}}]')).toThrow(/spec\.ingress\[0\]\.source\.serviceAccounts\.selector: reads service account label "team"/);
    expect(read('  egress: [{action: Deny, destination: {serviceAccounts: {selector: "!has(team)"}}}]')).toThrow(/spec\.egress\[0\]\.destination\.serviceAccounts\.selector/);
  });

  test('a plain selector or notSelector on a pcsa. key other than the name; a policy selector too', () => {
    expect(read('  ingress: [{action: Allow, source: {selector: "pcsa.team == \'ops\'"}}]')).toThrow(/spec\.ingress\[0\]\.source\.selector: reads service account label "pcsa\.team".*allowed: a selector on pcsa\.projectcalico\.org\/name alone/);
    expect(read('  ingress: [{action: Allow, source: {notSelector: "has(pcsa.team)"}}]')).toThrow(/spec\.ingress\[0\]\.source\.notSelector/);
    expect(read('  selector: "has(pcsa.team)"\n  egress: [{action: Deny}]')).toThrow(/p\.yaml#0: spec\.selector: reads service account label "pcsa\.team"/);
  });

  test('selectors that read only the name, or no label (all()), are answered and read', () => {
    expect(read('  serviceAccountSelector: all()\n  ingress: [{action: Allow, source: {serviceAccounts: {selector: "projectcalico.org/name == \'api\'"}}}]')).not.toThrow();
    expect(read('  ingress: [{action: Allow, source: {selector: "pcsa.projectcalico.org/name == \'api\' && app == \'x\'"}}]')).not.toThrow();
  });

  test('without pods naming an account no answer depends on the labels: read', () => {
    const noAccounts = `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n${pod('bare', '192.0.2.12', undefined)}`;
    expect(read(`  serviceAccountSelector: "team == 'pay'"\n  egress: [{action: Deny}]`, noAccounts)).not.toThrow();
  });

  test('with ServiceAccounts read, the same selector is read', () => {
    expect(() => parseEngineInputs([{ file: 'c.yaml', text: PODS + ACCOUNTS }, { file: 'p.yaml', text: policy(`  serviceAccountSelector: "team == 'pay'"\n  egress: [{action: Deny}]`) }])).not.toThrow();
  });
});

describe('ServiceAccount documents are validated', () => {
  const read = (text: string): (() => unknown) => () => parseEngineInputs([{ file: 'sa.yaml', text }]);

  test('name, namespace and labels as kube-apiserver accepts them, naming file#document and field', () => {
    expect(read('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: API, namespace: shop}')).toThrow(/sa\.yaml#0: metadata\.name: expected a DNS-1123 subdomain.*got "API"/);
    expect(read('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: Shop}')).toThrow(/sa\.yaml#0: metadata\.namespace: expected a DNS-1123 label.*got "Shop"/);
    expect(read('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, labels: {"bad key": x}}')).toThrow(/sa\.yaml#0: metadata\.labels: expected a label key.*got "bad key"/);
    expect(read('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, labels: {team: "-x"}}')).toThrow(/sa\.yaml#0: metadata\.labels\.team: expected a label value.*got "-x"/);
    expect(read('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, labels: {team: 1}}')).toThrow(/metadata\.labels\.team: expected a string label value/);
  });

  test('namespace defaults to default; one object, one definition', () => {
    expect(parseEngineInputs([{ file: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}' }]).serviceAccounts)
      .toEqual([{ name: 'api', namespace: 'default', labels: {} }]);
    const twice = `${sa('api', '{team: pay}')}${sa('api', '{team: ops}')}`;
    expect(read(twice)).toThrow(/sa\.yaml#1: metadata\.name: v1 ServiceAccount shop\/api is defined twice, differently.*the first is sa\.yaml#0/);
    const same = parseEngineInputs([{ file: 'sa.yaml', text: `${sa('api', '{team: pay}')}${sa('api', '{team: pay}')}` }]);
    expect(same.serviceAccounts).toHaveLength(1);
  });
});
