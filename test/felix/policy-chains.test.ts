// Felix's felix/rules/policy_test.go (calico master): the staged-policy tables, the rules Felix
// renders nothing for ("with default renderer": "should skip ..."; "Filtered rules (negated
// catch-all CIDR validation)", see below) and "rule metadata tests" "should include a chain name comment with a
// policy", as manifests. Where Felix renders no rule, the engine must not let the rule decide either:
// each such row also checks the flow a -> b against the policy's end-of-tier deny.
//
// A skipped rule renders no rule at all, as Felix (ProtoRuleToIptablesRules returns nothing): a
// policy chain left empty holds only the rule carrying the chain comment (Felix's empty Rule with
// the chain comments). Also here (felix/calc/rule_convert.go ipVersionToProtoIPVersion): a rule with
// protocol ICMP (ICMPv6) by name and no ipVersion is an IPv4 (IPv6) rule, so it renders nothing in
// ip6tables (iptables); by number it renders in both.
//
// Left out, and why:
// - "Rules with catch-all negated CIDRs should be filtered out": Felix drops such a rule; our
//   validation refuses the manifest (naming file#document, field and value), so no plan is made.
//   The rows assert that refusal.
// - the "... with flow logs enabled" variants (staged policies, the chain name comment with a
//   policy): in flow-logs.test.ts.
// - "IPv4/IPv6 should include annotations in comments": comments are aside in these fixtures.
// - "should include a chain name comment with a profile" (and its flow-log variant): a manifest
//   makes profiles only from namespaces (`kns.<ns>`) and service accounts (`ksa.<ns>.<sa>`), so no
//   profile is named `long-policy-name-that-gets-hashed`.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { hex } from '../../lib/iptables/marks';
import { DEFAULT_MARKS } from '../helpers/marks';
import { Dir, NODE_IP, PODS_V4, PODS_V6, Version, fooPolicy, planOf, tableText } from './policy-rules';
import { chainRules, felixWorld } from './world';

describe('policy_test.go staged policies: "Staged policies should be skipped"', () => {
  it.each<[string, Dir, string]>([
    ['Inbound deny rules should be correctly rendered within a staged policy', 'ingress', 'Deny'],
    ['Outbound deny rules should be correctly rendered within a staged policy', 'egress', 'Deny'],
    ['Inbound allow rules should be correctly rendered within a staged policy', 'ingress', 'Allow'],
    ['Outbound allow rules should be correctly rendered within a staged policy', 'egress', 'Allow'],
  ])('%s: no policy chain at all', (_name, dir, action) => {
    for (const v of [4, 6] as const) {
      const text = tableText(planOf(v, [fooPolicy([{ action, protocol: 'TCP', destination: { ports: [81] } }], dir, 'StagedGlobalNetworkPolicy')]), v);
      expect(text.split('\n').filter((l) => /^(:|-A )cali-p[io]-/.test(l))).toEqual([]);
    }
  });
});

const CHAIN: Record<Dir, string> = { ingress: 'cali-pi-gnp/foo', egress: 'cali-po-gnp/foo' };

/** The chain holds no rule of the policy's: only the empty rule that carries the chain comment. */
function expectNoEffectiveRule(v: Version, rule: object): void {
  const text = tableText(planOf(v, [fooPolicy([rule], 'ingress')]), v);
  expect(chainRules(text, CHAIN.ingress)).toEqual(['']);
  // with a rule after it, the skipped rule leaves no trace: the next rule comes first and carries the chain comment
  const next = tableText(planOf(v, [fooPolicy([rule, { action: 'Deny' }], 'ingress')]), v);
  expect(chainRules(next, CHAIN.ingress)).toEqual([
    `--jump MARK --set-mark ${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)}`, `-m mark --mark ${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)} --jump DROP`,
  ]);
  expect(next.split('\n').filter((l) => l.startsWith(`-A ${CHAIN.ingress} `))[0]).toMatch(/ Policy gnp foo ingress .*rule 1 Deny"/);
}

/** The engine, like the plan, lets the rule decide nothing: a -> b TCP 80 meets the end-of-tier deny. */
function expectEngineDenies(v: Version, rule: object): void {
  const model = felixWorld(v === 4 ? PODS_V4 : PODS_V6, [fooPolicy([rule], 'ingress')], undefined, NODE_IP);
  const verdict = evaluateFlow(model, buildFlow(model, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 80 }));
  expect(verdict.allowed).toBe(false);
  expect(verdict.ingress.stages.map((s) => [s.stage, s.verdict])).toEqual([['workload', 'deny']]);
}

