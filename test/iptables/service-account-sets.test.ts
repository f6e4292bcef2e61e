// IP set members of service account selectors follow the ServiceAccounts read: a rule's
// serviceAccounts.selector `team == 'pay'` is Felix's selector `pcsa.team == "pay"` (libcalico-go
// updateprocessors/rules.go parseServiceAccounts) and its set holds the addresses of the pods whose
// account carries team: pay, inherited as pcsa.team from the profile ksa.<ns>.<sa> (conversion.go
// ServiceAccountToProfile, v3.32.1). Members worked out by hand from the objects below.
import * as yaml from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { IpSetRegistry } from '../../lib/iptables/ipset-registry';
import { convertRule } from '../../lib/iptables/rule-convert';

const pods = [
  { ns: 'shop', name: 'api-1', ip: '192.0.2.11', sa: 'api' },
  { ns: 'shop', name: 'api-2', ip: '192.0.2.12', sa: 'api' },
  { ns: 'shop', name: 'batch', ip: '192.0.2.13', sa: 'batch' },
  { ns: 'shop', name: 'bare', ip: '192.0.2.14', sa: undefined },
  { ns: 'ops', name: 'pay', ip: '192.0.2.15', sa: 'pay' },
];
const inventory = yaml.dump({
  apiVersion: 'v1', kind: 'List',
  items: [
    ...['ops', 'shop'].map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } })),
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api', namespace: 'shop', labels: { team: 'pay' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'batch', namespace: 'shop', labels: { team: 'ops' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'pay', namespace: 'ops', labels: { team: 'pay' } } },
    ...pods.map((p) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: p.ns, labels: { app: p.name } },
      spec: { nodeName: 'worker-1', ...(p.sa ? { serviceAccountName: p.sa } : {}), containers: [{ name: 'c' }] },
      status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
    })),
  ],
});

function sourceSets(source: Record<string, unknown>): { description?: string; members?: readonly string[] }[] {
  const policy = yaml.dump({
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'p' },
    spec: { selector: 'all()', ingress: [{ action: 'Allow', protocol: 'TCP', source }] },
  });
  const model = buildEngineModel(parseEngineInputs([{ file: 'p.yaml', text: policy }, { file: 'c.yaml', text: inventory }]));
  const p = model.tiers.flatMap((t) => t.policies)[0];
  const reg = new IpSetRegistry(model, 4);
  const converted = convertRule((p.ingress ?? [])[0], reg, p);
  const byName = new Map(reg.all().map((s) => [s.name, s]));
  return (converted.rule?.src.ipSets ?? []).map((n) => ({ description: byName.get(n)?.description, members: byName.get(n)?.members }));
}

describe('IP sets of service account selectors hold the pods of the matching accounts', () => {
  test('serviceAccounts.selector on an account label: the pods of shop/api and ops/pay', () => {
    const sets = sourceSets({ serviceAccounts: { selector: "team == 'pay'" } });
    expect(sets).toHaveLength(1);
    expect([...(sets[0].members ?? [])].sort()).toEqual(['192.0.2.11', '192.0.2.12', '192.0.2.15']);
    expect(sets[0].description).toContain("pcsa(team == 'pay')");
  });

  test('a plain selector on the pcsa. label: the pod of shop/batch', () => {
    const sets = sourceSets({ selector: "pcsa.team == 'ops'" });
    expect(sets).toHaveLength(1);
    expect(sets[0].members).toEqual(['192.0.2.13']);
    expect(sets[0].description).toContain('pcsa.team');
  });
});
