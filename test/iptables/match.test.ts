import { calculateRuleMatch } from '../../lib/iptables/rule-match';
import { EMPTY_SIDE, ProtoRule, ProtoSide } from '../../lib/iptables/proto-rule';

const base: ProtoRule = { action: 'allow', src: EMPTY_SIDE, dst: EMPTY_SIDE };
const src = (s: Partial<ProtoSide>): ProtoRule => ({ ...base, src: { ...EMPTY_SIDE, ...s } });
const dst = (s: Partial<ProtoSide>): ProtoRule => ({ ...base, dst: { ...EMPTY_SIDE, ...s } });

// Expected strings in the style of felix/rules/policy_test.go ruleTestData.
describe('calculateRuleMatch (IPv4)', () => {
  it.each<[string, ProtoRule, string]>([
    ['protocol name', { ...base, protocol: 'tcp' }, '-p tcp'],
    ['protocol number', { ...base, protocol: '112' }, '-p 112'],
    ['source CIDR', src({ nets: ['10.0.0.0/16'] }), '--source 10.0.0.0/16'],
    ['source IP set', src({ ipSets: ['cali40ipsetid1'] }), '-m set --match-set cali40ipsetid1 src'],
    ['source ports', { ...src({ ports: [{ first: 10, last: 12 }, { first: 20, last: 30 }, { first: 8080, last: 8080 }] }), protocol: 'tcp' },
      '-p tcp -m multiport --source-ports 10:12,20:30,8080'],
    ['source named port', src({ namedPortSets: ['cali40n:x'] }), '-m set --match-set cali40n:x src,src'],
    ['destination CIDR', dst({ nets: ['10.0.0.0/16'] }), '--destination 10.0.0.0/16'],
    ['destination IP set', dst({ ipSets: ['cali40ipsetid1'] }), '-m set --match-set cali40ipsetid1 dst'],
    ['destination ports', { ...dst({ ports: [{ first: 10, last: 12 }, { first: 20, last: 30 }, { first: 8080, last: 8080 }] }), protocol: 'udp' },
      '-p udp -m multiport --destination-ports 10:12,20:30,8080'],
    ['destination named port', dst({ namedPortSets: ['cali40n:y'] }), '-m set --match-set cali40n:y dst,dst'],
    ['ICMP type', { ...base, protocol: 'icmp', icmp: { type: 8 } }, '-p icmp -m icmp --icmp-type 8'],
    ['ICMP type and code', { ...base, protocol: 'icmp', icmp: { type: 8, code: 0 } }, '-p icmp -m icmp --icmp-type 8/0'],
    ['not protocol', { ...base, notProtocol: 'tcp' }, '! -p tcp'],
    ['not source CIDR', src({ notNets: ['10.0.0.0/16'] }), '! --source 10.0.0.0/16'],
    ['not source IP set', src({ notIpSets: ['cali40ipsetid1'] }), '-m set ! --match-set cali40ipsetid1 src'],
    ['not source ports', src({ notPorts: [{ first: 10, last: 12 }, { first: 8080, last: 8080 }] }), '-m multiport ! --source-ports 10:12,8080'],
    ['not destination CIDR', dst({ notNets: ['10.0.0.0/16'] }), '! --destination 10.0.0.0/16'],
    ['not destination named port', dst({ notNamedPortSets: ['cali40n:z'] }), '-m set ! --match-set cali40n:z dst,dst'],
    ['not ICMP type', { ...base, protocol: 'icmp', notIcmp: { type: 8 } }, '-p icmp -m icmp ! --icmp-type 8'],
    ['positive before negated, source before destination',
      { ...base, protocol: 'tcp', notProtocol: 'udp', src: { ...EMPTY_SIDE, nets: ['10.0.0.0/8'], notIpSets: ['cali40a'] }, dst: { ...EMPTY_SIDE, ipSets: ['cali40b'], ports: [{ first: 80, last: 80 }] } },
      '-p tcp --source 10.0.0.0/8 -m set --match-set cali40b dst -m multiport --destination-ports 80 ! -p udp -m set ! --match-set cali40a src'],
  ])('%s', (_n, rule, expected) => {
    expect(calculateRuleMatch(rule, 4).join(' ')).toBe(expected);
  });

  it('splits more than 15 negated ports into several ANDed multiport matches', () => {
    const ports = Array.from({ length: 16 }, (_, i) => ({ first: i + 1, last: i + 1 }));
    expect(calculateRuleMatch(dst({ notPorts: ports }), 4)).toEqual([
      '-m multiport ! --destination-ports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15',
      '-m multiport ! --destination-ports 16',
    ]);
  });

  it('uses icmp6 for IPv6', () => {
    expect(calculateRuleMatch({ ...base, protocol: 'icmpv6', icmp: { type: 128, code: 0 } }, 6).join(' '))
      .toBe('-p icmpv6 -m icmp6 --icmpv6-type 128/0');
  });
});
