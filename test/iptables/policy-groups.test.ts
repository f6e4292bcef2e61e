// Policy groups as Felix renders them (felix/rules/endpoints.go PolicyGroupToIptablesChains and
// endpointIptablesChain; grouping: felix/dataplane/linux/endpoint_mgr.go groupPolicies).
import { createHash } from 'crypto';
import { endpointChain } from '../../lib/iptables/endpoint-chains';
import { DEFAULT_MARKS } from '../helpers/marks';
import { groupPolicies, policyGroupChain, policyGroupChainName } from '../../lib/iptables/policy-groups';
import { Chain } from '../../lib/iptables/rule';
import { policy } from './fixture';

const lines = (c: Chain): string[] => c.rules.map((r) => [...r.match, r.action].join(' '));
const web = (n: number): ReturnType<typeof policy> => policy({ name: `web-${n}`, selector: "app == 'web'", ingress: [{ action: 'Allow' }] });
const db = policy({ name: 'db', selector: "app == 'db'", ingress: [{ action: 'Allow' }] });

describe('policy groups', () => {
  test('consecutive policies with the same selector form one group; a different selector starts a new one', () => {
    const groups = groupPolicies('default', 'ingress', [web(1), web(2), db, web(3)]);
    expect(groups.map((g) => g.policies.map((p) => p.name))).toEqual([['web-1', 'web-2'], ['db'], ['web-3']]);
  });

  test('the same selector in another namespace is another group', () => {
    const a = policy({ name: 'a', namespace: 'n1', selector: "app == 'web'", ingress: [] });
    const b = policy({ name: 'b', namespace: 'n2', selector: "app == 'web'", ingress: [] });
    expect(groupPolicies('default', 'ingress', [a, b])).toHaveLength(2);
  });

  test('group chain: a RETURN on verdict before every 5th jump; jumps after the first of a block need both marks clear', () => {
    const g = groupPolicies('default', 'ingress', [1, 2, 3, 4, 5, 6, 7].map(web))[0];
    const chain = policyGroupChain(g, DEFAULT_MARKS);
    // accept 0x10000 | pass 0x20000 = 0x30000
    expect(lines(chain)).toEqual([
      '--jump cali-pi-gnp/web-1',
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/web-2',
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/web-3',
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/web-4',
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/web-5',
      '-m mark ! --mark 0/0x30000 --jump RETURN',
      '--jump cali-pi-gnp/web-6',
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/web-7',
    ]);
    expect(chain.name).toMatch(/^cali-gi-[A-Za-z0-9_-]{20}$/);
    expect(policyGroupChainName({ ...g, dir: 'egress' })).toMatch(/^cali-go-/);
  });

  test('endpoint chain (Felix layout): one jump per group while pass is clear, each followed by return-if-accepted', () => {
    const tier = { name: 'default', defaultAction: 'Deny', policies: [] };
    const ps = [web(1), web(2), db];
    const group = policyGroupChainName(groupPolicies('default', 'ingress', ps)[0]);
    const c = endpointChain({
      name: 'cali-tw-x', kind: 'normal', dir: 'ingress', endpoint: 'ns/pod', tiers: [{ tier, policies: ps }], profiles: [],
      marks: DEFAULT_MARKS, denyAction: '--jump DROP',
    });
    expect(lines(c)).toEqual([
      '-m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
      '-m conntrack --ctstate INVALID --jump DROP',
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x20000 --jump ${group}`,
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '-m mark --mark 0/0x20000 --jump cali-pi-gnp/db',
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '-m mark --mark 0/0x20000 --jump DROP',
      '--jump DROP',
    ]);
  });

  const seven = [1, 2, 3, 4, 5, 6, 7].map((n) => policy({ name: `p${n}`, selector: `app == 'a${n}'`, ingress: [{ action: 'Allow' }] }));
  const untracked = (layout: 'felix' | 'compact'): string[] => lines(endpointChain({
    name: 'cali-th-eth0', kind: 'untracked', dir: 'ingress', endpoint: 'hostendpoint/h',
    tiers: [{ tier: { name: 'default', defaultAction: 'Deny', policies: [] }, policies: seven }], profiles: [],
    marks: DEFAULT_MARKS, denyAction: '--jump DROP', layout,
  }));
  const notrack = '-m mark --mark 0x10000/0x10000 --jump CT --notrack';
  const ret = '-m mark --mark 0x10000/0x10000 --jump RETURN';

  test('endpoint chain (Felix layout, raw): NOTRACK and return-if-accepted after every jump', () => {
    expect(untracked('felix')).toEqual([
      '--jump MARK --set-mark 0/0x30000',
      '--jump MARK --set-mark 0/0x20000',
      ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [`-m mark --mark 0/0x20000 --jump cali-pi-gnp/p${n}`, notrack, ret]),
    ]);
  });

  test('endpoint chain (compact layout): return-if-accepted before every 5th jump and at the end of the tier (NOTRACK first in raw)', () => {
    expect(untracked('compact')).toEqual([
      '--jump MARK --set-mark 0/0x10000',
      '--jump MARK --set-mark 0/0x20000',
      ...[1, 2, 3, 4, 5].map((n) => `-m mark --mark 0/0x30000 --jump cali-pi-gnp/p${n}`),
      notrack, ret,
      ...[6, 7].map((n) => `-m mark --mark 0/0x30000 --jump cali-pi-gnp/p${n}`),
      notrack, ret,
    ]);
  });

  test('compact layout: the same group chain as Felix\'s layout, one jump guarded by both marks and one accept check', () => {
    const ps = [web(1), web(2), db];
    const group = policyGroupChainName(groupPolicies('default', 'ingress', ps)[0]);
    const c = lines(endpointChain({
      name: 'cali-tw-x', kind: 'normal', dir: 'ingress', endpoint: 'ns/pod', tiers: [{ tier: { name: 'default', defaultAction: 'Deny', policies: [] }, policies: ps }],
      profiles: [], marks: DEFAULT_MARKS, denyAction: '--jump DROP', layout: 'compact',
    }));
    expect(c.slice(4, 7)).toEqual([`-m mark --mark 0/0x30000 --jump ${group}`, '-m mark --mark 0/0x30000 --jump cali-pi-gnp/db', ret]);
  });

  test('group chain name: SHA3-224 over the lines Felix 3.32 hashes (endpoints.go PolicyGroup.UniqueID), base64url cut to 28 characters', () => {
    const g = groupPolicies('default', 'ingress', [web(1), web(2)])[0];
    // Felix writes each with a newline: Selector, Direction, len(Policies), then each PolicyID's String().
    const text = ["app == 'web'", 'inbound', '2', '{Name: web-1, Namespace: , Kind: GlobalNetworkPolicy}', '{Name: web-2, Namespace: , Kind: GlobalNetworkPolicy}']
      .map((l) => `${l}\n`).join('');
    const uid = createHash('sha3-224').update(text, 'utf8').digest('base64url').slice(0, 20);
    expect(policyGroupChainName(g)).toBe(`cali-gi-${uid}`);
    // 3.31 (v3.31.7 UniqueID): the tier first, and the v1 policy names
    const old = groupPolicies('default', 'egress', [1, 2].map((n) => policy({ name: `web-${n}`, selector: "app == 'web'", egress: [], calicoVersion: '3.31' })))[0];
    const text331 = ['default', "app == 'web'", 'outbound', '2', 'web-1', 'web-2'].map((l) => `${l}\n`).join('');
    expect(policyGroupChainName(old)).toBe(`cali-go-${createHash('sha3-224').update(text331, 'utf8').digest('base64url').slice(0, 20)}`);
  });

  test('"should make sensible UIDs" (endpoints_test.go PolicyGroups): direction, selector, count and names all change the name', () => {
    const a = policy({ name: 'a', selector: 'all()', ingress: [] });
    const b = policy({ name: 'b', selector: 'all()', ingress: [] });
    const ab = policy({ name: 'ab', selector: 'all()', ingress: [] });
    const names = [
      policyGroupChainName({ tier: 'default', dir: 'ingress', selector: 'all()', policies: [a] }),
      policyGroupChainName({ tier: 'default', dir: 'egress', selector: 'all()', policies: [a] }),
      policyGroupChainName({ tier: 'default', dir: 'ingress', selector: "a == 'b'", policies: [a] }),
      policyGroupChainName({ tier: 'default', dir: 'ingress', selector: 'all()', policies: [a, b] }),
      policyGroupChainName({ tier: 'default', dir: 'ingress', selector: 'all()', policies: [ab] }),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});
