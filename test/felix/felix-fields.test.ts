// Every FelixConfiguration field is honoured by the plan, refused at read unless it has the value the
// plan renders (with a message saying it is not modelled), or changes no rule and is accepted and
// dropped: none is silently ignored. The settings are those of Calico v3.32.1 and v3.31.7
// (fixtures/felix-params.txt, transcribed from felix/docs/config-params.json), so a Felix setting
// without a row in lib/model/felix/fields.ts, or a row here missing, fails this test.
import * as fs from 'fs';
import * as path from 'path';
import { FELIX_FIELDS } from '../../lib/model/felix/fields';
import { findKindSchema } from '../../lib/model/parse/schema';
import { formatIssue, validateResource } from '../../lib/model/validate';
import { FelixConfiguration, FelixConfigurationSpec } from '../../lib/model/resources';
import { chainRules, felixWorld, nodePlan } from './world';

const PODS = [{ name: 'a', ip: '192.0.2.11' }];
const NODE_IP = '198.51.100.10';
const LOG_ALL = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'log' },
  spec: { selector: 'all()', types: ['Ingress'], ingress: [{ action: 'Log' }, { action: 'Allow' }] },
};
const NAT_POOL = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'n' }, spec: { cidr: '192.0.2.0/24', natOutgoing: true } };
// the failsafe chains are referenced (so programmed, felix/iptables/table.go) only from a host endpoint's chains
const HEP = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'eth0' }, spec: { node: 'node-1', interfaceName: 'eth0', expectedIPs: [NODE_IP] } };
const IPIP_POOL = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '192.0.2.0/24', ipipMode: 'Always' } };

function plan(spec: object | undefined, manifests: object[] = [LOG_ALL]): string {
  return nodePlan(felixWorld(PODS, manifests, spec, NODE_IP)).iptables;
}
const filterOf = (text: string): string => text.slice(text.indexOf('*filter'), text.indexOf('*nat'));

