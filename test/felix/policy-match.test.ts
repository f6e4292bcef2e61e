// Felix's felix/rules/policy_test.go (calico master), the DescribeTables over ruleTestData
// ("Protobuf rule to iptables rule conversion"): every row of policy-rule-data.ts rendered with each
// action, as Felix's table expects (marks, sets and the policy ID translated as policy-rules.ts says;
// "(negated)" is added where Felix repeats a description in its negated block).
//
// Covered tables: "Allow rules should be correctly rendered", "pass rules should be correctly
// rendered", "Log rules should be correctly rendered", "... with non-default prefix", "... with
// specifiers in prefix" (the GlobalNetworkPolicy and Calico NetworkPolicy parts), "... with rate
// limits" (FelixConfiguration logActionRateLimit and logActionRateLimitBurst), "Deny (DROP) rules
// should be correctly rendered", "Inbound deny rules should be correctly rendered within a policy",
// "Outbound deny rules ..." and "Deny (REJECT) rules ..." (the REJECT table is in policy.test.ts).
//
// Left out, and why:
// - every "... with flowlogs enabled" table is in flow-logs.test.ts (FelixConfiguration
//   flowLogsLocalReporter Enabled).
// - "Explicit allow should be treated the same as empty" and the `next-tier` half of the pass table:
//   proto.Rule action spellings; a Calico manifest always names its action (Allow, Pass).
// - the profile part of "... with specifiers in prefix": profiles come from namespaces and service
//   accounts and have no Log rules. (Its `%%` handling is checked on expandLogPrefix directly.)
// - 3.31 (v3.31.7 policy_test.go, same table): the GlobalNetworkPolicy and Calico NetworkPolicy
//   parts are at the end of this file; 3.31's kanp/kbanp kinds by name prefix are not exercised.
// - the staged-policy tables are in policy-chains.test.ts.
import { expandLogPrefix } from '../../lib/iptables/log-prefix';
import { RULE_DATA } from './policy-rule-data';
import { Dir, NODE_IP, PODS_V4, felixMarks, felixSets, fooPolicy, planOf, ruleRules, tableText, withAction } from './policy-rules';
import { chainRules, felixWorld, nodePlan } from './world';

const rows = RULE_DATA.map(([desc, v, rule, match, prefix]) => ({ desc, v, rule, match: felixSets(`${prefix}${match}`, v) }));
const logAction = (prefix: string): string => `--jump LOG --log-prefix "${prefix}: " --log-level 5`;

describe.each(rows)('policy_test.go ruleTestData: $desc (IPv$v)', ({ v, rule, match }) => {
  it('Allow rules should be correctly rendered: set the accept mark, then RETURN on it', () => {
    expect(ruleRules(v, { ...rule, action: 'Allow' })).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x80/0x80')),
      felixMarks('-m mark --mark 0x80/0x80 --jump RETURN'),
    ]);
  });

  it('pass rules should be correctly rendered: set the pass mark, then RETURN on it', () => {
    expect(ruleRules(v, { ...rule, action: 'Pass' })).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x100/0x100')),
      felixMarks('-m mark --mark 0x100/0x100 --jump RETURN'),
    ]);
  });

  it('Log rules should be correctly rendered: one LOG rule, prefix calico-packet', () => {
    expect(ruleRules(v, { ...rule, action: 'Log' })).toEqual([withAction(match, logAction('calico-packet'))]);
  });

  it('Log rules should be correctly rendered with non-default prefix', () => {
    expect(ruleRules(v, { ...rule, action: 'Log' }, 'ingress', { logPrefix: 'foobar' })).toEqual([withAction(match, logAction('foobar'))]);
  });

  it('Log rules should be correctly rendered with specifiers in prefix (GlobalNetworkPolicy)', () => {
    // Felix: "foobar %t %k %p %n - %n %p %k %t" for gnp default.foo in tier default; ours is gnp foo
    const rules = ruleRules(v, { ...rule, action: 'Log' }, 'ingress', { logPrefix: 'foobar %t %k %p %n - %n %p %k %t' });
    expect(rules).toEqual([withAction(match, logAction('foobar default gnp foo foo - foo foo gnp default'))]);
  });

  it.each<[string, object, string]>([
    // Felix's renderer config leaves the burst 0 in the first half of the test; a FelixConfiguration says so with 0
    ['rate only (burst 0)', { logActionRateLimit: '50/minute', logActionRateLimitBurst: 0 }, '-m limit --limit 50/minute'],
    ['rate and burst', { logActionRateLimit: '50/minute', logActionRateLimitBurst: 90 }, '-m limit --limit 50/minute --limit-burst 90'],
    // Felix's default burst when the FelixConfiguration sets none: 5 (felix/config/config_params.go "int(0,9999);5")
    ['rate, burst left to Felix', { logActionRateLimit: '50/minute' }, '-m limit --limit 50/minute --limit-burst 5'],
  ])('Log rules should be correctly rendered with rate limits: %s (the limit before the match, as Felix combines them)', (_n, felix, limit) => {
    const rules = ruleRules(v, { ...rule, action: 'Log' }, 'ingress', { ...felix, logPrefix: 'foobar' });
    expect(rules).toEqual([withAction(limit, withAction(match, logAction('foobar')))]);
  });

  it('Deny (DROP) rules should be correctly rendered: set the drop mark, then DROP on it', () => {
    expect(ruleRules(v, { ...rule, action: 'Deny' })).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x800/0x800')),
      felixMarks('-m mark --mark 0x800/0x800 --jump DROP'),
    ]);
  });

  it.each<[string, Dir, Dir]>([
    ['Inbound deny rules should be correctly rendered within a policy', 'ingress', 'egress'],
    ['Outbound deny rules should be correctly rendered within a policy', 'egress', 'ingress'],
  ])('%s: the rule in its chain, the other chain only its comment', (_name, dir, other) => {
    const text = tableText(planOf(v, [fooPolicy([{ ...rule, action: 'Deny' }], dir)]), v);
    const chain = (d: Dir): string => (d === 'ingress' ? 'cali-pi-gnp/foo' : 'cali-po-gnp/foo');
    expect(chainRules(text, chain(dir))).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x800/0x800')),
      felixMarks('-m mark --mark 0x800/0x800 --jump DROP'),
    ]);
    expect(chainRules(text, chain(other))).toEqual(['']);
    // Felix's chain comment ("GlobalNetworkPolicy default.foo egress") is on that one rule; ours names the policy too
    expect(text).toMatch(new RegExp(`-A ${chain(other)} -m comment --comment "cali:\\S+ Policy gnp foo ${other} `));
  });
});

