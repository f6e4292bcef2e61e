// Cases of Felix's felix/rules/endpoints_test.go (calico master) that a manifest can express, held
// against our plan, and the engine's verdict for the same packets. Each row names the Felix case.
// Covered: the workload encapsulation drops ("Disabling adding drop encap rules": both dropped by
// default, VXLAN allowed, IPIP allowed, both allowed) and the deny action of the endpoint chains
// (the suite runs with FilterDenyAction DROP and REJECT: INVALID, end of tier, no profile matched).
// "Endpoints with flowlogs" (the suite again with flow logs on) is the last describe.
// Left out here: IPVS (cali-sm chains: Felix turns IPVS support on when it finds kube-proxy's
// kube-ipvs0 device, which no manifest says), QoS controls and admin-down endpoints (no manifest
// field we read sets them).
import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { NODE, chainRules, felixWorld, nodePlan, podInterface } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }, { name: 'b', ip: '192.0.2.12', labels: { app: 'b' } }];
/** Pod a names service account `web`; pod b none. */
const SA_PODS = [{ ...PODS[0], serviceAccount: 'web' }, PODS[1]];
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

// Endpoint-chain layout cases of endpoints_test.go (v3.32.1, "Endpoints" with normal config; its
// two profiles prof1, prof2 are a pod's kns.<ns> and ksa.<ns>.<sa>), in
// Felix's layout (the default): the rules read off Felix's ruleBuilder (conntrackRules, failSafeRule,
// clearMarkRule(accept|pass), matchPolicies: a jump while pass is clear and "Return if policy
// accepted" after each, matchProfiles), with our marks (accept 0x10000, pass 0x20000).
// Left out: "should render a disabled workload endpoint" (no manifest makes an endpoint admin-down),
// the staged-policy cases (staged policies are not rendered), QoSControls. With flow logs: below.
const gnpOf = (name: string, order: number, selector: string, spec: object): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name }, spec: { order, selector, ...spec },
});
const allowIn = { types: ['Ingress'], ingress: [{ action: 'Allow' }] };
const allowOut = { types: ['Egress'], egress: [{ action: 'Allow' }] };
const CT = ['-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT', '-m conntrack --ctstate INVALID --jump DROP'];
const CLEAR = ['--jump MARK --set-mark 0/0x30000', '--jump MARK --set-mark 0/0x20000'];
const RETURN_IF_ACCEPTED = '-m mark --mark 0x10000/0x10000 --jump RETURN';
const jumpTo = (chain: string): string[] => [`-m mark --mark 0/0x20000 --jump ${chain}`, RETURN_IF_ACCEPTED];
const END_OF_TIER = '-m mark --mark 0/0x20000 --jump DROP';

/** The profile part of a normal chain: each profile jumped to, then a return if it accepted, then the drop. */
function profilePart(rules: readonly string[], dir: 'i' | 'o'): string[] {
  const at = rules.findIndex((r) => r.startsWith(`--jump cali-pr${dir}-`));
  return rules.slice(at);
}