/** Honoured fields: a value, and what the plan shows for it that Felix's default does not. */
const HONOURED: { readonly [field: string]: (base: string) => void } = {
  failsafeInboundHostPorts: () => expect(chainRules(filterOf(plan({ failsafeInboundHostPorts: [{ protocol: 'tcp', port: 2222 }] }, [LOG_ALL, HEP])), 'cali-failsafe-in'))
    .toEqual(['-p tcp -m multiport --destination-ports 2222 --jump ACCEPT']),
  failsafeOutboundHostPorts: () => expect(chainRules(filterOf(plan({ failsafeOutboundHostPorts: [{ protocol: 'udp', port: 5353 }] }, [LOG_ALL, HEP])), 'cali-failsafe-out'))
    .toEqual(['-p udp -m multiport --destination-ports 5353 --jump ACCEPT']),
  defaultEndpointToHostAction: () => expect(chainRules(plan({ defaultEndpointToHostAction: 'Accept' }), 'cali-wl-to-host')).toEqual(['--jump cali-from-wl-dispatch', '--jump ACCEPT']),
  // felix/dataplane/driver.go: accept, pass, drop, scratch0, scratch1, lowest free bit first
  iptablesMarkMask: () => {
    const text = plan({ iptablesMarkMask: 0xf8 });
    expect(chainRules(filterOf(text), 'cali-INPUT')).toContain('-m mark --mark 0x8/0x8 --jump ACCEPT');
    expect(chainRules(filterOf(text), 'cali-INPUT')).toContain('--jump MARK --set-mark 0/0xd8'); // accept|pass|scratch0|scratch1
    expect(text).not.toContain('0x10000');
  },
  iptablesFilterDenyAction: () => expect(chainRules(plan({ iptablesFilterDenyAction: 'Reject' }), 'cali-from-wl-dispatch').slice(-1)).toEqual(['--jump REJECT']),
  logPrefix: (base) => {
    expect(base).toContain('--log-prefix "calico-packet: "');
    expect(plan({ logPrefix: 'netsec-lab' })).toContain('--jump LOG --log-prefix "netsec-lab: " --log-level 5');
  },
  // policy_test.go "Log rules should be correctly rendered with rate limits"; the burst defaults to 5 (config_params.go)
  logActionRateLimit: (base) => {
    expect(base).not.toContain('-m limit');
    expect(plan({ logActionRateLimit: '10/second' })).toMatch(/-m limit --limit 10\/second --limit-burst 5 .*--jump LOG/);
  },
  logActionRateLimitBurst: (base) => {
    expect(plan({ logActionRateLimit: '10/second', logActionRateLimitBurst: 0 })).toMatch(/-m limit --limit 10\/second --jump LOG/);
    expect(plan({ logActionRateLimit: '10/second', logActionRateLimitBurst: 7 })).toMatch(/-m limit --limit 10\/second --limit-burst 7 .*--jump LOG/);
    expect(plan({ logActionRateLimitBurst: 7 })).toBe(base);
  },
  allowVXLANPacketsFromWorkloads: (base) => {
    expect(base).toContain('-p 17 -m multiport --destination-ports 4789 --jump DROP');
    expect(plan({ allowVXLANPacketsFromWorkloads: true })).not.toContain('--destination-ports 4789');
  },
  allowIPIPPacketsFromWorkloads: (base) => {
    expect(base).toMatch(/-A cali-fw-\S+ .*-p 4 --jump DROP/);
    expect(plan({ allowIPIPPacketsFromWorkloads: true })).not.toMatch(/-A cali-fw-\S+ .*-p 4 --jump DROP/);
  },
  // endpoints.go: the INVALID drop follows the established accept unless DisableConntrackInvalid
  disableConntrackInvalidCheck: (base) => {
    expect(base).toContain('-m conntrack --ctstate INVALID');
    expect(plan({ disableConntrackInvalidCheck: true })).not.toContain('-m conntrack --ctstate INVALID');
  },
  // config_params.go FlowLogsEnabled: either switch turns Felix's NFLOG rules on (test/felix/flow-logs.test.ts)
  flowLogsGoldmaneServer: (base) => {
    expect(base).not.toContain('NFLOG');
    expect(plan({ flowLogsGoldmaneServer: '' })).toBe(base);
    expect(plan({ flowLogsGoldmaneServer: 'goldmane.calico-system.svc:7443' })).toContain('--jump NFLOG --nflog-group 1 --nflog-prefix API1|gnp/log --nflog-size 80');
  },
  flowLogsLocalReporter: (base) => {
    expect(plan({ flowLogsLocalReporter: 'Disabled' })).toBe(base);
    expect(plan({ flowLogsLocalReporter: 'Enabled' })).toContain('--jump NFLOG --nflog-group 1 --nflog-prefix API1|gnp/log --nflog-size 80');
  },
  ipipEnabled: () => {
    expect(plan({ ipipEnabled: true })).toContain('-A cali-INPUT -m comment --comment');
    expect(chainRules(plan({ ipipEnabled: true }), 'cali-INPUT')[1]).toBe('-p 4 --jump DROP');
    expect(plan({ ipipEnabled: false }, [LOG_ALL, IPIP_POOL])).not.toContain('cali40all-hosts-net');
  },
  // nat.go NATOutgoingChain (the cases of nat_test.go are in nat.test.ts)
  natPortRange: () => {
    expect(plan(undefined, [NAT_POOL])).not.toContain('--to-ports');
    expect(plan({ natPortRange: '99:100' }, [NAT_POOL])).toContain('-p tcp --jump MASQUERADE --to-ports 99-100 --random-fully');
  },
  natOutgoingAddress: () => {
    expect(plan(undefined, [NAT_POOL])).not.toContain('--jump SNAT');
    expect(plan({ natOutgoingAddress: '203.0.113.1' }, [NAT_POOL])).toContain('--jump SNAT --to-source 203.0.113.1 --random-fully');
  },
  natOutgoingExclusions: () => {
    expect(plan({ natOutgoingExclusions: 'IPPoolsOnly' }, [NAT_POOL])).toBe(plan(undefined, [NAT_POOL]));
    expect(plan({ natOutgoingExclusions: 'IPPoolsAndHostIPs' }, [NAT_POOL])).toContain('-m set ! --match-set cali40all-hosts-net dst --jump MASQUERADE');
  },
  // static.go FilterInputChainAllowWG, filterOutputChain, StaticNATPostroutingChains (static.test.ts "with WireGuard enabled")
  wireguardEnabled: (base) => {
    expect(base).not.toContain('51820');
    expect(chainRules(plan({ wireguardEnabled: true }), 'cali-INPUT')[0]).toBe('-p 17 -m multiport --destination-ports 51820 -m addrtype --dst-type LOCAL --jump ACCEPT');
  },
  wireguardEnabledV6: (base) => {
    expect(plan({ wireguardEnabledV6: true })).toBe(base); // IPv4 plan unchanged
    const six = nodePlan(felixWorld([{ name: 'a', ip: '2001:db8:1::11' }], [], { wireguardEnabledV6: true }, '2001:db8:2::10')).ip6tables ?? '';
    expect(chainRules(six, 'cali-INPUT')[0]).toBe('-p 17 -m multiport --destination-ports 51821 -m addrtype --dst-type LOCAL --jump ACCEPT');
  },
  wireguardListeningPort: (base) => {
    expect(plan({ wireguardListeningPort: 51999 })).toBe(base); // only with WireGuard on
    expect(chainRules(plan({ wireguardEnabled: true, wireguardListeningPort: 51999 }), 'cali-INPUT')[0]).toContain('--destination-ports 51999 ');
  },
  wireguardListeningPortV6: () => {
    const six = nodePlan(felixWorld([{ name: 'a', ip: '2001:db8:1::11' }], [], { wireguardEnabledV6: true, wireguardListeningPortV6: 51998 }, '2001:db8:2::10')).ip6tables ?? '';
    expect(chainRules(six, 'cali-INPUT')[0]).toContain('--destination-ports 51998 ');
  },
  wireguardInterfaceName: () => {
    expect(plan({ wireguardEnabled: true })).toContain('--out-interface wireguard.cali -m addrtype');
    expect(plan({ wireguardEnabled: true, wireguardInterfaceName: 'wg0' })).toContain('--out-interface wg0 -m addrtype');
  },
  wireguardInterfaceNameV6: () => {
    const six = nodePlan(felixWorld([{ name: 'a', ip: '2001:db8:1::11' }], [], { wireguardEnabledV6: true, wireguardInterfaceNameV6: 'wg1' }, '2001:db8:2::10')).ip6tables ?? '';
    expect(six).toContain('--out-interface wg1 -m addrtype');
  },
  // static.go StaticRawPreroutingChain, WireguardIncomingMarkChain (static.test.ts "with WireGuard enabled and WireguardEncryptHostTraffic")
  wireguardHostEncryptionEnabled: (base) => {
    expect(plan({ wireguardHostEncryptionEnabled: true })).toBe(base); // only with WireGuard on
    const text = plan({ wireguardEnabled: true, wireguardHostEncryptionEnabled: true });
    expect(chainRules(text, 'cali-PREROUTING')[1]).toBe('--jump cali-wireguard-incoming-mark');
    expect(chainRules(text, 'cali-wireguard-incoming-mark').slice(-1)).toEqual(['--jump MARK --set-mark 0x200000/0x200000']);
  },
  // config_params.go VXLANPort: the workload drop (endpoints.go) and the VXLAN host rules (static.go) match it
  vxlanPort: (base) => {
    expect(base).toContain('-p 17 -m multiport --destination-ports 4789 --jump DROP');
    const text = plan({ vxlanPort: 8472, vxlanEnabled: true });
    expect(text).toContain('-p 17 -m multiport --destination-ports 8472 --jump DROP');
    expect(chainRules(text, 'cali-INPUT')[0]).toContain('--destination-ports 8472 -m set --match-set cali40all-vxlan-net src');
    expect(text).not.toContain('4789');
  },
  // Ipv6Support false: no ip6tables rules at all; the same IPv4 plan, and refused with IPv6 endpoints
  ipv6Support: (base) => {
    expect(plan({ ipv6Support: false })).toBe(base);
    expect(() => felixWorld([{ name: 'a', ip: '2001:db8:1::11' }], [], { ipv6Support: false }, '2001:db8:2::10'))
      .toThrow('manifests.yaml#0: spec.ipv6Support: not modelled: with ipv6Support false Felix programs no ip6tables rules, so the IPv6 traffic of app/a (2001:db8:1::11) would pass unpoliced (got false; allowed: true, or false in a cluster without IPv6 endpoints)');
  },
  // static.go filterInputChain: VXLAN on adds the accept from all-vxlan-net and the DROP of other VXLAN first
  vxlanEnabled: (base) => {
    expect(base).not.toContain('cali40all-vxlan-net');
    expect(chainRules(plan({ vxlanEnabled: true }), 'cali-INPUT').slice(0, 2)).toEqual([
      '-p 17 -m multiport --destination-ports 4789 -m set --match-set cali40all-vxlan-net src -m addrtype --dst-type LOCAL --jump ACCEPT',
      '-p 17 -m multiport --destination-ports 4789 -m addrtype --dst-type LOCAL --jump DROP',
    ]);
  },
};

