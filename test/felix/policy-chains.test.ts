// Felix's felix/rules/policy_test.go (calico master): the staged-policy tables, the rules Felix
// renders nothing for ("with default renderer": "should skip ..."; "Filtered rules (negated
// catch-all CIDR validation)", see below) and "rule metadata tests" "should include a chain name comment with a
// policy", as manifests. Where Felix renders no rule, the engine must not let the rule decide either:
// each such row also checks the flow a -> b against the policy's end-of-tier deny.
//
// Left out, and why:
// - Felix renders *no* rule for a skipped rule, and neither do we: a chain whose only rule is
//   skipped holds just the rule that carries the chain's comment (no match, no target), as Felix's.
// - "Rules with catch-all negated CIDRs should be filtered out": Felix drops such a rule; our
//   validation refuses the manifest (naming file#document, field and value), so no plan is made.
//   The rows assert that refusal.
// - the "... with flow logs enabled" Context and tables: flow logs are not rendered.
// - "IPv4/IPv6 should include annotations in comments": comments are aside in these fixtures.
// - "should include a chain name comment with a profile" (and its flow-log variant): a manifest
//   makes profiles only from namespaces (`kns.<ns>`) and service accounts (`ksa.<ns>.<sa>`), so no
//   profile is named `long-policy-name-that-gets-hashed`.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { DEFAULT_MARKS, hex } from '../../lib/iptables/marks';
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

/** The chain holds only the rule with the chain's comment: no match, no target (see the file head). */
function expectNoEffectiveRule(v: Version, rule: object): void {
  const text = tableText(planOf(v, [fooPolicy([rule], 'ingress')]), v);
  expect(chainRules(text, CHAIN.ingress)).toEqual(['']);
  expect(text.split('\n').filter((l) => l.startsWith(`-A ${CHAIN.ingress} `))[0]).toMatch(/--comment "cali:[A-Za-z0-9_-]{16} Policy [^"]+"$/);
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
  ])('%s', (_name, v, rule) => {
    expectNoEffectiveRule(v, rule);
    expectEngineDenies(v, rule);
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
