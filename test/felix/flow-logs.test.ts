// Flow logs (FelixConfiguration flowLogsGoldmaneServer / flowLogsLocalReporter, v3.32.1
// felix/config/config_params.go FlowLogsEnabled) in the plan: Felix's NFLOG rules, held against
// the flow-log cases of felix/rules/policy_test.go and all of felix/rules/nflogprefix_test.go
// (v3.32.1); the endpoint-chain cases of endpoints_test.go ("Endpoints with flowlogs") are in
// endpoints.test.ts, CIDR split and named ports in policy-blocks.test.ts.
//
// Marks, sets, the policy ID and `--nflog-range`/`--nflog-size` are translated as policy-rules.ts says.
// Left out, and why:
// - nflogprefix_test.go rows whose names no manifest can carry (upper-case letters in chars62 and
//   chars63, profile `short.profile.name` with rule index 999, the 58-character tier): their prefixes
//   are checked on the prefix functions themselves; the rows a manifest can express also in a plan.
// - "should include a chain name comment with a profile and flowlogs enabled": no manifest names a
//   profile `long-policy-name-that-gets-hashed` (profiles are kns.<ns> and ksa.<ns>.<sa>); the
//   profile NFLOG (`ARI0|kns.app`) is checked on a namespace profile instead.
// - the `next-tier` half of the pass table and "Explicit allow ...": proto.Rule spellings.
import { buildFlow, buildTruthTable, evaluateFlow } from '../../lib/engine';
import { endOfTierNflogPrefix, noMatchProfileNflogPrefix, ruleNflogPrefix } from '../../lib/iptables/nflog';
import { RULE_DATA } from './policy-rule-data';
import { Dir, FLOW_LOGS, NODE_IP, PODS_V4, felixMarks, felixNflog, felixSets, fooPolicy, planOf, ruleRules, tableText, withAction } from './policy-rules';
import { chainRules, felixWorld, nodePlan } from './world';

/** Felix's rendering of its test's NFLOG rule (policy_test.go nflogAllowRule and the NflogAction rows). */
const felixNflogRule = (mark: string, group: number, prefix: string): string =>
  felixNflog(felixMarks(`-m mark --mark ${mark}/${mark} --jump NFLOG --nflog-group ${group} --nflog-prefix ${prefix} --nflog-range 80`));

const rows = RULE_DATA.map(([desc, v, rule, match, prefix]) => ({ desc, v, rule, match: felixSets(`${prefix}${match}`, v) }));