/** Fields of which only the value Felix uses by default is rendered: a value that is refused, and one that is read. */
const REJECTED: { readonly [field: string]: readonly [unknown, unknown] } = {
  iptablesFilterAllowAction: ['Return', 'Accept'],
  iptablesMangleAllowAction: ['Return', 'ACCEPT'],
  bpfEnabled: [true, false],
  iptablesNATOutgoingInterfaceFilter: ['eth1', ''],
  featureDetectOverride: ['ChecksumOffloadBroken=true,SNATFullyRandom=false', 'ChecksumOffloadBroken=true,MASQFullyRandom=true'],
  chainInsertMode: ['Append', 'insert'],
  externalNodesList: [['203.0.113.0/24'], []],
  floatingIPs: ['Enabled', 'Disabled'],
  interfaceExclude: ['kube-ipvs0,/^veth/', 'kube-ipvs0'],
  interfacePrefix: ['tap', 'cali'],
  istioAmbientMode: ['Enabled', 'Disabled'],
  nftablesMode: ['Enabled', 'Auto'],
  useInternalDataplaneDriver: [false, true],
  workloadSourceSpoofing: ['Any', 'Disabled'],
  maxIpsetSize: [2000000, 1048576],
  metadataAddr: ['169.254.169.254', '127.0.0.1'],
  metadataPort: [8080, 8775],
};

