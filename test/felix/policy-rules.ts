// Helpers for the tables of Felix's felix/rules/policy_test.go (calico master): one Calico rule in
// a GlobalNetworkPolicy `foo` (default tier, selecting pod b), rendered through the real input
// pipeline, and Felix's expected rules translated into our plan's terms:
// - marks: Felix's test renderer uses accept 0x80, pass 0x100, scratch0 0x200, scratch1 0x400,
//   drop 0x800 (rrConfigNormal); we render Felix's default mark mask (DEFAULT_MARKS). `felixMarks`
//   maps every hex mark in a Felix string bit by bit (0x600 = scratch0|scratch1).
// - IP sets: Felix's test names sets by made-up IDs (`cali40ipsetid1`, `cali40ipset-1`); the
//   manifest stands for them with a selector or a named port, and `felixSets` replaces each with the
//   name our plan gives that selector or named port (Felix's ID scheme, lib/iptables/ipset-names.ts).
// - policy ID: Felix's test PolicyID is `default.foo` (chains `cali-pi-gnp/default.foo`); a 3.32
//   GlobalNetworkPolicy named `foo` in the default tier is PolicyID `foo` (chains `cali-pi-gnp/foo`).
// - `-A test ` and comments are stripped, as chainRules does.
// - NFLOG (flow logs): Felix's test renders with no detected features, so `--nflog-range 80`; Felix on
//   a kernel from 4.8 (environment/feature_detect_linux.go NFLogSize) and our plan say
//   `--nflog-size 80`. The prefix names Felix's ID `gnp/default.foo`, ours `gnp/foo`.
import { hex } from '../../lib/iptables/marks';
import { DEFAULT_MARKS } from '../helpers/marks';
import { mainIpSetName, namedPortSetId, selectorSetId } from '../../lib/iptables/ipset-names';
import { NodePlan } from '../../lib/iptables/node-plan';
import { Selector } from '../../lib/model/selector';
import { Pod, chainRules, felixWorld, nodePlan } from './world';

export const NODE_IP = '198.51.100.10';
export const PODS_V4: readonly Pod[] = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }, { name: 'b', ip: '192.0.2.12', labels: { app: 'b' } }];
export const PODS_V6: readonly Pod[] = [{ name: 'a', ip: '2001:db8::11', labels: { app: 'a' } }, { name: 'b', ip: '2001:db8::12', labels: { app: 'b' } }];

/** The selector that stands for Felix's `ipsetid1` (positive and negated set rows). */
export const SELECTOR_A = "app == 'a'";

export type Dir = 'ingress' | 'egress';
export type Version = 4 | 6;

/** Felix's test mark bits and ours. */
const FELIX_TEST_MARKS: readonly [number, number][] = [
  [0x80, DEFAULT_MARKS.accept], [0x100, DEFAULT_MARKS.pass], [0x200, DEFAULT_MARKS.scratch0],
  [0x400, DEFAULT_MARKS.scratch1], [0x800, DEFAULT_MARKS.drop],
];

/** A Felix test string with each of its hex marks (`0x80`, `0x600`, `0`) replaced by ours. */
export function felixMarks(text: string): string {
  return text.replace(/(--mark|--set-mark) (0x[0-9a-f]+|0)\/(0x[0-9a-f]+)/g, (_all, opt: string, value: string, mask: string) => {
    const map = (v: string): number => {
      let left = Number(v);
      let out = 0;
      for (const [felix, ours] of FELIX_TEST_MARKS) {
        if ((left & felix) !== 0) {
          out += ours;
          left -= felix;
        }
      }
      if (left !== 0) throw new Error(`mark ${v} in a Felix string has bits of no known mark`);
      return out;
    };
    // keep Felix's spelling of a zero value (`0` for ClearMark, `0x0` for SetMaskedMark)
    return `${opt} ${Number(value) === 0 ? value : hex(map(value))}/${hex(map(mask))}`;
  });
}

/** Our name for the selector set of `selector` (a positive selector or a notSelector alone). */
export function selectorSetName(version: Version, selector: string): string {
  return mainIpSetName(version, selectorSetId(Selector.parse(selector).toString()));
}

/** Our name for the set of named port `port` over all endpoints (a rule side with no selector). */
export function namedPortSetName(version: Version, protocol: string, port: string): string {
  return mainIpSetName(version, namedPortSetId(selectorSetId('all()'), protocol, port));
}