describe.each(rows)('policy_test.go ruleTestData with flowlogs enabled: $desc (IPv$v)', ({ v, rule, match }) => {
  it('Allow rules should be correctly rendered with flowlogs enabled: mark, NFLOG API0 in group 1, RETURN', () => {
    expect(ruleRules(v, { ...rule, action: 'Allow' }, 'ingress', FLOW_LOGS)).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x80/0x80')),
      felixNflogRule('0x80', 1, 'API0|gnp/default.foo'),
      felixMarks('-m mark --mark 0x80/0x80 --jump RETURN'),
    ]);
  });

  it('pass rules should be correctly rendered with flowlogs enabled: mark, NFLOG PPI0, RETURN', () => {
    expect(ruleRules(v, { ...rule, action: 'Pass' }, 'ingress', FLOW_LOGS)).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x100/0x100')),
      felixNflogRule('0x100', 1, 'PPI0|gnp/default.foo'),
      felixMarks('-m mark --mark 0x100/0x100 --jump RETURN'),
    ]);
  });

  it('Log rules (default and non-default prefix): "Enabling flow log must not have any effect"', () => {
    for (const felix of [{}, { logPrefix: 'foobar' }]) {
      expect(ruleRules(v, { ...rule, action: 'Log' }, 'ingress', { ...felix, ...FLOW_LOGS })).toEqual(ruleRules(v, { ...rule, action: 'Log' }, 'ingress', felix));
    }
  });

  it('Deny (DROP) rules should be correctly rendered with flowlogs enabled: mark, NFLOG DPI0, DROP', () => {
    expect(ruleRules(v, { ...rule, action: 'Deny' }, 'ingress', FLOW_LOGS)).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x800/0x800')),
      felixNflogRule('0x800', 1, 'DPI0|gnp/default.foo'),
      felixMarks('-m mark --mark 0x800/0x800 --jump DROP'),
    ]);
  });

  it('Deny (REJECT) rules should be correctly rendered with flowlogs enabled: mark, NFLOG DPI0, REJECT', () => {
    // the rule alone in its chain (a Deny ends in REJECT, not in a RETURN Felix would strip)
    const text = tableText(planOf(v, [fooPolicy([{ ...rule, action: 'Deny' }], 'ingress')], { iptablesFilterDenyAction: 'Reject', ...FLOW_LOGS }), v);
    expect(chainRules(text, 'cali-pi-gnp/foo')).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x800/0x800')),
      felixNflogRule('0x800', 1, 'DPI0|gnp/default.foo'),
      felixMarks('-m mark --mark 0x800/0x800 --jump REJECT'),
    ]);
  });

  it.each<[string, Dir, Dir, number, string]>([
    ['Inbound deny rules should be correctly rendered within a policy with flowlogs enabled', 'ingress', 'egress', 1, 'DPI0|gnp/default.foo'],
    ['Outbound deny rules should be correctly rendered within a policy with flowlogs enabled', 'egress', 'ingress', 2, 'DPE0|gnp/default.foo'],
  ])('%s: three rules in its chain, the other chain only its comment', (_name, dir, other, group, prefix) => {
    const text = tableText(planOf(v, [fooPolicy([{ ...rule, action: 'Deny' }], dir)], FLOW_LOGS), v);
    const chain = (d: Dir): string => (d === 'ingress' ? 'cali-pi-gnp/foo' : 'cali-po-gnp/foo');
    expect(chainRules(text, chain(dir))).toEqual([
      withAction(match, felixMarks('--jump MARK --set-mark 0x800/0x800')),
      felixNflogRule('0x800', group, prefix),
      felixMarks('-m mark --mark 0x800/0x800 --jump DROP'),
    ]);
    expect(chainRules(text, chain(other))).toEqual(['']);
  });
});

