// Felix's felix/rules/policy_test.go (calico master): "CIDR split tests", "Named port tests" and
// "Port split tests" as Calico rules (Allow, IPv4). Felix's expected `-A test` lines are used as
// written, with marks and set IDs translated (policy-rules.ts): Felix's `ipset-<k>` is our set of
// named port `port-<k>` of the rule's protocol over all endpoints (the rule side has no selector).
// Felix's port lists are Calico port strings (`1:2`); its named-port IDs are port names.
//
// Left out, and why:
// "CIDR split tests with flowlogs enabled" and "Named port tests with flowlogs enabled" are the same
// rows with Felix's nflogAllowRule before the final RETURN (FelixConfiguration flowLogsLocalReporter
// Enabled; the NFLOG translated as policy-rules.ts says).
//
// - "Port split tests" "nil input" and "empty input": no ports is no multiport match at all, which
//   every ruleTestData row without ports shows (policy-match.test.ts).
import { mainIpSetName, namedPortSetId, selectorSetId } from '../../lib/iptables/ipset-names';
import { Selector } from '../../lib/model/selector';
import { FLOW_LOGS, SELECTOR_A, felixRules, fooPolicy, planOf, ruleRules, selectorSetName } from './policy-rules';

const CLEAR_BOTH = '-A test --jump MARK --set-mark 0x0/0x600';
const PRESET_ALL = '-A test --jump MARK --set-mark 0x200/0x600';
const ALLOW_IF_ALL = '-A test -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80';
const ALLOW_IF_ALL_TCP = '-A test -p tcp -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80';
const ALLOW_IF_ALL_UDP = '-A test -p udp -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80';
const RETURN = '-A test -m mark --mark 0x80/0x80 --jump RETURN';
const AND_THIS_BLOCK = '-A test -m mark --mark 0/0x400 --jump MARK --set-mark 0/0x200';

const felix = (lines: readonly string[]): string[] => felixRules(lines);
/** policy_test.go nflogAllowRule. */
const NFLOG_ALLOW = '-A test -m mark --mark 0x80/0x80 --jump NFLOG --nflog-group 1 --nflog-prefix API0|gnp/default.foo --nflog-range 80';

/** Each table as Felix runs it twice: flow logs off, and "... with flowlogs enabled" (nflogAllowRule before the RETURN). */
const FLOW_LOG_MODES = [
  { suffix: '', config: undefined, lines: (l: readonly string[]): string[] => [...l] },
  {
    suffix: ' with flowlogs enabled', config: FLOW_LOGS,
    lines: (l: readonly string[]): string[] => {
      expect(l[l.length - 1]).toBe(RETURN);
      return [...l.slice(0, -1), NFLOG_ALLOW, RETURN];
    },
  },
];