/**
 * Felix's test IP set names replaced by ours: `cali<v>0ipsetid1` is the set of SELECTOR_A;
 * `cali40ipset-<k>` is the named-port set of port `port-<k>` of `protocol`.
 */
export function felixSets(text: string, version: Version, protocol = 'tcp'): string {
  return text
    .replace(/cali[46]0ipsetid1/g, selectorSetName(version, SELECTOR_A))
    .replace(/cali40ipset-(\d+)/g, (_a, k: string) => namedPortSetName(version, protocol, `port-${k}`));
}

/** A Felix NFLOG action in our terms: `gnp/foo` for Felix's `gnp/default.foo`, `--nflog-size` for `--nflog-range`. */
export function felixNflog(text: string): string {
  return text.replace(/\|gnp\/default\.foo\b/g, '|gnp/foo').replace(/--nflog-range 80$/, '--nflog-size 80');
}

/** Felix's `-A test ...` lines without the chain, marks, sets and NFLOG in our terms. */
export function felixRules(lines: readonly string[], version: Version = 4, protocol = 'tcp'): string[] {
  return lines.map((l) => felixNflog(felixSets(felixMarks(l.replace(/^-A test /, '')), version, protocol)));
}

/** A FelixConfiguration that turns flow logs on (config_params.go FlowLogsEnabled: the local reporter). */
export const FLOW_LOGS = { flowLogsLocalReporter: 'Enabled' } as const;

/** Whether a FelixConfiguration spec turns flow logs on (a Goldmane server or the local reporter). */
function flowLogsOn(felix: object | undefined): boolean {
  const f = (felix ?? {}) as { flowLogsLocalReporter?: string; flowLogsGoldmaneServer?: string };
  return f.flowLogsLocalReporter === 'Enabled' || (f.flowLogsGoldmaneServer ?? '') !== '';
}

/** A GlobalNetworkPolicy `foo` for pod b with the rules of one direction (the other present but empty). */
export function fooPolicy(rules: readonly object[], dir: Dir, kind = 'GlobalNetworkPolicy'): object {
  return {
    apiVersion: 'projectcalico.org/v3', kind, metadata: { name: 'foo' },
    spec: { selector: "app == 'b'", types: ['Ingress', 'Egress'], [dir]: rules },
  };
}

/** The plan of the node with pods a and b (IPv4 or IPv6) and the given manifests and FelixConfiguration. */
export function planOf(version: Version, manifests: readonly object[], felix?: object): NodePlan {
  return nodePlan(felixWorld(version === 4 ? PODS_V4 : PODS_V6, manifests, felix, NODE_IP));
}

/** The iptables-restore text of the IP version. */
export function tableText(plan: NodePlan, version: Version): string {
  const text = version === 4 ? plan.iptables : plan.ip6tables;
  if (text === undefined) throw new Error('the plan has no ip6tables text');
  return text;
}

/** A rule after the one under test, so the chain keeps the test rule's trailing RETURN (Felix strips only the chain's last). */
const SENTINEL = { action: 'Deny' };
const SENTINEL_RULES = [
  `--jump MARK --set-mark ${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)}`,
  `-m mark --mark ${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)} --jump DROP`,
];

/**
 * The rules `rule` renders in `foo`'s chain of `dir`: the chain holds the rule then a sentinel
 * Deny, which must follow the test rule's rules unchanged (so nothing of the test rule is lost).
 */
export function ruleRules(version: Version, rule: object, dir: Dir = 'ingress', felix?: object): string[] {
  const plan = planOf(version, [fooPolicy([rule, SENTINEL], dir)], felix);
  const rules = chainRules(tableText(plan, version), dir === 'ingress' ? 'cali-pi-gnp/foo' : 'cali-po-gnp/foo');
  // with flow logs the sentinel (rule 1) logs its deny too, in the direction's group
  const sentinel = flowLogsOn(felix)
    ? [SENTINEL_RULES[0], `-m mark --mark ${hex(DEFAULT_MARKS.drop)}/${hex(DEFAULT_MARKS.drop)} --jump NFLOG --nflog-group ${dir === 'ingress' ? 1 : 2} `
      + `--nflog-prefix DP${dir === 'ingress' ? 'I' : 'E'}1|gnp/foo --nflog-size 80`, SENTINEL_RULES[1]]
    : SENTINEL_RULES;
  expect(rules.slice(-sentinel.length)).toEqual(sentinel);
  return rules.slice(0, -sentinel.length);
}

/** `match` followed by `action`, as one rule line. */
export function withAction(match: string, action: string): string {
  return match === '' ? action : `${match} ${action}`;
}