describe('policy_test.go flow-log cases outside ruleTestData', () => {
  it('staged policies: "Should be same with flowlogs enabled" (no policy chain at all)', () => {
    for (const v of [4, 6] as const) {
      for (const [dir, action] of [['ingress', 'Deny'], ['egress', 'Deny'], ['ingress', 'Allow'], ['egress', 'Allow']] as const) {
        const text = tableText(planOf(v, [fooPolicy([{ action, protocol: 'TCP', destination: { ports: [81] } }], dir, 'StagedGlobalNetworkPolicy')], FLOW_LOGS), v);
        expect(text.split('\n').filter((l) => /^(:|-A )cali-p[io]-/.test(l))).toEqual([]);
      }
    }
  });

  it('"should include a chain name comment with a policy and flowlogs enabled": the hashed chain ends with the NFLOG (trailing RETURN stripped)', () => {
    const gnp = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'long-policy-name-that-gets-hashed' },
      spec: { selector: "app == 'b'", types: ['Ingress'], ingress: [{ action: 'Allow' }] },
    };
    const text = planOf(4, [gnp], FLOW_LOGS).iptables;
    expect(chainRules(text, 'cali-pi-_PymyFHQQg3808jiz1OJ')).toEqual([
      felixMarks('--jump MARK --set-mark 0x80/0x80'),
      felixNflogRule('0x80', 1, 'API0|gnp/long-policy-name-that-gets-hashed'),
    ]);
  });

  it('a profile rule NFLOGs with owner R and the profile name (ProfileToIptablesChains): ARI0|kns.app, ARE0|kns.app', () => {
    const text = planOf(4, [], FLOW_LOGS).iptables;
    expect(chainRules(text, 'cali-pri-kns.app')).toEqual([felixMarks('--jump MARK --set-mark 0x80/0x80'), felixNflogRule('0x80', 1, 'ARI0|kns.app')]);
    expect(chainRules(text, 'cali-pro-kns.app')).toEqual([felixMarks('--jump MARK --set-mark 0x80/0x80'), felixNflogRule('0x80', 2, 'ARE0|kns.app')]);
  });

  it('the rule index counts every rule of the direction, a rule skipped for the IP version too (ProtoRulesToIptablesRules ii)', () => {
    const rules = [{ action: 'Allow', ipVersion: 6 }, { action: 'Deny', protocol: 'TCP' }];
    const text = planOf(4, [fooPolicy(rules, 'egress')], FLOW_LOGS).iptables;
    expect(chainRules(text, 'cali-po-gnp/foo')[1]).toBe(felixNflogRule('0x800', 2, 'DPE1|gnp/default.foo'));
  });

  it('an untracked (doNotTrack) policy renders no NFLOG ("we don\'t do this for untracked"); a pre-DNAT one does', () => {
    const hep = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'eth0', labels: { hep: 'yes' } }, spec: { node: 'node-1', interfaceName: 'eth0', expectedIPs: [NODE_IP] } };
    const gnp = (name: string, extra: object): object => ({
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name },
      spec: { selector: "hep == 'yes'", applyOnForward: true, types: ['Ingress'], ingress: [{ action: 'Allow' }], ...extra },
    });
    const text = planOf(4, [hep, gnp('untracked', { doNotTrack: true }), gnp('prednat', { preDNAT: true })], FLOW_LOGS).iptables;
    const raw = text.split('*raw')[1].split('COMMIT')[0];
    const mangle = text.split('*mangle')[1].split('COMMIT')[0];
    expect(chainRules(raw, 'cali-pi-gnp/untracked')).toEqual([felixMarks('--jump MARK --set-mark 0x80/0x80')]);
    expect(chainRules(mangle, 'cali-pi-gnp/prednat')).toEqual([felixMarks('--jump MARK --set-mark 0x80/0x80'), felixNflogRule('0x80', 1, 'API0|gnp/prednat')]);
    // raw and mangle endpoint chains have no tier-end drop, so no tier-end NFLOG either
    expect(raw + mangle).not.toMatch(/--nflog-prefix [DP]P[IE]\|/);
  });

  it('Calico 3.31 (v3.31.7 policy_test.go nflogAllowRule "API0|default.foo"): the v1 name, no kind', () => {
    const text = nodePlan(felixWorld(PODS_V4, [fooPolicy([{ action: 'Allow' }], 'ingress')], FLOW_LOGS, NODE_IP, [], '3.31')).iptables;
    const chain = text.split('\n').find((l) => l.startsWith('-A cali-pi-') && l.includes('NFLOG')) ?? '';
    expect(chain.replace(/^-A \S+ -m comment --comment "[^"]*" /, '')).toBe(felixMarks('-m mark --mark 0x80/0x80 --jump NFLOG --nflog-group 1 --nflog-prefix API0|foo --nflog-size 80'));
  });
});

// nflogprefix_test.go (v3.32.1), every Entry of its three tables.
const CHARS62 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CHARS63 = `${CHARS62}0`;
const LONG = 'this-is-still-quite-a-long-tier-name-even-though-its-not-required.quite-a-long-policy-name';