describe.each(FLOW_LOG_MODES)('policy_test.go "CIDR split tests$suffix"', ({ config, lines }) => {
  const SRC = ['10.0.0.0/24', '10.0.1.0/24'];
  const NOT_SRC = ['11.0.0.0/24', '11.0.1.0/24'];
  const DST = ['12.0.0.0/24', '12.0.1.0/24'];
  const NOT_DST = ['13.0.0.0/24', '13.0.1.0/24'];
  it.each<[string, number, number, number, number, string[]]>([
    ['2 src, 0 !src, 0 dst, 0 !dst', 2, 0, 0, 0, [CLEAR_BOTH,
      '-A test --source 10.0.0.0/24 --jump MARK --set-mark 0x200/0x200', '-A test --source 10.0.1.0/24 --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL, RETURN]],
    ['0 src, 2 !src, 0 dst, 0 !dst', 0, 2, 0, 0, [PRESET_ALL,
      '-A test --source 11.0.0.0/24 --jump MARK --set-mark 0/0x200', '-A test --source 11.0.1.0/24 --jump MARK --set-mark 0/0x200', ALLOW_IF_ALL, RETURN]],
    ['0 src, 0 !src, 2 dst, 0 !dst', 0, 0, 2, 0, [CLEAR_BOTH,
      '-A test --destination 12.0.0.0/24 --jump MARK --set-mark 0x200/0x200', '-A test --destination 12.0.1.0/24 --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL, RETURN]],
    ['0 src, 0 !src, 0 dst, 2 !dst', 0, 0, 0, 2, [PRESET_ALL,
      '-A test --destination 13.0.0.0/24 --jump MARK --set-mark 0/0x200', '-A test --destination 13.0.1.0/24 --jump MARK --set-mark 0/0x200', ALLOW_IF_ALL, RETURN]],
    ['1 src, 1 !src, 0 dst, 0 !dst', 1, 1, 0, 0, [PRESET_ALL,
      '-A test --source 11.0.0.0/24 --jump MARK --set-mark 0/0x200',
      '-A test --source 10.0.0.0/24 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['2 src, 1 !src, 0 dst, 0 !dst', 2, 1, 0, 0, [CLEAR_BOTH,
      '-A test --source 10.0.0.0/24 --jump MARK --set-mark 0x200/0x200', '-A test --source 10.0.1.0/24 --jump MARK --set-mark 0x200/0x200',
      '-A test ! --source 11.0.0.0/24 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['0 src, 0 !src, 1 dst, 1 !dst', 0, 0, 1, 1, [PRESET_ALL,
      '-A test --destination 13.0.0.0/24 --jump MARK --set-mark 0/0x200',
      '-A test --destination 12.0.0.0/24 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['0 src, 0 !src, 2 dst, 1 !dst', 0, 0, 2, 1, [CLEAR_BOTH,
      '-A test --destination 12.0.0.0/24 --jump MARK --set-mark 0x200/0x200', '-A test --destination 12.0.1.0/24 --jump MARK --set-mark 0x200/0x200',
      '-A test ! --destination 13.0.0.0/24 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['1 src, 1 !src, 1 dst, 1 !dst', 1, 1, 1, 1, [PRESET_ALL,
      '-A test --source 11.0.0.0/24 --jump MARK --set-mark 0/0x200', '-A test --destination 13.0.0.0/24 --jump MARK --set-mark 0/0x200',
      '-A test --source 10.0.0.0/24 --destination 12.0.0.0/24 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['2 src, 2 !src, 2 dst, 2 !dst', 2, 2, 2, 2, [CLEAR_BOTH,
      '-A test --source 10.0.0.0/24 --jump MARK --set-mark 0x200/0x200', '-A test --source 10.0.1.0/24 --jump MARK --set-mark 0x200/0x200',
      '-A test --destination 12.0.0.0/24 --jump MARK --set-mark 0x400/0x400', '-A test --destination 12.0.1.0/24 --jump MARK --set-mark 0x400/0x400',
      AND_THIS_BLOCK,
      '-A test --source 11.0.0.0/24 --jump MARK --set-mark 0/0x200', '-A test --source 11.0.1.0/24 --jump MARK --set-mark 0/0x200',
      '-A test --destination 13.0.0.0/24 --jump MARK --set-mark 0/0x200', '-A test --destination 13.0.1.0/24 --jump MARK --set-mark 0/0x200',
      ALLOW_IF_ALL, RETURN]],
  ])('%s', (_name, src, notSrc, dst, notDst, expected) => {
    const side = (nets: string[], n: number, notNets: string[], m: number): object => ({
      ...(n > 0 ? { nets: nets.slice(0, n) } : {}), ...(m > 0 ? { notNets: notNets.slice(0, m) } : {}),
    });
    const rule = { action: 'Allow', source: side(SRC, src, NOT_SRC, notSrc), destination: side(DST, dst, NOT_DST, notDst) };
    expect(ruleRules(4, rule, 'ingress', config)).toEqual(felix(lines(expected)));
  });
});

const FIFTEEN_SLOTS_PLUS_ONE = ['1:2', '3:4', '5:6', '7:8', '9:10', '11:12', '13:14', '15:16'];

describe.each(FLOW_LOG_MODES)('policy_test.go "Named port tests$suffix"', ({ config, lines }) => {
  it.each<[string, string, object, object, string[]]>([
    ['Named port on its own rendered as single rule', 'TCP', { ports: ['port-1'] }, {}, [
      '-A test -p tcp -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Two named ports need a block (source)', 'UDP', { ports: ['port-1', 'port-2'] }, {}, [CLEAR_BOTH,
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-2 src,src --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_UDP, RETURN]],
    ['Multiple named + numeric ports', 'TCP', { ports: [...FIFTEEN_SLOTS_PLUS_ONE, 'port-1', 'port-2', 'port-3'] }, {}, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 --jump MARK --set-mark 0x200/0x200',
      '-A test -p tcp -m multiport --source-ports 15:16 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-2 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-3 src,src --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_TCP, RETURN]],
    ['Overflow of numeric ports (source)', 'UDP', { ports: FIFTEEN_SLOTS_PLUS_ONE }, {}, [CLEAR_BOTH,
      '-A test -p udp -m multiport --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 --jump MARK --set-mark 0x200/0x200',
      '-A test -p udp -m multiport --source-ports 15:16 --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_UDP, RETURN]],
    ['Named + numeric ports need a block (source)', 'TCP', { ports: ['1:2', 'port-1'] }, {}, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --source-ports 1:2 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_TCP, RETURN]],
    ['Single named port fits in rule', 'TCP', {}, { ports: ['port-1'] }, [
      '-A test -p tcp -m set --match-set cali40ipset-1 dst,dst --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Two named ports need a block (destination)', 'TCP', {}, { ports: ['port-1', 'port-2'] }, [CLEAR_BOTH,
      '-A test -m set --match-set cali40ipset-1 dst,dst --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-2 dst,dst --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_TCP, RETURN]],
    ['Named + numeric ports need a block (destination)', 'TCP', {}, { ports: ['1:2', 'port-1'] }, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --destination-ports 1:2 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 dst,dst --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_TCP, RETURN]],
    ['Positive source needs block only', 'UDP', { ports: ['1:2', 'port-1'] }, { ports: ['3:4'] }, [CLEAR_BOTH,
      '-A test -p udp -m multiport --source-ports 1:2 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -p udp -m multiport --destination-ports 3:4 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Positive dest needs block only', 'TCP', { ports: ['1:2'] }, { ports: ['3:4', 'port-1'] }, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --destination-ports 3:4 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 dst,dst --jump MARK --set-mark 0x200/0x200',
      '-A test -p tcp -m multiport --source-ports 1:2 -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Positive source and dest need blocks', 'TCP', { ports: ['1:2', 'port-1'] }, { ports: ['3:4', 'port-2'] }, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --source-ports 1:2 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -p tcp -m multiport --destination-ports 3:4 --jump MARK --set-mark 0x400/0x400',
      '-A test -m set --match-set cali40ipset-2 dst,dst --jump MARK --set-mark 0x400/0x400',
      AND_THIS_BLOCK, ALLOW_IF_ALL_TCP, RETURN]],
    ['Overflow of numeric ports (destination)', 'UDP', {}, { ports: FIFTEEN_SLOTS_PLUS_ONE }, [CLEAR_BOTH,
      '-A test -p udp -m multiport --destination-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 --jump MARK --set-mark 0x200/0x200',
      '-A test -p udp -m multiport --destination-ports 15:16 --jump MARK --set-mark 0x200/0x200', ALLOW_IF_ALL_UDP, RETURN]],
    ['Negated named + numeric ports rendered in single rule (source)', 'TCP', { notPorts: ['1:2', 'port-1'] }, {}, [
      '-A test -p tcp -m multiport ! --source-ports 1:2 -m set ! --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Multiple negated named + numeric ports rendered in single rule (source)', 'TCP', { notPorts: [...FIFTEEN_SLOTS_PLUS_ONE, 'port-1', 'port-2', 'port-3'] }, {}, [
      '-A test -p tcp -m multiport ! --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 -m multiport ! --source-ports 15:16 '
        + '-m set ! --match-set cali40ipset-1 src,src -m set ! --match-set cali40ipset-2 src,src -m set ! --match-set cali40ipset-3 src,src '
        + '--jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Negated named + numeric ports rendered in single rule (destination)', 'TCP', {}, { notPorts: ['1:2', 'port-1'] }, [
      '-A test -p tcp -m multiport ! --destination-ports 1:2 -m set ! --match-set cali40ipset-1 dst,dst --jump MARK --set-mark 0x80/0x80', RETURN]],
    ['Multiple negated named + numeric ports rendered in single rule (destination)', 'UDP', {}, { notPorts: [...FIFTEEN_SLOTS_PLUS_ONE, 'port-1', 'port-2', 'port-3'] }, [
      '-A test -p udp -m multiport ! --destination-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 -m multiport ! --destination-ports 15:16 '
        + '-m set ! --match-set cali40ipset-1 dst,dst -m set ! --match-set cali40ipset-2 dst,dst -m set ! --match-set cali40ipset-3 dst,dst '
        + '--jump MARK --set-mark 0x80/0x80', RETURN]],
    ['numeric, named ports and CIDRs', 'TCP', { ports: [...FIFTEEN_SLOTS_PLUS_ONE, 'port-1', 'port-2', 'port-3'], nets: ['10.1.0.0/16', '11.0.0.0/8'] }, {}, [CLEAR_BOTH,
      '-A test -p tcp -m multiport --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 --jump MARK --set-mark 0x200/0x200',
      '-A test -p tcp -m multiport --source-ports 15:16 --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-2 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test -m set --match-set cali40ipset-3 src,src --jump MARK --set-mark 0x200/0x200',
      '-A test --source 10.1.0.0/16 --jump MARK --set-mark 0x400/0x400',
      '-A test --source 11.0.0.0/8 --jump MARK --set-mark 0x400/0x400',
      AND_THIS_BLOCK, ALLOW_IF_ALL_TCP, RETURN]],
    ['positive and negatednumeric, named ports and CIDRs', 'TCP',
      { ports: [...FIFTEEN_SLOTS_PLUS_ONE, 'port-1'], nets: ['10.1.0.0/16', '11.0.0.0/8'], notPorts: [101, 'port-3'], notNets: ['14.1.0.0/16', '15.0.0.0/8'] },
      { ports: ['2:3', 'port-2'], nets: ['12.1.0.0/16', '13.0.0.0/8'], notPorts: [201, 'port-4'], notNets: ['16.1.0.0/16', '17.0.0.0/8'] }, [CLEAR_BOTH,
        '-A test -p tcp -m multiport --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 --jump MARK --set-mark 0x200/0x200',
        '-A test -p tcp -m multiport --source-ports 15:16 --jump MARK --set-mark 0x200/0x200',
        '-A test -m set --match-set cali40ipset-1 src,src --jump MARK --set-mark 0x200/0x200',
        '-A test -p tcp -m multiport --destination-ports 2:3 --jump MARK --set-mark 0x400/0x400',
        '-A test -m set --match-set cali40ipset-2 dst,dst --jump MARK --set-mark 0x400/0x400',
        AND_THIS_BLOCK,
        '-A test --source 10.1.0.0/16 --jump MARK --set-mark 0x400/0x400',
        '-A test --source 11.0.0.0/8 --jump MARK --set-mark 0x400/0x400',
        AND_THIS_BLOCK,
        '-A test --destination 12.1.0.0/16 --jump MARK --set-mark 0x400/0x400',
        '-A test --destination 13.0.0.0/8 --jump MARK --set-mark 0x400/0x400',
        AND_THIS_BLOCK,
        '-A test --source 14.1.0.0/16 --jump MARK --set-mark 0/0x200',
        '-A test --source 15.0.0.0/8 --jump MARK --set-mark 0/0x200',
        '-A test --destination 16.1.0.0/16 --jump MARK --set-mark 0/0x200',
        '-A test --destination 17.0.0.0/8 --jump MARK --set-mark 0/0x200',
        '-A test -p tcp -m multiport ! --source-ports 101 -m set ! --match-set cali40ipset-3 src,src '
          + '-m multiport ! --destination-ports 201 -m set ! --match-set cali40ipset-4 dst,dst -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80',
        RETURN]],
  ])('%s', (_name, protocol, source, destination, expected) => {
    const rules = ruleRules(4, { action: 'Allow', protocol, source, destination }, 'ingress', config);
    expect(rules).toEqual(felixRules(lines(expected), 4, protocol.toLowerCase()));
  });
});

describe('policy_test.go "Port split tests" (SplitPortList), seen through a rule with more ports than one multiport match holds', () => {
  const singles = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);
  // Felix's expected groups, each one multiport match of a destination-port block (or the one inline match)
  it.each<[string, (string | number)[], string[]]>([
    ['single input', [1], ['1']],
    ['range input', ['1:10'], ['1:10']],
    ['exactly 15 single ports should give exactly one split', singles(15), [singles(15).join(',')]],
    ['exactly 16 single ports should give exactly two splits', singles(16), [singles(15).join(','), '16']],
    ['port ranges should count for 2 single ports', ['1:2', '3:4', '5:6', '7:8', '9:10', '11:12', '13:14', 15], ['1:2,3:4,5:6,7:8,9:10,11:12,13:14,15']],
    ['port range straggling 15-16 should be put in second group', FIFTEEN_SLOTS_PLUS_ONE, ['1:2,3:4,5:6,7:8,9:10,11:12,13:14', '15:16']],
    ['further splits should be made in correct place',
      [...FIFTEEN_SLOTS_PLUS_ONE, '21:22', '23:24', '23:26', '27:28', '29:210', '211:212', '213:214', '215:216'],
      ['1:2,3:4,5:6,7:8,9:10,11:12,13:14', '15:16,21:22,23:24,23:26,27:28,29:210,211:212', '213:214,215:216']],
  ])('%s', (_name, ports, groups) => {
    const rules = ruleRules(4, { action: 'Allow', protocol: 'TCP', destination: { ports } });
    const expected = groups.length === 1
      ? [`-A test -p tcp -m multiport --destination-ports ${groups[0]} --jump MARK --set-mark 0x80/0x80`, RETURN]
      : [CLEAR_BOTH, ...groups.map((g) => `-A test -p tcp -m multiport --destination-ports ${g} --jump MARK --set-mark 0x200/0x200`), ALLOW_IF_ALL_TCP, RETURN];
    expect(rules).toEqual(felix(expected));
  });
});

// felix/calc/rule_scanner.go (ruleToParsedRule, "Optimization: only include the selectors if we
// haven't already covered them with a named port match"): the named-port sets of a side are built
// from the side's positive selector, so its selector set is left out when the side has named ports
// and no numeric ones; with numeric ports too, or only negated named ports, the selector set stays.
describe('rule_scanner.go: named ports with a selector (no redundant selector set)', () => {
  const accept = '--jump MARK --set-mark 0x80/0x80';
  const selNamedSet = mainIpSetName(4, namedPortSetId(selectorSetId(Selector.parse(SELECTOR_A).toString()), 'tcp', 'port-1'));
  const selSet = selectorSetName(4, SELECTOR_A);

  it('source selector and one named port: only the named-port set of that selector, and no selector set programmed', () => {
    const rule = { action: 'Allow', protocol: 'TCP', source: { selector: SELECTOR_A, ports: ['port-1'] } };
    expect(ruleRules(4, rule)).toEqual(felix([`-A test -p tcp -m set --match-set ${selNamedSet} src,src ${accept}`, RETURN]));
    const plan = planOf(4, [fooPolicy([rule], 'ingress')]);
    expect(plan.ipsets).toContain(`create ${selNamedSet} `);
    expect(plan.ipsets).not.toContain(`create ${selSet} `);
  });

  it('destination selector and one named port, egress', () => {
    const rule = { action: 'Allow', protocol: 'TCP', destination: { selector: SELECTOR_A, ports: ['port-1'] } };
    expect(ruleRules(4, rule, 'egress')).toEqual(felix([`-A test -p tcp -m set --match-set ${selNamedSet} dst,dst ${accept}`, RETURN]));
  });

  it('a numeric port as well: the selector set stays (numeric ports cannot be filtered by it)', () => {
    const rule = { action: 'Allow', protocol: 'TCP', source: { selector: SELECTOR_A, ports: [80, 'port-1'] } };
    const rules = ruleRules(4, rule);
    expect(rules[rules.length - 2]).toContain(`-m set --match-set ${selSet} src`);
    expect(rules.some((r) => r.includes(`--match-set ${selNamedSet} src,src`))).toBe(true);
  });

  it('only a negated named port: the selector set stays', () => {
    const rule = { action: 'Allow', protocol: 'TCP', source: { selector: SELECTOR_A, notPorts: ['port-1'] } };
    expect(ruleRules(4, rule)).toEqual(felix([`-A test -p tcp -m set --match-set ${selSet} src -m set ! --match-set ${selNamedSet} src,src ${accept}`, RETURN]));
  });
});