/** The upstream list: [config name, FelixConfiguration field or undefined]. */
function upstreamSettings(): [string, string | undefined][] {
  return fs.readFileSync(path.join(__dirname, 'fixtures', 'felix-params.txt'), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split(' '))
    .filter(([param]) => param !== '-')
    .map(([param, field]): [string, string | undefined] => [param, field === '-' ? undefined : field]);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function felixIssues(spec: FelixConfigurationSpec): string[] {
  const r: FelixConfiguration = { apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec };
  return validateResource(r).map((i) => formatIssue('f.yaml#0', i));
}

describe('every FelixConfiguration field read is honoured or rejected', () => {
  const schema = findKindSchema('projectcalico.org/v3', 'FelixConfiguration');
  const spec = schema && schema.spec.t === 'object' ? schema.spec : undefined;
  const typed = (spec?.fields ?? []).map((f) => f.key);
  const dropped = [...(spec?.ignore ?? [])];

  it('the table has every Felix setting of Calico 3.32.1 and 3.31.7, with its FelixConfiguration field, and no other', () => {
    const upstream = upstreamSettings();
    expect(upstream.length).toBe(205); // 202 of 3.32.1 and 3 of 3.31.7
    expect(FELIX_FIELDS.map((f) => [f.param, f.field]).sort()).toEqual(upstream.sort());
  });

  it('the parse schema types the honoured and refused fields (and nodeSelector) and drops the others by name, with no wildcard', () => {
    expect([...typed].sort()).toEqual([...Object.keys(HONOURED), ...Object.keys(REJECTED), 'nodeSelector'].sort());
    expect(dropped).not.toContain('*');
    expect([...dropped].sort()).toEqual(FELIX_FIELDS.filter((f) => f.use === 'no-effect' && f.field !== undefined).map((f) => f.field).sort());
    expect(typed.length + dropped.length).toBe(184); // 181 fields of 3.32.1 (felixconfig.go) and 3 of 3.31.7
  });

  it("the README's table names every honoured and refused field, and counts the others", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('Every FelixConfiguration field of Calico 3.32'), readme.indexOf('Felix applies a FelixConfiguration named `default`'));
    for (const field of [...Object.keys(HONOURED), ...Object.keys(REJECTED)]) expect(table).toContain(`\`${field}\``);
    const others = FELIX_FIELDS.filter((f) => f.use === 'no-effect' && f.field !== undefined).length;
    expect(table).toContain(`| the other ${others}: `);
  });

  const base = plan(undefined);
  it.each(Object.keys(HONOURED))('honoured: %s changes the plan', (field) => {
    HONOURED[field](base);
  });

  it.each(Object.keys(REJECTED))('rejected: %s, other than the modelled value, with a "not modelled" message', (field) => {
    const [bad, good] = REJECTED[field];
    const issues = felixIssues({ [field]: bad } as FelixConfigurationSpec);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^f\\.yaml#0: spec\\.${field}: not modelled: .+ \\(got ${escapeRegExp(JSON.stringify(bad))}; allowed: .+\\)$`));
    expect(felixIssues({ [field]: good } as FelixConfigurationSpec)).toEqual([]);
  });

  it('a mark mask with fewer than 5 bits is refused (Felix stops: "Not enough mark bits available")', () => {
    expect(felixIssues({ iptablesMarkMask: 0xf0 })).toEqual([
      "f.yaml#0: spec.iptablesMarkMask: iptablesMarkMask has 4 bits set; Felix needs at least 5 (accept, pass, drop, scratch0, scratch1) (got 240; allowed: a 32-bit mask with at least 5 bits set (Felix's default 0xffff0000))",
    ]);
  });

  it('wireguardHostEncryptionEnabled true is read without an issue, with and without WireGuard on', () => {
    expect(felixIssues({ wireguardEnabled: true, wireguardHostEncryptionEnabled: true })).toEqual([]);
    expect(felixIssues({ wireguardHostEncryptionEnabled: true })).toEqual([]);
  });

  it('WireGuard ports 1-65535, device names as Felix\'s iface-param, and a sixth mark bit with WireGuard on (driver.go)', () => {
    expect(felixIssues({ wireguardListeningPort: 0 })).toEqual(['f.yaml#0: spec.wireguardListeningPort: invalid wireguardListeningPort (got 0; allowed: a port 1-65535)']);
    expect(felixIssues({ wireguardListeningPortV6: 65536 })).toEqual(['f.yaml#0: spec.wireguardListeningPortV6: invalid wireguardListeningPortV6 (got 65536; allowed: a port 1-65535)']);
    expect(felixIssues({ wireguardInterfaceName: 'a-name-longer-than-15' })).toEqual([
      'f.yaml#0: spec.wireguardInterfaceName: invalid wireguardInterfaceName (got "a-name-longer-than-15"; allowed: 1-15 characters of letters, digits and : . _ + -)']);
    expect(felixIssues({ wireguardInterfaceNameV6: 'wg 1' })).toHaveLength(1);
    expect(felixIssues({ wireguardEnabled: true, iptablesMarkMask: 0x1f })).toEqual([
      "f.yaml#0: spec.iptablesMarkMask: iptablesMarkMask has 5 bits set; with WireGuard on Felix needs 6 (the WireGuard mark too) (got 31; allowed: a 32-bit mask with at least 6 bits set (Felix's default 0xffff0000))"]);
    expect(felixIssues({ iptablesMarkMask: 0x1f })).toEqual([]);
    expect(felixIssues({ wireguardEnabledV6: true, iptablesMarkMask: 0x3f })).toEqual([]);
  });

  it('a rejected value in a manifest stops the read, naming the file#document and field', () => {
    expect(() => plan({ iptablesFilterAllowAction: 'Return' })).toThrow(/manifests\.yaml#\d+.*spec\.iptablesFilterAllowAction: not modelled/);
  });
});