describe('nflogprefix_test.go "CalculateNFLOGPrefixStr should return correct result"', () => {
  it.each<[string, 'A' | 'D' | 'P', 'policy' | 'profile', Dir, number, string, string, boolean]>([
    ['Short NP name - will not hash', 'A', 'policy', 'ingress', 0, 'np/namespace1/default.policy', 'API0|np/namespace1/default.policy', false],
    ['Short profile name - will not hash', 'P', 'profile', 'egress', 999, 'short.profile.name', 'PRE999|short.profile.name', false],
    ['Policy name makes raw prefix 62 bytes - will not hash', 'D', 'policy', 'egress', 88, `gnp/${CHARS62}`, `DPE88|gnp/${CHARS62}`, false],
    ['Policy name makes raw prefix 63 bytes - will hash', 'D', 'policy', 'ingress', 88, `gnp/${CHARS63}`, 'DPI88|gnp/_12IXaBPahNM7a7dZhI8zg6PStmHsgneYaax8LVSIq_RSTUVWXYZ0', true],
    ['Very long GNP name - will hash', 'D', 'policy', 'egress', 1, `gnp/${LONG}`, 'DPE1|gnp/t_FSGxA9eGa6t_A5Rj2agPvl4aq8-eohq0An6xEW4n7_olicy-name', true],
    ['A similar (but different) very long GNP name - will hash', 'D', 'policy', 'egress', 2, `gnp/${LONG}2`, 'DPE2|gnp/t_G4MaamO0BQNQg8Ibyy-r9qg2HIK8-7EaPOVzsy5Nv_licy-name2', true],
  ])('%s', (_name, verdict, owner, dir, index, id, expected, hashed) => {
    const actual = ruleNflogPrefix(verdict, owner, dir, index, id);
    expect(actual).toBe(expected);
    if (hashed) expect(actual).toHaveLength(63);
    else expect(actual.length).toBeLessThan(63);
  });

  it('"Short NP name - will not hash" in a plan: a Calico NetworkPolicy default.policy (in our pods\' namespace app for Felix\'s namespace1)', () => {
    const np = {
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'default.policy', namespace: 'app' },
      spec: { selector: 'all()', types: ['Ingress'], ingress: [{ action: 'Allow' }] },
    };
    const text = planOf(4, [np], FLOW_LOGS).iptables;
    expect(text).toContain(' --jump NFLOG --nflog-group 1 --nflog-prefix API0|np/app/default.policy --nflog-size 80');
    expect(text).toContain('flow logs on: NFLOG groups 1 and 2');
  });

  it.each<[string, number, string]>([
    ['Very long GNP name - will hash', 1, 'DPE1|gnp/t_FSGxA9eGa6t_A5Rj2agPvl4aq8-eohq0An6xEW4n7_olicy-name'],
    ['A similar (but different) very long GNP name - will hash', 2, 'DPE2|gnp/t_G4MaamO0BQNQg8Ibyy-r9qg2HIK8-7EaPOVzsy5Nv_licy-name2'],
  ])('"%s" in a plan: a GlobalNetworkPolicy of that name, egress Deny at index %i', (_name, index, expected) => {
    const egress = [...Array.from({ length: index }, () => ({ action: 'Log' })), { action: 'Deny' }];
    const gnp = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: index === 1 ? LONG : `${LONG}2` },
      spec: { selector: "app == 'b'", types: ['Egress'], egress },
    };
    expect(planOf(4, [gnp], FLOW_LOGS).iptables).toContain(` --jump NFLOG --nflog-group 2 --nflog-prefix ${expected} --nflog-size 80`);
  });
});

describe('nflogprefix_test.go "CalculateEndOfTierDropNFLOGPrefixStr should return correct result"', () => {
  it.each<[string, Dir, string, string, boolean]>([
    ['Short tier name - will not hash', 'egress', 'tier-1', 'DPE|tier-1', false],
    ['Tier name makes raw prefix 62 bytes - will not hash', 'ingress', 'tier-01234567890123456789012345678901234567890123456789012', 'DPI|tier-01234567890123456789012345678901234567890123456789012', false],
    ['Tier name makes raw prefix 63 bytes - will hash', 'ingress', 'tier-012345678901234567890123456789012345678901234567890123', 'DPI|tier-0_phEfG4Vhbq2xh4TQsePNa2X9YRj5peCVw1FgaNSbd_4567890123', true],
  ])('%s', (_name, dir, tier, expected, hashed) => {
    const actual = endOfTierNflogPrefix('D', dir, tier);
    expect(actual).toBe(expected);
    if (hashed) expect(actual).toHaveLength(63);
    else expect(actual.length).toBeLessThan(63);
  });

  it('"Short tier name - will not hash" in a plan: tier tier-1 ends egress with NFLOG DPE|tier-1 before its drop', () => {
    const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'tier-1' }, spec: { order: 10 } };
    const gnp = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'tier-1.p' },
      spec: { tier: 'tier-1', selector: "app == 'a'", types: ['Egress'], egress: [{ action: 'Pass' }] },
    };
    const plan = planOf(4, [tier, gnp], FLOW_LOGS);
    const fw = chainRules(plan.iptables, plan.iptables.split('\n').map((l) => /^:(cali-fw-\S+)/.exec(l)?.[1]).find((n) => n !== undefined) ?? '');
    const at = fw.indexOf(felixMarks('-m mark --mark 0/0x100 --jump DROP'));
    expect(fw[at - 1]).toBe(felixMarks('-m mark --mark 0/0x100 --jump NFLOG --nflog-group 2 --nflog-prefix DPE|tier-1 --nflog-size 80'));
  });
});

