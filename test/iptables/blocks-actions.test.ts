import { actionRules, ActionSettings } from '../../lib/iptables/actions';
import { matchBlocks } from '../../lib/iptables/match-blocks';
import { MarkBits } from '../../lib/iptables/marks';
import { markSet } from '../../lib/iptables/match';
import { EMPTY_SIDE, ProtoRule } from '../../lib/iptables/proto-rule';
import { calculateRuleMatch } from '../../lib/iptables/rule-match';
import { Rule } from '../../lib/iptables/rule';

// The marks of felix/rules/policy_test.go.
const TEST_MARKS: MarkBits = { accept: 0x80, pass: 0x100, scratch0: 0x200, scratch1: 0x400, drop: 0x800 };
const S: ActionSettings = { marks: TEST_MARKS, logPrefix: 'calico-packet', denyAction: '--jump DROP' };
const line = (r: Rule): string => [...r.match, r.action].join(' ');

/** Renders like policy-chains.renderCalicoRule, without comments. */
function render(r: ProtoRule): string[] {
  const b = matchBlocks(r, TEST_MARKS);
  const match = calculateRuleMatch(b.rest, 4);
  if (b.usingBlocks) match.push(markSet(TEST_MARKS.scratch0));
  return [...b.rules, ...actionRules(r.action, match, S)].map(line);
}

const allow = (p: Partial<ProtoRule>): ProtoRule => ({ action: 'allow', src: EMPTY_SIDE, dst: EMPTY_SIDE, ...p });

describe('match blocks', () => {
  it('one CIDR per side stays inline', () => {
    expect(render(allow({ src: { ...EMPTY_SIDE, nets: ['10.0.0.0/8'] }, dst: { ...EMPTY_SIDE, notNets: ['11.0.0.0/8'] } }))).toEqual([
      '--source 10.0.0.0/8 ! --destination 11.0.0.0/8 --jump MARK --set-mark 0x80/0x80',
      '-m mark --mark 0x80/0x80 --jump RETURN',
    ]);
  });

  it('several destination CIDRs OR into scratch0 directly; negated source CIDRs clear it', () => {
    expect(render(allow({
      dst: { ...EMPTY_SIDE, nets: ['12.1.0.0/16', '13.0.0.0/8'] },
      src: { ...EMPTY_SIDE, notNets: ['14.1.0.0/16', '15.0.0.0/8'] },
    }))).toEqual([
      '--jump MARK --set-mark 0x0/0x600',
      '--destination 12.1.0.0/16 --jump MARK --set-mark 0x200/0x200',
      '--destination 13.0.0.0/8 --jump MARK --set-mark 0x200/0x200',
      '--source 14.1.0.0/16 --jump MARK --set-mark 0/0x200',
      '--source 15.0.0.0/8 --jump MARK --set-mark 0/0x200',
      '-m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80',
      '-m mark --mark 0x80/0x80 --jump RETURN',
    ]);
  });

  it('a second positive block uses scratch1 and ANDs it into scratch0', () => {
    expect(render(allow({
      src: { ...EMPTY_SIDE, nets: ['10.1.0.0/16', '11.0.0.0/8'] },
      dst: { ...EMPTY_SIDE, nets: ['12.1.0.0/16', '13.0.0.0/8'] },
    }))).toEqual([
      '--jump MARK --set-mark 0x0/0x600',
      '--source 10.1.0.0/16 --jump MARK --set-mark 0x200/0x200',
      '--source 11.0.0.0/8 --jump MARK --set-mark 0x200/0x200',
      '--destination 12.1.0.0/16 --jump MARK --set-mark 0x400/0x400',
      '--destination 13.0.0.0/8 --jump MARK --set-mark 0x400/0x400',
      '-m mark --mark 0/0x400 --jump MARK --set-mark 0/0x200',
      '-m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80',
      '-m mark --mark 0x80/0x80 --jump RETURN',
    ]);
  });

  it('a negated-only block starts with scratch0 set', () => {
    expect(render(allow({ src: { ...EMPTY_SIDE, notNets: ['14.1.0.0/16', '15.0.0.0/8'] } }))[0]).toBe('--jump MARK --set-mark 0x200/0x600');
  });

  it('more than 15 ports become a block of multiport groups', () => {
    const ports = Array.from({ length: 16 }, (_, i) => ({ first: i + 1, last: i + 1 }));
    expect(render(allow({ protocol: 'tcp', dst: { ...EMPTY_SIDE, ports } }))).toEqual([
      '--jump MARK --set-mark 0x0/0x600',
      '-p tcp -m multiport --destination-ports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 --jump MARK --set-mark 0x200/0x200',
      '-p tcp -m multiport --destination-ports 16 --jump MARK --set-mark 0x200/0x200',
      '-p tcp -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80',
      '-m mark --mark 0x80/0x80 --jump RETURN',
    ]);
  });

  it('a named port ORed with numeric ports becomes a block', () => {
    expect(render(allow({ protocol: 'tcp', dst: { ...EMPTY_SIDE, ports: [{ first: 5432, last: 5432 }], namedPortSets: ['cali40n:x'] } }))).toEqual([
      '--jump MARK --set-mark 0x0/0x600',
      '-p tcp -m multiport --destination-ports 5432 --jump MARK --set-mark 0x200/0x200',
      '-m set --match-set cali40n:x dst,dst --jump MARK --set-mark 0x200/0x200',
      '-p tcp -m mark --mark 0x200/0x200 --jump MARK --set-mark 0x80/0x80',
      '-m mark --mark 0x80/0x80 --jump RETURN',
    ]);
  });
});

describe('action mapping', () => {
  it.each<[string, string[]]>([
    ['Allow', ['-p tcp --jump MARK --set-mark 0x80/0x80', '-m mark --mark 0x80/0x80 --jump RETURN']],
    ['Pass', ['-p tcp --jump MARK --set-mark 0x100/0x100', '-m mark --mark 0x100/0x100 --jump RETURN']],
    ['Deny', ['-p tcp --jump MARK --set-mark 0x800/0x800', '-m mark --mark 0x800/0x800 --jump DROP']],
    ['Log', ['-p tcp --jump LOG --log-prefix "calico-packet: " --log-level 5']],
  ])('%s', (action, expected) => {
    expect(actionRules(action, ['-p tcp'], S).map(line)).toEqual(expected);
  });

  it('rejects an unknown action', () => {
    expect(() => actionRules('Reject', [], S)).toThrow(/not one of Allow, Deny, Pass, Log/);
  });
});
