// Calico `services` matches in the plan, from Felix (v3.32.1): felix/calc/rule_scanner_test.go
// entries "dest service" and "src service" (the set IDs of Service default/svc: a destination match
// is DstIPPortSetIDs ["svc:Jhwii46PCMT5NlhWsUqZmv7al8TeHFbNQMhoVg"], a source match joins
// SrcIPSetIDs as "svcnoport:T03S_6hogdrGKrNFBcbKTFsH_uKwDHEo8JddOg"); felix/serviceindex/
// serviceindex_test.go "should handle an endpoint slice with multiple ports and protocols" (one
// slice, two addresses, port 80 over TCP, UDP and SCTP: 6 members with ports, 2 without); the match
// order of felix/rules/policy.go CalculateRuleMatch (destination IP sets, then DstIpPortSetIds, then
// destination ports) and `--match-set <name> dst,dst` for an IP+port set. felix/rules/policy_test.go
// has no services case. Ours: addresses from 192.0.2.0/24 and port names (kube-apiserver rejects a
// slice whose ports share the empty name; Felix's test feeds its index directly). Set names: "cali40" + ID, cut to 31.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { chainRules, felixWorld, nodePlan } from './world';

const PODS = [
  { name: 'client', ip: '192.0.2.11', labels: { app: 'client' } },
  { name: 'svc-a', ip: '192.0.2.21', labels: { app: 'svc' } },
  { name: 'svc-b', ip: '192.0.2.22', labels: { app: 'svc' } },
  { name: 'db', ip: '192.0.2.30', labels: { app: 'db' } },
];
const SERVICE = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: { clusterIP: '10.96.0.50', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP' }, { name: 'c', port: 80, protocol: 'SCTP' }] } },
  {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: 'ep1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'svc' } },
    endpoints: [{ addresses: ['192.0.2.21', '192.0.2.22'] }],
    ports: [{ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', port: 80, protocol: 'UDP' }, { name: 'c', port: 80, protocol: 'SCTP' }],
  },
];
const SVC = { name: 'svc', namespace: 'default' };
const POLICIES = [
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'to-svc' },
    spec: { selector: "app == 'client'", types: ['Egress'], egress: [{ action: 'Allow', destination: { services: SVC } }] },
  },
  {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'from-svc' },
    spec: { selector: "app == 'db'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', source: { services: SVC } }] },
  },
];
const DST_SET = 'cali40svc:Jhwii46PCMT5NlhWsUqZm';
const SRC_SET = 'cali40svcnoport:T03S_6hogdrGKrN';

const world = (): ReturnType<typeof felixWorld> => felixWorld(PODS, [...SERVICE, ...POLICIES], undefined, '198.51.100.10');

describe('rule_scanner_test.go services entries and serviceindex_test.go members', () => {
  const plan = nodePlan(world());
  test('"dest service": the destination match is the svc set, dst,dst', () => {
    expect(chainRules(plan.iptables, 'cali-po-gnp/to-svc')[0]).toBe(`-m set --match-set ${DST_SET} dst,dst --jump MARK --set-mark 0x10000/0x10000`);
  });
  test('"src service": the source match is the svcnoport set, src, after the protocol', () => {
    expect(chainRules(plan.iptables, 'cali-pi-gnp/from-svc')[0]).toBe(`-p tcp -m set --match-set ${SRC_SET} src --jump MARK --set-mark 0x10000/0x10000`);
  });
  test('members: one per address and slice port (6, protocol in lower case), and one per address (2)', () => {
    const lines = plan.ipsets.split('\n');
    expect(lines).toContain(`create ${DST_SET} hash:ip,port family inet hashsize 1024 maxelem 1048576`);
    expect(lines.filter((l) => l.startsWith(`add ${DST_SET} `)).map((l) => l.split(' ')[2])).toEqual([
      '192.0.2.21,sctp:80', '192.0.2.21,tcp:80', '192.0.2.21,udp:80', '192.0.2.22,sctp:80', '192.0.2.22,tcp:80', '192.0.2.22,udp:80',
    ]);
    expect(lines).toContain(`create ${SRC_SET} hash:net family inet hashsize 1024 maxelem 1048576`);
    expect(lines.filter((l) => l.startsWith(`add ${SRC_SET} `)).map((l) => l.split(' ')[2])).toEqual(['192.0.2.21', '192.0.2.22']);
  });
  test('the engine agrees: an endpoint at a member port is allowed, another port is not', () => {
    const m = world();
    const allowed = (from: string, to: string, protocol: string, port: number): boolean => evaluateFlow(m, buildFlow(m, { from, to, protocol, port })).allowed;
    expect(allowed('app/client', 'app/svc-a', 'UDP', 80)).toBe(true);
    expect(allowed('app/client', 'app/svc-b', 'TCP', 81)).toBe(false);
    expect(allowed('app/client', 'app/db', 'TCP', 80)).toBe(false);
    expect(allowed('app/svc-b', 'app/db', 'TCP', 5432)).toBe(true);
    expect(allowed('app/client', 'app/db', 'TCP', 5432)).toBe(false);
  });
});
