import { createHash } from 'crypto';
import { dispatchChains } from '../../lib/iptables/dispatch';
import { endpointChain } from '../../lib/iptables/endpoint-chains';
import { failsafeInChain, failsafeOutChain } from '../../lib/iptables/failsafe';
import { DEFAULT_MARKS } from '../helpers/marks';
import { dscpJumpRule } from '../../lib/iptables/dscp';
import { manglePostroutingChain } from '../../lib/iptables/mangle-postrouting';
import { Chain, renderChainRules, ruleHashes } from '../../lib/iptables/rule';
import { policy } from './fixture';

const lines = (c: Chain): string[] => c.rules.map((r) => [...r.match, r.action].join(' '));
const tier = { name: 'default', defaultAction: 'Deny', policies: [] };
const p = policy({ name: 'allow-icmp', selector: 'all()', ingress: [{ action: 'Allow' }] });
const pChain = 'cali-pi-gnp/allow-icmp';

describe('endpoint chain skeletons (felix/rules/endpoints.go)', () => {
  const spec = { name: 'cali-fh-eth1', dir: 'ingress' as const, endpoint: 'hostendpoint/h', marks: DEFAULT_MARKS, denyAction: '--jump DROP' };

  it('normal host endpoint ingress: conntrack, failsafe, tier, end-of-tier drop, no-profile drop', () => {
    expect(lines(endpointChain({ ...spec, kind: 'normal', tiers: [{ tier, policies: [p] }], profiles: [], failsafeChain: 'cali-failsafe-in' }))).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump cali-failsafe-in',
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      // Felix's layout: clear accept 0x10000 | pass 0x20000 at once; jump while pass is clear, then return if accepted
      `-m mark --mark 0/0x20000 --jump ${pChain}`,
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '-m mark --mark 0/0x20000 --jump DROP',
      '--jump DROP',
    ]);
  });

  it('workload with only a profile: profile jump, return if accepted, drop', () => {
    expect(lines(endpointChain({ ...spec, name: 'cali-tw-caliX', kind: 'normal', tiers: [], profiles: ['kns.default'] }))).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump MARK --set-mark 0/0x30000',
      '--jump cali-pri-kns.default',
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '--jump DROP',
    ]);
  });

  it('a Pass-default tier has no end-of-tier drop', () => {
    const out = lines(endpointChain({ ...spec, kind: 'normal', tiers: [{ tier: { ...tier, defaultAction: 'Pass' }, policies: [p] }], profiles: [] }));
    expect(out).not.toContain('-m mark --mark 0/0x20000 --jump DROP');
  });

  it('untracked: no conntrack, NOTRACK when accepted, no drops', () => {
    expect(lines(endpointChain({ ...spec, kind: 'untracked', tiers: [{ tier, policies: [p] }], profiles: [], failsafeChain: 'cali-failsafe-in' }))).toEqual([
      '--jump cali-failsafe-in',
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x20000 --jump ${pChain}`,
      '-m mark --mark 0x10000/0x10000 --jump CT --notrack',
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
    ]);
  });

  it('forward with no applyOnForward policy allows by default', () => {
    expect(lines(endpointChain({ ...spec, name: 'cali-fhfw-eth1', kind: 'forward', tiers: [], profiles: [] })).slice(-2)).toEqual([
      '--jump MARK --set-mark 0x10000/0x10000',
      '--jump RETURN',
    ]);
  });
});

// Cases of Felix's felix/rules/endpoints_test.go (calico master), expected rules read off its
// ruleBuilder (conntrackRules, failSafeRule, matchPolicies), with Felix's default config (mangle
// allow action ACCEPT, INVALID check on) and our marks (accept 0x10000, pass 0x20000).
describe("Felix's endpoints_test.go host endpoint cases", () => {
  const spec = { dir: 'ingress' as const, endpoint: 'hostendpoint/h', marks: DEFAULT_MARKS, denyAction: '--jump DROP', profiles: [] };

  it('"should render host endpoint mangle chains with pre-DNAT policies": conntrack accept and INVALID drop first', () => {
    expect(lines(endpointChain({ ...spec, name: 'cali-fh-eth0', kind: 'preDNAT', tiers: [{ tier, policies: [p] }], failsafeChain: 'cali-failsafe-in' }))).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump cali-failsafe-in',
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x20000 --jump ${pChain}`,
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
    ]);
  });

  it('"should render a host endpoint" (cali-thfw-eth0 / cali-fhfw-eth0): forward chains have no failsafe jump and no profiles', () => {
    const out = lines(endpointChain({ ...spec, name: 'cali-fhfw-eth0', kind: 'forward', tiers: [{ tier, policies: [p] }], hasForwardTiers: true }));
    expect(out).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x20000 --jump ${pChain}`,
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '-m mark --mark 0/0x20000 --jump DROP',
    ]);
  });

  it('endpointIptablesChain: "Allow forwarded traffic by default" depends on the forward tiers, not on the direction', () => {
    // An applyOnForward policy for ingress only: the egress forward chain has no policy of its own
    // but the endpoint has a forward tier, so Felix leaves the accept mark clear (no default allow).
    const egressOnly = lines(endpointChain({ ...spec, dir: 'egress', name: 'cali-thfw-eth0', kind: 'forward', tiers: [], hasForwardTiers: true }));
    expect(egressOnly).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump MARK --set-mark 0/0x30000',
    ]);
    const none = lines(endpointChain({ ...spec, dir: 'egress', name: 'cali-thfw-eth0', kind: 'forward', tiers: [], hasForwardTiers: false }));
    expect(none.slice(-2)).toEqual(['--jump MARK --set-mark 0x10000/0x10000', '--jump RETURN']);
  });
});

describe('mangle egress for DNATed host traffic (felix/rules/static.go, endpoints.go)', () => {
  it.each([4, 6] as const)('static_test.go "should generate expected cali-POSTROUTING chain in the mangle table" (IPv%s, IPVS off)', (v) => {
    const jump = dscpJumpRule({ dscpSources: `cali${v}0dscp-src-net`, allPools: `cali${v}0network-ip-pools`, thisHost: `cali${v}0this-host` });
    expect(lines(manglePostroutingChain(DEFAULT_MARKS, jump))).toEqual([
      // the DSCP rule (not BPF mode)
      `-m set --match-set cali${v}0dscp-src-net src -m set ! --match-set cali${v}0network-ip-pools dst -m set ! --match-set cali${v}0this-host dst --jump cali-egress-dscp`,
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      // accept | pass | scratch0 | scratch1
      '--jump MARK --set-mark 0/0x1b0000',
      '-m conntrack --ctstate DNAT --jump cali-to-host-endpoint',
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
    ]);
    expect(manglePostroutingChain(DEFAULT_MARKS, jump).rules[0].comments).toEqual(['set dscp for traffic leaving cluster.']);
  });

  it('HostEndpointToMangleEgressChains: RETURN is the allow action, so established traffic is marked and returns', () => {
    const out = lines(endpointChain({
      name: 'cali-th-eth0', kind: 'normal', dir: 'egress', endpoint: 'hostendpoint/h', marks: DEFAULT_MARKS, denyAction: '--jump DROP',
      tiers: [], profiles: [], failsafeChain: 'cali-failsafe-out', allowReturns: true,
    }));
    expect(out).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump MARK --set-mark 0x10000/0x10000',
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump RETURN',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump cali-failsafe-out',
      '--jump MARK --set-mark 0/0x30000',
      '--jump DROP',
    ]);
  });

  it('dispatch_test.go ToHostDispatchChains with a default interface: cali+ returns before the goto to the * chain', () => {
    const t = (iface: string, chain: string) => ({ interfaceName: iface, chain, endpoint: iface });
    const chains = dispatchChains('cali-to-host-endpoint', false, [t('eth0', 'cali-th-eth0')], false, { fallback: t('*', 'cali-th-*'), skipWorkloads: true });
    expect(chains).toHaveLength(1);
    expect(lines(chains[0])).toEqual([
      '--out-interface eth0 --goto cali-th-eth0',
      '--out-interface cali+ --jump RETURN',
      '--goto cali-th-*',
    ]);
  });
});

describe('failsafe chains (felix/rules/static.go)', () => {
  const inbound = [{ protocol: 'tcp', port: 22 }, { protocol: 'TCP', port: 6443, net: '192.0.2.0/24' }];
  const outbound = [{ protocol: 'udp', port: 53 }];

  it('filter: inbound on --dport, the net limits the source', () => {
    expect(lines(failsafeInChain(inbound, outbound, 4, false))).toEqual([
      '-p tcp -m multiport --destination-ports 22 --jump ACCEPT',
      '-p tcp -m multiport --destination-ports 6443 --source 192.0.2.0/24 --jump ACCEPT',
    ]);
    expect(lines(failsafeOutChain(inbound, outbound, 4, false))).toEqual(['-p udp -m multiport --destination-ports 53 --jump ACCEPT']);
  });

  it('raw: each chain adds the other list on --sport', () => {
    expect(lines(failsafeInChain(inbound, outbound, 4, true)).slice(2)).toEqual(['-p udp -m multiport --source-ports 53 --jump ACCEPT']);
    expect(lines(failsafeOutChain(inbound, outbound, 4, true))).toEqual([
      '-p udp -m multiport --destination-ports 53 --jump ACCEPT',
      '-p tcp -m multiport --source-ports 22 --jump ACCEPT',
      '-p tcp -m multiport --source-ports 6443 --destination 192.0.2.0/24 --jump ACCEPT',
    ]);
  });

  it('drops entries whose net is of the other IP version', () => {
    expect(lines(failsafeInChain(inbound, outbound, 6, false))).toEqual(['-p tcp -m multiport --destination-ports 22 --jump ACCEPT']);
  });
});

describe('rule hash comments', () => {
  const c: Chain = { name: 'cali-x', rules: [{ match: [], action: '--jump ACCEPT', comments: ['a'] }, { match: [], action: '--jump ACCEPT', comments: ['a'] }] };
  it('are 16 base64url characters, chained so position and chain name matter', () => {
    const [h1, h2] = ruleHashes(c);
    expect(h1).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(h2).not.toBe(h1);
    expect(ruleHashes({ ...c, name: 'cali-y' })[0]).not.toBe(h1);
    expect(ruleHashes(c)).toEqual([h1, h2]);
  });
  it("are Felix's hashes: SHA-224 chained from the chain name over the rule as Felix renders it", () => {
    // Felix's Chain.RuleHashes over `-A cali-x HASH -m comment --comment "a" --jump ACCEPT`
    const h0 = createHash('sha224').update('cali-x').digest();
    const h1 = createHash('sha224').update(h0).update('-A cali-x HASH -m comment --comment "a" --jump ACCEPT').digest();
    expect(ruleHashes(c)[0]).toBe(h1.toString('base64url').slice(0, 16));
  });
  it('one comment match per rule: the hash, a space, then the readable comments joined by "; "', () => {
    const [h1] = ruleHashes(c);
    expect(renderChainRules(c)[0]).toBe(`-A cali-x -m comment --comment "cali:${h1} a" --jump ACCEPT`);
    const two: Chain = { name: 'cali-y', rules: [{ match: ['-p tcp'], action: '--jump RETURN', comments: ['Policy gnp p ingress', 'gnp p ingress rule 0 Allow'] }] };
    expect(renderChainRules(two)[0]).toMatch(/^-A cali-y -m comment --comment "cali:[A-Za-z0-9_-]{16} Policy gnp p ingress; gnp p ingress rule 0 Allow" -p tcp --jump RETURN$/);
    const none: Chain = { name: 'cali-z', rules: [{ match: [], action: '--jump DROP', comments: [] }] };
    expect(renderChainRules(none)[0]).toMatch(/^-A cali-z -m comment --comment "cali:[A-Za-z0-9_-]{16}" --jump DROP$/);
  });
  it('comments lose double quotes and stay within 255 characters (xt_comment holds 256 bytes with the NUL), hash first', () => {
    const out = renderChainRules({ name: 'c', rules: [{ match: [], action: '', comments: [`say "hi" ${'x'.repeat(300)}`] }] })[0];
    expect(out.match(/-m comment/g)).toHaveLength(1);
    const comment = /--comment "(cali:[A-Za-z0-9_-]{16} say 'hi' x+)"$/.exec(out);
    // 'cali:' + 16 + ' ' = 22 characters, then 233 of the text
    expect(comment?.[1].length).toBe(255);
  });
});
