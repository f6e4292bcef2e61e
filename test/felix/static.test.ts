// Cases of Felix's felix/rules/static_test.go (calico master) held against our plan, with the
// engine's verdict where a flow shows them. Covered here: "IPv4/IPv6: should include the expected
// workload-to-host chain in the filter chains" (ICMPv6Filter in IPv6 only), the raw PREROUTING RPF
// rule and the workload dispatch chains under FilterDenyAction DROP and REJECT. Left out: IPIP,
// VXLAN, Wireguard, IPVS, OpenStack and NAT chains (not rendered: no manifest turns them on yet).
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { chainRules, felixWorld, nodePlan } from './world';

const V6_PODS = [{ name: 'a', ip: '2001:db8:1::11', labels: { app: 'a' } }, { name: 'b', ip: '2001:db8:1::12', labels: { app: 'b' } }];
const NODE_V6 = '2001:db8:2::10';
const ICMPV6_ACCEPTS = [130, 131, 132, 133, 135, 136].map((t) => `-p 58 -m icmp6 --icmpv6-type ${t} --jump ACCEPT`);

const EGRESS_DENY_ALL = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'no-egress' },
  spec: { selector: 'all()', types: ['Egress'], egress: [] },
};

describe('static_test.go: the workload-to-host chain', () => {
  it('IPv6: should include the expected workload-to-host chain (ICMPv6 types 130-133, 135, 136 accepted first)', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [], undefined, NODE_V6));
    expect(plan.ip6tables).toBeDefined();
    expect(chainRules(plan.ip6tables ?? '', 'cali-wl-to-host')).toEqual([
      ...ICMPV6_ACCEPTS, '--jump cali-from-wl-dispatch', '--jump DROP',
    ]);
  });

  it('IPv4: should include the expected workload-to-host chain (no ICMPv6 rules)', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [], undefined, NODE_V6));
    expect(chainRules(plan.iptables, 'cali-wl-to-host')).toEqual(['--jump cali-from-wl-dispatch', '--jump DROP']);
  });

  it('the engine: ND and MLD from a pod to its host pass before egress policy; echo and pod-to-pod do not', () => {
    const model = felixWorld(V6_PODS, [EGRESS_DENY_ALL], { defaultEndpointToHostAction: 'Accept' }, NODE_V6);
    const toHost = (icmpType: number): boolean => evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: NODE_V6, protocol: 'ICMPv6' }), icmpType }).allowed;
    for (const t of [130, 131, 132, 133, 135, 136]) expect(toHost(t)).toBe(true);
    expect(toHost(128)).toBe(false); // echo request: egress policy decides
    expect(toHost(134)).toBe(false); // router advertisement is not in Felix's list
    const ns = evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: NODE_V6, protocol: 'ICMPv6' }), icmpType: 135 });
    expect(ns.egress.stages.map((s) => s.stage)).toEqual(['workload-to-host']);
    expect(ns.egress.reason).toContain('ICMPv6 type 135');
    // The accept is in cali-wl-to-host (INPUT) only: a neighbour solicitation to another pod is forwarded and policed.
    expect(evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: 'app/b', protocol: 'ICMPv6' }), icmpType: 135 }).allowed).toBe(false);
  });
});

describe('static_test.go: raw PREROUTING RPF and the workload dispatch chains under the deny action', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  it.each([
    ['DROP (Felix default)', undefined, '--jump DROP'],
    ['REJECT', { iptablesFilterDenyAction: 'Reject' }, '--jump REJECT'],
  ])('%s: unknown workload interfaces get the deny action', (_name, spec, action) => {
    const plan = nodePlan(felixWorld(pods, [], spec, '198.51.100.10'));
    for (const chain of ['cali-from-wl-dispatch', 'cali-to-wl-dispatch']) {
      const rules = chainRules(plan.iptables, chain);
      expect(rules[rules.length - 1]).toBe(action);
    }
  });

  it('REJECT: the raw RPF check stays DROP (Felix renders REJECT, which the kernel refuses in raw: calico#7914, fix PR #12036)', () => {
    const plan = nodePlan(felixWorld(pods, [], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    const raw = plan.iptables.slice(plan.iptables.indexOf('*raw'), plan.iptables.indexOf('*mangle'));
    expect(chainRules(raw, 'cali-PREROUTING')).toContain('-m mark --mark 0x80000/0x80000 -m rpfilter --validmark --invert --jump DROP');
    expect(plan.iptables.slice(plan.iptables.indexOf('*raw'), plan.iptables.indexOf('*filter'))).not.toContain('REJECT');
    expect(plan.iptables).toContain('# iptablesFilterDenyAction Reject: REJECT in the filter table; raw keeps DROP');
  });

  it('REJECT: DefaultEndpointToHostAction Drop stays a plain DROP (rule_defs.go inputAcceptActions)', () => {
    const plan = nodePlan(felixWorld(pods, [], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    expect(chainRules(plan.iptables, 'cali-wl-to-host')).toEqual(['--jump cali-from-wl-dispatch', '--jump DROP']);
  });
});
