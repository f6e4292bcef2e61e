// Policy groups as Felix renders them (felix/rules/endpoints.go PolicyGroupToIptablesChains and
// endpointIptablesChain; grouping: felix/dataplane/linux/endpoint_mgr.go groupPolicies).
import { endpointChain } from '../../lib/iptables/endpoint-chains';
import { DEFAULT_MARKS } from '../../lib/iptables/marks';
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

  test('endpoint chain: one jump per group, guarded by both marks; a group of one jumps straight to the policy', () => {
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
      '--jump MARK --set-mark 0/0x10000',
      '--jump MARK --set-mark 0/0x20000',
      `-m mark --mark 0/0x30000 --jump ${group}`,
      '-m mark --mark 0/0x30000 --jump cali-pi-gnp/db',
      '-m mark --mark 0x10000/0x10000 --jump RETURN',
      '-m mark --mark 0/0x20000 --jump DROP',
      '--jump DROP',
    ]);
  });

  test('endpoint chain: return-if-accepted before every 5th jump and at the end of the tier (NOTRACK first in raw)', () => {
    const tier = { name: 'default', defaultAction: 'Deny', policies: [] };
    // seven policies with different selectors: seven groups of one
    const ps = [1, 2, 3, 4, 5, 6, 7].map((n) => policy({ name: `p${n}`, selector: `app == 'a${n}'`, ingress: [{ action: 'Allow' }] }));
    const c = endpointChain({
      name: 'cali-th-eth0', kind: 'untracked', dir: 'ingress', endpoint: 'hostendpoint/h', tiers: [{ tier, policies: ps }], profiles: [],
      marks: DEFAULT_MARKS, denyAction: '--jump DROP',
    });
    const notrack = '-m mark --mark 0x10000/0x10000 --jump CT --notrack';
    const ret = '-m mark --mark 0x10000/0x10000 --jump RETURN';
    expect(lines(c)).toEqual([
      '--jump MARK --set-mark 0/0x10000',
      '--jump MARK --set-mark 0/0x20000',
      ...[1, 2, 3, 4, 5].map((n) => `-m mark --mark 0/0x30000 --jump cali-pi-gnp/p${n}`),
      notrack, ret,
      ...[6, 7].map((n) => `-m mark --mark 0/0x30000 --jump cali-pi-gnp/p${n}`),
      notrack, ret,
    ]);
  });
});