describe('policy_test.go "Log rules should be correctly rendered with specifiers in prefix": a Calico NetworkPolicy', () => {
  it('names kind np, namespace/name, tier and name: "calico-packet %k:%p:%t:%n" gives np:app/foo:admin:foo', () => {
    const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'admin' }, spec: { order: 100 } };
    const np = {
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'foo', namespace: 'app' },
      spec: { tier: 'admin', selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Log' }] },
    };
    const text = planOf(4, [tier, np], { logPrefix: 'calico-packet %k:%p:%t:%n' }).iptables;
    expect(text.split('\n').filter((l) => l.includes('--jump LOG') && l.startsWith('-A cali-pi-')).map((l) => l.replace(/^-A \S+ -m comment --comment "[^"]*" /, '')))
      .toEqual([logAction('calico-packet np:app/foo:admin:foo')]);
  });

  it('keeps % sequences that are no specifier (Felix\'s profile case "%p:%k:%%y%t%%n": %%y stays, %%n keeps one %)', () => {
    // Felix's expected text for profile1 (no tier): "calico-packet profile1:pro:%%y%profile1"
    expect(expandLogPrefix('calico-packet %p:%k:%%y%t%%n', { kind: 'pro', name: 'profile1', tier: '' })).toBe('calico-packet profile1:pro:%%y%profile1');
  });
});

describe('FelixConfiguration logActionRateLimit / logActionRateLimitBurst outside the CRD\'s bounds are refused', () => {
  it.each<[object, RegExp]>([
    [{ logActionRateLimit: '50/week' }, /spec\.logActionRateLimit: invalid logActionRateLimit \(got "50\/week"/],
    [{ logActionRateLimit: '0/second' }, /spec\.logActionRateLimit: invalid logActionRateLimit/],
    [{ logActionRateLimit: '1/second', logActionRateLimitBurst: 10000 }, /spec\.logActionRateLimitBurst: invalid logActionRateLimitBurst \(got 10000/],
  ])('%j', (felix, message) => {
    expect(() => planOf(4, [fooPolicy([{ action: 'Log' }], 'ingress')], felix)).toThrow(message);
  });
});

describe('Calico 3.31 log prefix specifiers (v3.31.7 felix/rules/policy_test.go "Log rules should be correctly rendered with specifiers in prefix")', () => {
  const logLines = (text: string): string[] => text.split('\n').filter((l) => l.includes('--jump LOG') && l.startsWith('-A cali-pi-'))
    .map((l) => l.replace(/^-A \S+ -m comment --comment "[^"]*" /, ''));
  const plan331 = (manifests: object[], logPrefix: string): string =>
    nodePlan(felixWorld(PODS_V4, manifests, { logPrefix }, NODE_IP, [], '3.31')).iptables;

  it('GlobalNetworkPolicy foo (v1 name default.foo): tier default, kind gnp, the name without its tier', () => {
    expect(logLines(plan331([fooPolicy([{ action: 'Log' }], 'ingress')], 'foobar %t %k %p %n - %n %p %k %t')))
      .toEqual([logAction('foobar default gnp foo foo - foo foo gnp default')]);
  });

  it('a Calico NetworkPolicy admin.foo in tier admin (v1 name app/admin.foo): np:app/foo:admin:foo', () => {
    const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'admin' }, spec: { order: 100 } };
    const np = {
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'admin.foo', namespace: 'app' },
      spec: { tier: 'admin', selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Log' }] },
    };
    expect(logLines(plan331([tier, np], 'calico-packet %k:%p:%t:%n'))).toEqual([logAction('calico-packet np:app/foo:admin:foo')]);
  });
});
