// Cases of Felix's felix/rules/endpoints_test.go (calico master) that a manifest can express, held
// against our plan, and the engine's verdict for the same packets. Each row names the Felix case.
// Covered: the workload encapsulation drops ("Disabling adding drop encap rules": both dropped by
// default, VXLAN allowed, IPIP allowed, both allowed) and the deny action of the endpoint chains
// (the suite runs with FilterDenyAction DROP and REJECT: INVALID, end of tier, no profile matched).
// Left out here: IPVS (cali-sm chains), QoS controls, flow logs, admin-down endpoints and
// DisableConntrackInvalid (no manifest field we model sets them).
import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { chainRules, felixWorld, nodePlan, podInterface } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }, { name: 'b', ip: '192.0.2.12', labels: { app: 'b' } }];
const VXLAN_DROP = '-p 17 -m multiport --destination-ports 4789';
const IPIP_DROP = '-p 4';
// Felix's layout clears the accept and pass marks in one rule (endpoints_test.go clearMarkRule(0x18): accept|pass).
const CLEAR_ACCEPT = '--jump MARK --set-mark 0/0x30000';

interface EncapCase {
  /** The Felix test's It/Context text. */
  readonly felix: string;
  readonly spec: object | undefined;
  readonly vxlan: boolean;
  readonly ipip: boolean;
}

const ENCAP_CASES: readonly EncapCase[] = [
  { felix: 'should render a minimal workload endpoint (default: both dropped)', spec: undefined, vxlan: true, ipip: true },
  { felix: 'VXLAN allowed, IPIP dropped', spec: { allowVXLANPacketsFromWorkloads: true }, vxlan: false, ipip: true },
  { felix: 'VXLAN dropped, IPIP allowed', spec: { allowIPIPPacketsFromWorkloads: true }, vxlan: true, ipip: false },
  { felix: 'VXLAN and IPIP allowed', spec: { allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }, vxlan: false, ipip: false },
];

describe('endpoints_test.go: workload encapsulation drops (endpointIptablesChain)', () => {
  it.each(ENCAP_CASES)('$felix', ({ spec, vxlan, ipip }) => {
    const model = felixWorld(PODS, [], spec, '198.51.100.10');
    const plan = nodePlan(model);
    const iface = podInterface(plan, 'a');
    const egress = chainRules(plan.iptables, `cali-fw-${iface}`);
    // After the conntrack rules and the mark reset, before the policies and profiles; the drop is the deny action.
    const at = egress.indexOf(CLEAR_ACCEPT);
    const expected = [...(vxlan ? [`${VXLAN_DROP} --jump DROP`] : []), ...(ipip ? [`${IPIP_DROP} --jump DROP`] : [])];
    expect(egress.slice(at + 1, at + 1 + expected.length)).toEqual(expected);
    expect(egress.filter((r) => r.startsWith(VXLAN_DROP) || r.startsWith(`${IPIP_DROP} `))).toHaveLength(expected.length);
    // Never on the ingress (to-workload) chain: Felix passes alwaysAllowVXLANEncap/alwaysAllowIPIPEncap there.
    expect(chainRules(plan.iptables, `cali-tw-${iface}`).filter((r) => r.startsWith(VXLAN_DROP) || r.startsWith(`${IPIP_DROP} `))).toEqual([]);

    // The engine: pod a -> pod b, whose profiles allow everything.
    const verdict = (protocol: string, port?: number): boolean => evaluateFlow(model, buildFlow(model, { from: 'app/a', to: 'app/b', protocol, port })).allowed;
    expect(verdict('UDP', 4789)).toBe(!vxlan);
    expect(verdict('4')).toBe(!ipip);
    expect(verdict('UDP', 4790)).toBe(true);
  });

  it.each([['UDP', 4789], ['4', undefined], ['UDP', 4790]] as const)('truth tables agree with evaluating each pair (%s %s)', (protocol, port) => {
    for (const spec of [undefined, { allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }]) {
      const model = felixWorld([...PODS, { name: 'c', ip: '192.0.2.13', labels: { app: 'a' } }], [], spec, '198.51.100.10');
      const table = buildTruthTable(model, { protocol, port });
      const cells = table.ids.flatMap((a) => table.ids.filter((b) => b !== a).map((b) => [a, b, table.allowed(a, b)]));
      expect(cells).toEqual(table.ids.flatMap((a) => table.ids.filter((b) => b !== a)
        .map((b) => [a, b, evaluateFlow(model, buildFlow(model, { from: a, to: b, protocol, port })).allowed])));
      // The profiles allow everything: every pair is dropped exactly when the packets are encapsulation.
      expect(cells.map((c) => c[2])).toEqual(cells.map(() => !(spec === undefined && port !== 4790)));
    }
  });

  it('the engine names the drop and the setting', () => {
    const model = felixWorld(PODS, [], undefined, '198.51.100.10');
    const v = evaluateFlow(model, buildFlow(model, { from: 'app/a', to: 'app/b', protocol: 'UDP', port: 4789 }));
    expect(v.reason).toBe("denied at the source's egress: VXLAN (UDP 4789) packets from workloads are dropped before policy (allowVXLANPacketsFromWorkloads false)");
    const ipip = evaluateFlow(model, buildFlow(model, { from: 'app/a', to: '203.0.113.5', protocol: '4' }));
    expect(ipip.egress.stages.map((s) => [s.stage, s.verdict])).toEqual([['workload', 'deny']]);
    expect(ipip.reason).toContain('allowIPIPPacketsFromWorkloads false');
  });
});

const DENY_ALL = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny-b' },
  spec: { selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [81] } }] },
};

describe('endpoints_test.go: the deny action of endpoint chains (withDenyAction DROP / REJECT)', () => {
  it.each([
    ['DROP (Felix default)', undefined, '--jump DROP'],
    ['REJECT', { iptablesFilterDenyAction: 'Reject' }, '--jump REJECT'],
    ['REJECT in capitals (the CRD pattern is case-insensitive)', { iptablesFilterDenyAction: 'REJECT' }, '--jump REJECT'],
  ])('%s: INVALID, end of tier and no-profile rules use it', (_name, spec, action) => {
    const plan = nodePlan(felixWorld(PODS, [DENY_ALL], spec, '198.51.100.10'));
    const tw = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'b')}`);
    expect(tw).toContain(`-m conntrack --ctstate INVALID ${action}`);
    expect(tw).toContain(`-m mark --mark 0/0x20000 ${action}`);
    expect(tw[tw.length - 1]).toBe(action);
    const fw = chainRules(plan.iptables, `cali-fw-${podInterface(plan, 'a')}`);
    expect(fw).toContain(`${VXLAN_DROP} ${action}`);
    expect(fw).toContain(`${IPIP_DROP} ${action}`);
  });
});
