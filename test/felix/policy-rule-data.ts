// Felix's ruleTestData (felix/rules/policy_test.go, calico master) as Calico rules: one row per
// Entry a manifest can express, with Felix's Entry description, IP version and expected match.
//
// Calico's API needs a protocol for ports (TCP) and for ICMP matches (ICMP for IPv4, ICMPv6 for
// IPv6), which Felix's proto.Rule rows leave out: such rows add the protocol to the manifest and
// expect Felix's protocol match (`-p tcp`, rendered first by CalculateRuleMatch, as Felix's "Protocol
// name" row shows) before Felix's expected match. Felix's `ipsetid1` stands for SELECTOR_A.
//
// Left out (no manifest expresses them):
// - "Source IP sets", "Dest IP sets" and their negated rows (two selector sets on one side): Calico
//   folds selector, namespaceSelector and serviceAccounts (and a notSelector next to a selector)
//   into one set per side (libcalico-go updateprocessors/rules.go), and refuses `services` next to
//   a selector, so one rule side has at most one positive and one negated selector set.
import { SELECTOR_A, Version } from './policy-rules';

/** Felix's description, IP version, the Calico rule (no action), Felix's expected match, what the manifest's protocol adds in front. */
export type RuleRow = readonly [string, Version, object, string, string];

const TCP = { protocol: 'TCP' };
const SEVEN_RANGES_AND_ONE = ['1:2', '3:4', '5:6', '7:8', '9:10', '11:12', '13:14', '15:16'];

export const RULE_DATA: readonly RuleRow[] = [
  ['Empty rule', 4, {}, '', ''],
  ['Protocol name', 4, { protocol: 'TCP' }, '-p tcp', ''],
  ['Protocol num', 4, { protocol: 8 }, '-p 8', ''],
  ['Source net', 4, { source: { nets: ['10.0.0.0/16'] } }, '--source 10.0.0.0/16', ''],
  ['Source IP set', 4, { source: { selector: SELECTOR_A } }, '-m set --match-set cali40ipsetid1 src', ''],
  ['Source ports', 4, { ...TCP, source: { ports: ['10:12'] } }, '-m multiport --source-ports 10:12', '-p tcp '],
  ['Source ports (multiple)', 4, { ...TCP, source: { ports: ['10:12', '20:30', 8080] } }, '-m multiport --source-ports 10:12,20:30,8080', '-p tcp '],
  ['ICMP', 4, { protocol: 'ICMP', icmp: { type: 10 } }, '-m icmp --icmp-type 10', '-p icmp '],
  ['ICMP with code', 4, { protocol: 'ICMP', icmp: { type: 10, code: 12 } }, '-m icmp --icmp-type 10/12', '-p icmp '],
  ['ICMP', 6, { protocol: 'ICMPv6', icmp: { type: 10 } }, '-m icmp6 --icmpv6-type 10', '-p icmpv6 '],
  ['ICMP with code', 6, { protocol: 'ICMPv6', icmp: { type: 10, code: 12 } }, '-m icmp6 --icmpv6-type 10/12', '-p icmpv6 '],
  ['Dest net', 4, { destination: { nets: ['10.0.0.0/16'] } }, '--destination 10.0.0.0/16', ''],
  ['Dest IP set', 4, { destination: { selector: SELECTOR_A } }, '-m set --match-set cali40ipsetid1 dst', ''],
  ['Dest ports', 4, { ...TCP, destination: { ports: ['10:12'] } }, '-m multiport --destination-ports 10:12', '-p tcp '],
  ['Dest ports (multiple)', 4, { ...TCP, destination: { ports: ['10:12', '20:30', 8080] } }, '-m multiport --destination-ports 10:12,20:30,8080', '-p tcp '],

  // Negated matches.
  ['Protocol name (negated)', 4, { notProtocol: 'TCP' }, '! -p tcp', ''],
  ['Protocol num (negated)', 4, { notProtocol: 8 }, '! -p 8', ''],
  ['Negated source net', 4, { source: { notNets: ['10.0.0.0/16'] } }, '! --source 10.0.0.0/16', ''],
  ['Negated source IP set', 4, { source: { notSelector: SELECTOR_A } }, '-m set ! --match-set cali40ipsetid1 src', ''],
  ['Negated source IP set v6', 6, { source: { notSelector: SELECTOR_A } }, '-m set ! --match-set cali60ipsetid1 src', ''],
  ['Negated source ports', 4, { ...TCP, source: { notPorts: ['10:12'] } }, '-m multiport ! --source-ports 10:12', '-p tcp '],
  ['Negated source ports (multiple)', 4, { ...TCP, source: { notPorts: ['10:12', '20:30', 8080] } }, '-m multiport ! --source-ports 10:12,20:30,8080', '-p tcp '],
  ['Negated source ports (>15) should be broken into blocks', 4, { ...TCP, source: { notPorts: SEVEN_RANGES_AND_ONE } },
    '-m multiport ! --source-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 -m multiport ! --source-ports 15:16', '-p tcp '],
  ['ICMP (negated)', 4, { protocol: 'ICMP', notICMP: { type: 10 } }, '-m icmp ! --icmp-type 10', '-p icmp '],
  ['ICMP with code (negated)', 4, { protocol: 'ICMP', notICMP: { type: 10, code: 12 } }, '-m icmp ! --icmp-type 10/12', '-p icmp '],
  ['ICMP (negated)', 6, { protocol: 'ICMPv6', notICMP: { type: 10 } }, '-m icmp6 ! --icmpv6-type 10', '-p icmpv6 '],
  ['ICMP with code (negated)', 6, { protocol: 'ICMPv6', notICMP: { type: 10, code: 12 } }, '-m icmp6 ! --icmpv6-type 10/12', '-p icmpv6 '],
  ['Dest net (negated)', 4, { destination: { notNets: ['10.0.0.0/16'] } }, '! --destination 10.0.0.0/16', ''],
  ['Dest IP set (negated)', 4, { destination: { notSelector: SELECTOR_A } }, '-m set ! --match-set cali40ipsetid1 dst', ''],
  ['Dest IP set (negated)', 6, { destination: { notSelector: SELECTOR_A } }, '-m set ! --match-set cali60ipsetid1 dst', ''],
  ['Dest ports (negated)', 4, { ...TCP, destination: { notPorts: ['10:12'] } }, '-m multiport ! --destination-ports 10:12', '-p tcp '],
  ['Dest ports (>15) should be broken into blocks', 4, { ...TCP, destination: { notPorts: SEVEN_RANGES_AND_ONE } },
    '-m multiport ! --destination-ports 1:2,3:4,5:6,7:8,9:10,11:12,13:14 -m multiport ! --destination-ports 15:16', '-p tcp '],
  ['Dest ports (multiple) (negated)', 4, { ...TCP, destination: { notPorts: ['10:12', '20:30', 8080] } }, '-m multiport ! --destination-ports 10:12,20:30,8080', '-p tcp '],
];