describe('nflogprefix_test.go "CalculateNoMatchProfileNFLOGPrefixStr should return correct result"', () => {
  it.each<[string, Dir, string]>([['Ingress', 'ingress', 'DRI'], ['Egress', 'egress', 'DRE']])('%s', (_name, dir, expected) => {
    expect(noMatchProfileNflogPrefix(dir)).toBe(expected);
  });
});

describe('flow logs: the switches, and the engine', () => {
  it('flowLogsLocalReporter other than Enabled or Disabled is refused, naming the file#document and field', () => {
    expect(() => planOf(4, [], { flowLogsLocalReporter: 'enabled' }))
      .toThrow(/manifests\.yaml#\d+.*spec\.flowLogsLocalReporter: invalid flowLogsLocalReporter \(got "enabled"; allowed: Enabled or Disabled\)/);
  });

  it('either switch gives the same plan; neither, or Disabled and an empty server, gives none', () => {
    const docs = [fooPolicy([{ action: 'Deny', protocol: 'TCP', destination: { ports: [81] } }, { action: 'Allow' }], 'ingress')];
    const on = planOf(4, docs, FLOW_LOGS);
    expect(planOf(4, docs, { flowLogsGoldmaneServer: 'goldmane.calico-system.svc:7443' })).toEqual(on);
    expect(planOf(4, docs, { flowLogsLocalReporter: 'Disabled', flowLogsGoldmaneServer: '' }).iptables).not.toContain('NFLOG');
    expect(on.iptables).toContain('NFLOG');
  });

  it('NFLOG does not end a chain: every verdict and truth table is the same with flow logs on', () => {
    const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'pass-tier' }, spec: { order: 10, defaultAction: 'Pass' } };
    const docs = [
      tier,
      { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'pass-tier.p' }, spec: { tier: 'pass-tier', selector: 'all()', types: ['Ingress'], ingress: [{ action: 'Deny', protocol: 'UDP' }] } },
      fooPolicy([{ action: 'Deny', protocol: 'TCP', destination: { ports: [81] } }, { action: 'Pass', protocol: 'TCP', destination: { ports: [82] } }, { action: 'Allow', protocol: 'TCP' }], 'ingress'),
    ];
    const off = felixWorld(PODS_V4, docs, undefined, NODE_IP);
    const on = felixWorld(PODS_V4, docs, FLOW_LOGS, NODE_IP);
    expect(on.felix.flowLogs).toBe(true);
    expect(off.felix.flowLogs).toBe(false);
    for (const [protocol, port] of [['TCP', 80], ['TCP', 81], ['TCP', 82], ['UDP', 53], ['ICMP', undefined]] as const) {
      for (const [from, to] of [['app/a', 'app/b'], ['app/b', 'app/a'], ['app/a', '203.0.113.5']]) {
        const judge = (m: typeof on): unknown => {
          const r = evaluateFlow(m, buildFlow(m, { from, to, protocol, port }));
          return [r.allowed, r.reason];
        };
        expect(judge(on)).toEqual(judge(off));
      }
      const cells = (m: typeof on): boolean[] => {
        const t = buildTruthTable(m, { protocol, port });
        return t.ids.flatMap((a) => t.ids.map((b) => t.allowed(a, b)));
      };
      expect(cells(on)).toEqual(cells(off));
    }
    // and the plan does carry them: a pass tier ends with the pass NFLOG, no drop
    const plan = nodePlan(on);
    expect(plan.iptables).toContain(felixMarks('-m mark --mark 0/0x100 --jump NFLOG --nflog-group 1 --nflog-prefix PPI|pass-tier --nflog-size 80'));
  });
});