describe('endpoints_test.go: endpoint chain layout (Felix layout)', () => {
  // Felix's case renders two profiles, prof1 and prof2; a pod has two as well: kns.<ns> and, as it
  // names a service account, ksa.<ns>.<sa> (libcalico-go podToDefaultWorkloadEndpoint, v3.32.1).
  it('"should render a fully-loaded workload endpoint": two policies per direction, each a jump and a return-if-accepted, then both profiles', () => {
    const docs = [
      gnpOf('ai', 1, "app == 'a'", allowIn), gnpOf('bi', 2, "app == 'a' && all()", allowIn),
      gnpOf('ae', 1, "app == 'a'", allowOut), gnpOf('be', 2, "app == 'a' && all()", allowOut),
    ];
    const plan = nodePlan(felixWorld(SA_PODS, docs, undefined, '198.51.100.10'));
    const iface = podInterface(plan, 'a');
    // matchProfiles: per profile, in the endpoint's order, a jump and "Return if profile accepted"; then the drop
    const profilesIn = ['--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, '--jump cali-pri-ksa.app.web', RETURN_IF_ACCEPTED, '--jump DROP'];
    const profilesOut = ['--jump cali-pro-kns.app', RETURN_IF_ACCEPTED, '--jump cali-pro-ksa.app.web', RETURN_IF_ACCEPTED, '--jump DROP'];
    expect(chainRules(plan.iptables, `cali-tw-${iface}`)).toEqual([
      ...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/ai'), ...jumpTo('cali-pi-gnp/bi'), END_OF_TIER, ...profilesIn]);
    expect(chainRules(plan.iptables, `cali-fw-${iface}`)).toEqual([...CT, CLEAR[0], `${VXLAN_DROP} --jump DROP`, `${IPIP_DROP} --jump DROP`, CLEAR[1],
      ...jumpTo('cali-po-gnp/ae'), ...jumpTo('cali-po-gnp/be'), END_OF_TIER, ...profilesOut]);
    // pod b names no service account: kns.app alone (Calico adds ksa only for a non-empty serviceAccountName)
    expect(profilePart(chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'b')}`), 'i'))
      .toEqual(['--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, '--jump DROP']);
  });

  it('the ksa profile chains: ServiceAccountToProfile gives no rules, so each chain is its comment alone (ProtoRulesToIptablesRules)', () => {
    const plan = nodePlan(felixWorld(SA_PODS, [], undefined, '198.51.100.10'));
    for (const [chain, dir] of [['cali-pri-ksa.app.web', 'ingress'], ['cali-pro-ksa.app.web', 'egress']]) {
      // one rule with no match and no action, its comment the rule hash and the chain comment
      const lines = plan.iptables.split('\n').filter((l) => l.startsWith(`-A ${chain} `));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^-A ${chain.replace(/\./g, '\\.')} -m comment --comment "cali:[A-Za-z0-9_-]{16} Profile ksa\\.app\\.web ${dir}"$`));
      expect(plan.iptables).toContain(`:${chain} - [0:0]`);
    }
    // the namespace profile still accepts (its Allow's trailing RETURN stripped): the endpoint chain
    // returns before it reaches the ksa jump
    expect(chainRules(plan.iptables, 'cali-pri-kns.app')).toEqual(['--jump MARK --set-mark 0x10000/0x10000']);
  });

  it('the engine: the same verdicts with the ksa profile, accepted by kns.<ns> first', () => {
    const model = felixWorld(SA_PODS, [], undefined, '198.51.100.10');
    expect(model.endpoints.find((e) => e.id === 'app/a')?.profiles).toEqual(['kns.app', 'ksa.app.web']);
    expect(model.endpoints.find((e) => e.id === 'app/b')?.profiles).toEqual(['kns.app']);
    const flow = buildFlow(model, { from: 'app/b', to: 'app/a', protocol: 'TCP', port: 80 });
    const result = evaluateFlow(model, flow);
    expect(result.allowed).toBe(true);
    expect(result.ingress.stages.find((st) => st.endpoint === 'app/a')?.profiles).toMatchObject({ profiles: ['kns.app', 'ksa.app.web'], matchedProfile: 'kns.app' });
  });

  it('"should render a workload endpoint with policy groups": one jump per group of the same selector, a group of one inline', () => {
    const docs = [
      gnpOf('a', 1, 'all()', allowIn), gnpOf('b', 2, 'all()', allowIn), gnpOf('c', 3, 'all()', allowIn),
      gnpOf('e', 4, "app == 'a'", allowIn), gnpOf('f', 5, "app == 'a'", allowIn), gnpOf('g', 6, "has(app)", allowIn),
    ];
    const plan = nodePlan(felixWorld(PODS, docs, undefined, '198.51.100.10'));
    const tw = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'a')}`);
    const groups = tw.filter((r) => / --jump cali-gi-/.test(r)).map((r) => r.split(' --jump ')[1]);
    expect(groups).toHaveLength(2);
    expect(tw.slice(0, 2 + 2 + 6)).toEqual([...CT, ...CLEAR, ...jumpTo(groups[0]), ...jumpTo(groups[1]), ...jumpTo('cali-pi-gnp/g')].slice(0, 10));
    expect(tw).toContain(END_OF_TIER);
    // "PolicyGroup chains": the first jump unconditional, the others while neither mark is set
    expect(chainRules(plan.iptables, groups[0])).toEqual(['--jump cali-pi-gnp/a', '-m mark --mark 0/0x30000 --jump cali-pi-gnp/b', '-m mark --mark 0/0x30000 --jump cali-pi-gnp/c']);
    expect(chainRules(plan.iptables, groups[1])).toEqual(['--jump cali-pi-gnp/e', '-m mark --mark 0/0x30000 --jump cali-pi-gnp/f']);
    // pod b is selected by a, b, c and g only: the same group chain for the all() run
    const twB = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'b')}`);
    expect(twB.slice(4, 8)).toEqual([...jumpTo(groups[0]), ...jumpTo('cali-pi-gnp/g')]);
  });

  const hepDoc = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'eth0', labels: { hep: 'yes' } }, spec: { node: NODE, interfaceName: 'eth0', expectedIPs: ['198.51.100.10'] } };
  const onHep = "hep == 'yes'";

  it('"should render a host endpoint": cali-fh-eth0 with failsafe and profiles, cali-fhfw-eth0 with the applyOnForward policies only', () => {
    const docs = [hepDoc, gnpOf('ai', 1, onHep, allowIn), gnpOf('afi', 2, `${onHep} && all()`, { ...allowIn, applyOnForward: true })];
    const plan = nodePlan(felixWorld(PODS, docs, undefined, '198.51.100.10'));
    const fh = chainRules(plan.iptables.split('*filter')[1], 'cali-fh-eth0');
    expect(fh.slice(0, 9)).toEqual([...CT, '--jump cali-failsafe-in', ...CLEAR, ...jumpTo('cali-pi-gnp/ai'), ...jumpTo('cali-pi-gnp/afi')]);
    expect(fh[9]).toBe(END_OF_TIER);
    const fhfw = chainRules(plan.iptables.split('*filter')[1], 'cali-fhfw-eth0');
    expect(fhfw).toEqual([...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/afi'), END_OF_TIER]);
  });

  it('"should render host endpoint raw chains with untracked policies": both raw chains, NOTRACK before each return-if-accepted', () => {
    const docs = [hepDoc, gnpOf('c', 1, onHep, { doNotTrack: true, applyOnForward: true, types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] })];
    const plan = nodePlan(felixWorld(PODS, docs, undefined, '198.51.100.10'));
    const raw = plan.iptables.split('*raw')[1].split('COMMIT')[0];
    const notrack = '-m mark --mark 0x10000/0x10000 --jump CT --notrack';
    expect(chainRules(raw, 'cali-th-eth0')).toEqual(['--jump cali-failsafe-out', ...CLEAR, '-m mark --mark 0/0x20000 --jump cali-po-gnp/c', notrack, RETURN_IF_ACCEPTED]);
    expect(chainRules(raw, 'cali-fh-eth0')).toEqual(['--jump cali-failsafe-in', ...CLEAR, '-m mark --mark 0/0x20000 --jump cali-pi-gnp/c', notrack, RETURN_IF_ACCEPTED]);
  });

  it('"should render host endpoint mangle chains with pre-DNAT policies": conntrack, failsafe, one jump and return, no drops', () => {
    const docs = [hepDoc, gnpOf('c', 1, onHep, { preDNAT: true, applyOnForward: true, ...allowIn })];
    const plan = nodePlan(felixWorld(PODS, docs, undefined, '198.51.100.10'));
    const mangle = plan.iptables.split('*mangle')[1].split('COMMIT')[0];
    expect(chainRules(mangle, 'cali-fh-eth0')).toEqual([...CT, '--jump cali-failsafe-in', ...CLEAR, ...jumpTo('cali-pi-gnp/c')]);
  });

  it('"with ctstate=INVALID disabled": "should render a minimal workload endpoint" without the INVALID drop', () => {
    const plan = nodePlan(felixWorld(PODS, [], { disableConntrackInvalidCheck: true }, '198.51.100.10'));
    const tw = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'a')}`);
    expect(tw.slice(0, 2)).toEqual([CT[0], CLEAR[0]]);
  });

  it('compact layout: the same groups, one jump per group while neither mark is set and one accept check at the end of the tier', () => {
    const docs = [gnpOf('a', 1, 'all()', allowIn), gnpOf('b', 2, 'all()', allowIn), gnpOf('c', 3, "app == 'a'", allowIn)];
    const model = felixWorld(PODS, docs, undefined, '198.51.100.10');
    const plan = renderNodePlan(model, NODE, { layout: 'compact' });
    const tw = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'a')}`);
    const group = (/--jump (cali-gi-\S+)/.exec(tw.join('\n')) ?? [])[1];
    expect(tw.slice(0, 7)).toEqual([...CT, '--jump MARK --set-mark 0/0x10000', '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x30000 --jump ${group}`, '-m mark --mark 0/0x30000 --jump cali-pi-gnp/c', RETURN_IF_ACCEPTED]);
    // the group chain is the one of Felix's layout
    expect(chainRules(plan.iptables, group)).toEqual(chainRules(nodePlan(model).iptables, group));
  });

  it('compact layout: the profile part and the ksa profile chains are those of Felix\'s layout', () => {
    const model = felixWorld(SA_PODS, [gnpOf('a', 1, "app == 'a'", allowIn)], undefined, '198.51.100.10');
    const compact = renderNodePlan(model, NODE, { layout: 'compact' }).iptables;
    const felix = nodePlan(model).iptables;
    const tw = `cali-tw-${podInterface(nodePlan(model), 'a')}`;
    expect(profilePart(chainRules(compact, tw), 'i')).toEqual(['--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, '--jump cali-pri-ksa.app.web', RETURN_IF_ACCEPTED, '--jump DROP']);
    expect(profilePart(chainRules(felix, tw), 'i')).toEqual(profilePart(chainRules(compact, tw), 'i'));
    for (const chain of ['cali-pri-ksa.app.web', 'cali-pro-ksa.app.web']) expect(chainRules(compact, chain)).toEqual(chainRules(felix, chain));
  });
});