describe('policy_test.go "with default renderer": rules Felix skips for an IP version', () => {
  it.each<[string, Version, object]>([
    ['should skip rules of incorrect IP version', 6, { action: 'Allow', ipVersion: 4 }],
    ['should skip with mixed source CIDR matches (IPv4 net, IPv6 rendering)', 6, { action: 'Allow', source: { nets: ['10.0.0.1/32'] } }],
    ['should skip with mixed source CIDR matches (IPv6 net, IPv4 rendering)', 4, { action: 'Allow', source: { nets: ['feed::beef/128'] } }],
    ['should skip with mixed dest CIDR matches (IPv4 net, IPv6 rendering)', 6, { action: 'Allow', destination: { nets: ['10.0.0.1/32'] } }],
    ['should skip with mixed dest CIDR matches (IPv6 net, IPv4 rendering)', 4, { action: 'Allow', destination: { nets: ['feed::beef/128'] } }],
    ['should skip with mixed negated source CIDR matches (IPv4 net, IPv6 rendering)', 6, { action: 'Allow', source: { notNets: ['10.0.0.1/32'] } }],
    ['should skip with mixed negated source CIDR matches (IPv6 net, IPv4 rendering)', 4, { action: 'Allow', source: { notNets: ['feed::beef/128'] } }],
    ['should skip with mixed negated dest CIDR matches (IPv4 net, IPv6 rendering)', 6, { action: 'Allow', destination: { notNets: ['10.0.0.1/32'] } }],
    ['should skip with mixed negated dest CIDR matches (IPv6 net, IPv4 rendering)', 4, { action: 'Allow', destination: { notNets: ['feed::beef/128'] } }],
    ['(rule_convert.go) protocol ICMP by name is IPv4 only: nothing in ip6tables', 6, { action: 'Allow', protocol: 'ICMP' }],
    ['(rule_convert.go) protocol ICMPv6 by name is IPv6 only: nothing in iptables', 4, { action: 'Allow', protocol: 'ICMPv6' }],
  ])('%s', (_name, v, rule) => {
    expectNoEffectiveRule(v, rule);
    expectEngineDenies(v, rule);
  });
});

describe('felix/calc/rule_convert.go ipVersionToProtoIPVersion: the IP version a protocol implies', () => {
  const ICMP_ALLOW: readonly [Version, string, string][] = [[4, 'ICMP', '-p icmp'], [6, 'ICMPv6', '-p icmpv6']];
  it.each(ICMP_ALLOW)('IPv%s: protocol %s renders %s in its own IP version, and the engine allows it there only', (v, protocol, match) => {
    const rule = { action: 'Allow', protocol };
    const text = tableText(planOf(v, [fooPolicy([rule], 'ingress')]), v);
    expect(chainRules(text, CHAIN.ingress)).toEqual([`${match} --jump MARK --set-mark ${hex(DEFAULT_MARKS.accept)}/${hex(DEFAULT_MARKS.accept)}`]);
    const flow = (pods: typeof PODS_V4, p: string): boolean => {
      const model = felixWorld(pods, [fooPolicy([rule], 'ingress')], undefined, NODE_IP);
      return evaluateFlow(model, buildFlow(model, { from: 'app/a', to: 'app/b', protocol: p })).allowed;
    };
    expect(flow(v === 4 ? PODS_V4 : PODS_V6, protocol)).toBe(true);
    // the same protocol number in the other IP version: Felix has no rule there, the tier's end denies
    expect(flow(v === 4 ? PODS_V6 : PODS_V4, protocol)).toBe(false);
  });

  it('by number (1, 58) a protocol implies no IP version: the rule renders in both', () => {
    for (const [protocol, token] of [['1', '-p 1'], ['58', '-p 58']]) {
      for (const v of [4, 6] as const) {
        const text = tableText(planOf(v, [fooPolicy([{ action: 'Allow', protocol }], 'ingress')]), v);
        expect(chainRules(text, CHAIN.ingress)).toEqual([`${token} --jump MARK --set-mark ${hex(DEFAULT_MARKS.accept)}/${hex(DEFAULT_MARKS.accept)}`]);
      }
    }
  });
});

describe('policy_test.go "Rules with catch-all negated CIDRs should be filtered out"', () => {
  it.each<[string, Version, object]>([
    ['Negated catch-all IPv4 source net (should be filtered out)', 4, { source: { notNets: ['0.0.0.0/0'] } }],
    ['Negated catch-all IPv6 source net (should be filtered out)', 6, { source: { notNets: ['::/0'] } }],
    ['Negated catch-all IPv4 destination net (should be filtered out)', 4, { destination: { notNets: ['0.0.0.0/0'] } }],
    ['Negated catch-all IPv6 destination net (should be filtered out)', 6, { destination: { notNets: ['::/0'] } }],
  ])('%s: refused with the field and value (Felix drops the rule; a rule that matches nothing is a mistake to report)', (_name, v, match) => {
    const rule = { action: 'Allow', ...match };
    expect(() => planOf(v, [fooPolicy([rule], 'ingress')])).toThrow(/notNets\[0\]: a catch-all CIDR in notNets matches no traffic/);
  });
});

describe('policy_test.go "rule metadata tests": "should include a chain name comment with a policy"', () => {
  it('a long GlobalNetworkPolicy name: chains cali-pi-/cali-po-_PymyFHQQg3808jiz1OJ, the allow rule (its RETURN stripped), an empty egress chain', () => {
    const policy = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'long-policy-name-that-gets-hashed' },
      spec: { selector: "app == 'b'", types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow' }] },
    };
    const text = planOf(4, [policy]).iptables;
    expect(chainRules(text, 'cali-pi-_PymyFHQQg3808jiz1OJ')).toEqual([`--jump MARK --set-mark ${hex(DEFAULT_MARKS.accept)}/${hex(DEFAULT_MARKS.accept)}`]);
    expect(chainRules(text, 'cali-po-_PymyFHQQg3808jiz1OJ')).toEqual(['']);
    // Felix's comment "GlobalNetworkPolicy long-policy-name-that-gets-hashed ingress" is on the first rule; ours names the policy there too
    expect(text).toMatch(/-A cali-pi-_PymyFHQQg3808jiz1OJ -m comment --comment "cali:\S+ Policy gnp long-policy-name-that-gets-hashed ingress /);
  });
});