// endpoints_test.go "Endpoints with flowlogs" (v3.32.1: endpointRulesTests(true, "DROP"), the same Its
// with flow logs on; ruleBuilder.nflogAction): before a tier's end-of-tier drop an NFLOG on the same
// match, `DP<I|E>|default` (a tier whose default is Pass: `PP<I|E>|<tier>` and no drop), and before the
// drop when no profile matched an NFLOG `DRI`/`DRE`; group 1 ingress, 2 egress; raw and mangle chains
// unchanged. Felix's test renders `--nflog-range 80`; Felix on a kernel from 4.8 and our plan `--nflog-size 80`.
describe('endpoints_test.go "Endpoints with flowlogs": endpoint chain layout with flow logs on', () => {
  const FLOW_LOGS = { flowLogsLocalReporter: 'Enabled' };
  const nflog = (match: string, group: number, prefix: string): string =>
    `${match === '' ? '' : `${match} `}--jump NFLOG --nflog-group ${group} --nflog-prefix ${prefix} --nflog-size 80`;
  const tierNflog = (group: number, prefix: string): string => nflog('-m mark --mark 0/0x20000', group, prefix);
  const hepDoc = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'eth0', labels: { hep: 'yes' } }, spec: { node: NODE, interfaceName: 'eth0', expectedIPs: ['198.51.100.10'] } };
  const onHep = "hep == 'yes'";

  it('"should render a minimal workload endpoint": the profiles, then NFLOG DRI / DRE, then the drop', () => {
    const plan = nodePlan(felixWorld(PODS, [], FLOW_LOGS, '198.51.100.10'));
    const iface = podInterface(plan, 'a');
    expect(chainRules(plan.iptables, `cali-tw-${iface}`)).toEqual([...CT, CLEAR[0], '--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, nflog('', 1, 'DRI'), '--jump DROP']);
    expect(chainRules(plan.iptables, `cali-fw-${iface}`)).toEqual([...CT, CLEAR[0], `${VXLAN_DROP} --jump DROP`, `${IPIP_DROP} --jump DROP`,
      '--jump cali-pro-kns.app', RETURN_IF_ACCEPTED, nflog('', 2, 'DRE'), '--jump DROP']);
  });

  it('"should render a fully-loaded workload endpoint": NFLOG DPI|default / DPE|default before each end-of-tier drop', () => {
    const docs = [
      gnpOf('ai', 1, "app == 'a'", allowIn), gnpOf('bi', 2, "app == 'a' && all()", allowIn),
      gnpOf('ae', 1, "app == 'a'", allowOut), gnpOf('be', 2, "app == 'a' && all()", allowOut),
    ];
    for (const layout of ['felix', 'compact'] as const) {
      const plan = renderNodePlan(felixWorld(SA_PODS, docs, FLOW_LOGS, '198.51.100.10'), NODE, { layout });
      const iface = podInterface(plan, 'a');
      const tw = chainRules(plan.iptables, `cali-tw-${iface}`);
      const fw = chainRules(plan.iptables, `cali-fw-${iface}`);
      expect(tw.slice(tw.indexOf(END_OF_TIER) - 1)).toEqual([tierNflog(1, 'DPI|default'), END_OF_TIER,
        '--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, '--jump cali-pri-ksa.app.web', RETURN_IF_ACCEPTED, nflog('', 1, 'DRI'), '--jump DROP']);
      expect(fw.slice(fw.indexOf(END_OF_TIER) - 1)).toEqual([tierNflog(2, 'DPE|default'), END_OF_TIER,
        '--jump cali-pro-kns.app', RETURN_IF_ACCEPTED, '--jump cali-pro-ksa.app.web', RETURN_IF_ACCEPTED, nflog('', 2, 'DRE'), '--jump DROP']);
      if (layout === 'felix') {
        expect(tw.slice(0, 9)).toEqual([...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/ai'), ...jumpTo('cali-pi-gnp/bi'), tierNflog(1, 'DPI|default')]);
      }
    }
  });

  it('"should render a fully-loaded workload endpoint with tier DefaultAction is Pass": NFLOG PPI|<tier>, no drop, then the profiles', () => {
    const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'pass-tier' }, spec: { order: 10, defaultAction: 'Pass' } };
    const pol = { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'pass-tier.ai' },
      spec: { tier: 'pass-tier', order: 1, selector: "app == 'a'", ...allowIn } };
    const tw = (felix: object | undefined): string[] => {
      const plan = nodePlan(felixWorld(PODS, [tier, pol], felix, '198.51.100.10'));
      return chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'a')}`);
    };
    expect(tw(FLOW_LOGS)).toEqual([...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/pass-tier.ai'), tierNflog(1, 'PPI|pass-tier'),
      '--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, nflog('', 1, 'DRI'), '--jump DROP']);
    // flow logs off: neither the NFLOG nor a drop at the end of the tier
    expect(tw(undefined)).toEqual([...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/pass-tier.ai'), '--jump cali-pri-kns.app', RETURN_IF_ACCEPTED, '--jump DROP']);
  });

  it('"should render a workload endpoint with policy groups": the NFLOG before the end-of-tier drop, none in the group chains', () => {
    const docs = [gnpOf('a', 1, 'all()', allowIn), gnpOf('b', 2, 'all()', allowIn), gnpOf('c', 3, "app == 'a'", allowIn)];
    const plan = nodePlan(felixWorld(PODS, docs, FLOW_LOGS, '198.51.100.10'));
    const tw = chainRules(plan.iptables, `cali-tw-${podInterface(plan, 'a')}`);
    expect(tw[tw.indexOf(END_OF_TIER) - 1]).toBe(tierNflog(1, 'DPI|default'));
    const group = (/--jump (cali-gi-\S+)/.exec(tw.join('\n')) ?? [])[1];
    expect(chainRules(plan.iptables, group).join('\n')).not.toContain('NFLOG');
  });

  it('"should render a host endpoint": cali-fh-eth0 (group 1) and the forward chain cali-fhfw-eth0 end their tier with the NFLOG', () => {
    const docs = [hepDoc, gnpOf('ai', 1, onHep, allowIn), gnpOf('afi', 2, `${onHep} && all()`, { ...allowIn, applyOnForward: true }),
      gnpOf('ae', 1, onHep, allowOut)];
    const plan = nodePlan(felixWorld(PODS, docs, FLOW_LOGS, '198.51.100.10'));
    const filter = plan.iptables.split('*filter')[1];
    const fh = chainRules(filter, 'cali-fh-eth0');
    expect(fh.slice(9)).toEqual([tierNflog(1, 'DPI|default'), END_OF_TIER, nflog('', 1, 'DRI'), '--jump DROP']);
    expect(chainRules(filter, 'cali-fhfw-eth0')).toEqual([...CT, ...CLEAR, ...jumpTo('cali-pi-gnp/afi'), tierNflog(1, 'DPI|default'), END_OF_TIER]);
    // to the host endpoint: egress, group 2
    expect(chainRules(filter, 'cali-th-eth0').slice(-4)).toEqual([tierNflog(2, 'DPE|default'), END_OF_TIER, nflog('', 2, 'DRE'), '--jump DROP']);
  });

  it('"should render host endpoint raw chains with untracked policies" and "... mangle chains with pre-DNAT policies": the same with flow logs on', () => {
    const raw = [hepDoc, gnpOf('c', 1, onHep, { doNotTrack: true, applyOnForward: true, types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] })];
    const pre = [hepDoc, gnpOf('c', 1, onHep, { preDNAT: true, applyOnForward: true, ...allowIn })];
    const table = (docs: object[], felix: object | undefined, name: string, chain: string): string[] =>
      chainRules(nodePlan(felixWorld(PODS, docs, felix, '198.51.100.10')).iptables.split(`*${name}`)[1].split('COMMIT')[0], chain);
    for (const chain of ['cali-th-eth0', 'cali-fh-eth0']) expect(table(raw, FLOW_LOGS, 'raw', chain)).toEqual(table(raw, undefined, 'raw', chain));
    expect(table(pre, FLOW_LOGS, 'mangle', 'cali-fh-eth0')).toEqual(table(pre, undefined, 'mangle', 'cali-fh-eth0'));
    expect(table(pre, FLOW_LOGS, 'mangle', 'cali-fh-eth0')).toEqual([...CT, '--jump cali-failsafe-in', ...CLEAR, ...jumpTo('cali-pi-gnp/c')]);
  });
});
