// Cases of Felix's felix/rules/static_test.go (calico master) held against our plan, with the
// engine's verdict where a flow shows them. Covered here: "IPv4/IPv6: should include the expected
// workload-to-host chain in the filter chains" (ICMPv6Filter in IPv6 only), the raw PREROUTING RPF
// rule and the workload dispatch chains under FilterDenyAction DROP and REJECT, and (calico v3.32.1
// static_test.go "with IPIP enabled and IPVS=false") "IPv4/IPv6: should include the expected input
// chain" and "... output chain", IP-in-IP turned on by an IPPool with ipipMode Always or CrossSubnet.
// Also (v3.32.1 static_test.go "with default config": "IPv4: Should return expected NAT prerouting
// chain", "... NAT postrouting chain", "... NAT output chain", "IPv4/IPv6: Should return only the
// expected nat chains"; nat_test.go "should render rules when active"; and "with IPv4 VXLAN enabled":
// "IPv4: Should return expected VXLAN notrack PREROUTING chain", "... notrack OUTPUT chain", with the
// filter input/output VXLAN rules of static.go filterInputChain/filterOutputChain). The
// tunnel-address masquerade: "with IPIP enabled" "IPv4/IPv6: Should return expected NAT postrouting
// chain", "with IPv4 VXLAN enabled" "IPv4: ... NAT postrouting chain" and its "and IPv4 tunnel IP",
// "with IPv6 VXLAN enabled" "IPv6: ... NAT postrouting chain" and its "and IPv6 tunnel IP" (the tunnel
// address is the Node's projectcalico.org/IPv4IPIPTunnelAddr, IPv4VXLANTunnelAddr or
// IPv6VXLANTunnelAddr annotation). IPv6 VXLAN: "with IPv6 VXLAN enabled" "IPv6: Should return
// expected VXLAN notrack PREROUTING chain", with the IPv6 filter input/output VXLAN rules of static.go.
// WireGuard: "with WireGuard enabled" "should include the expected input chain in the filter chains"
// (all six IP version / enabled combinations), with static.go's output chain and nat rules for it, and
// "should include the expected WireGuard PREROUTING chain in the raw chains" (WireguardEncryptHostTraffic,
// FelixConfiguration wireguardHostEncryptionEnabled; all six combinations; the engine's verdicts are
// unchanged, its note says what routing changes). Left out: IPVS (no manifest turns it on) and
// OpenStack, BPF and Istio ambient mode (the metadataAddr/metadataPort, bpfEnabled and
// istioAmbientMode values that turn them on are refused); the engine follows the tunnel source for Always pools
// and for CrossSubnet pools across subnets (test/engine/cross-subnet-tunnel.test.ts); checkManglePostrouting is
// held in test/iptables/chains.test.ts; natPortRange, natOutgoingAddress and natOutgoingExclusions
// are nat_test.go's (nat.test.ts).
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';
import { NODE, chainRules, felixWorld, nodePlan } from './world';

const V6_PODS = [{ name: 'a', ip: '2001:db8:1::11', labels: { app: 'a' } }, { name: 'b', ip: '2001:db8:1::12', labels: { app: 'b' } }];
const NODE_V6 = '2001:db8:2::10';
const ICMPV6_ACCEPTS = [130, 131, 132, 133, 135, 136].map((t) => `-p 58 -m icmp6 --icmpv6-type ${t} --jump ACCEPT`);

const EGRESS_DENY_ALL = {
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'no-egress' },
  spec: { selector: 'all()', types: ['Egress'], egress: [] },
};

describe('static_test.go: the workload-to-host chain', () => {
  it('IPv6: should include the expected workload-to-host chain (ICMPv6 types 130-133, 135, 136 accepted first)', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [], undefined, NODE_V6));
    expect(plan.ip6tables).toBeDefined();
    expect(chainRules(plan.ip6tables ?? '', 'cali-wl-to-host')).toEqual([
      ...ICMPV6_ACCEPTS, '--jump cali-from-wl-dispatch', '--jump DROP',
    ]);
  });

  it('IPv4: should include the expected workload-to-host chain (no ICMPv6 rules)', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [], undefined, NODE_V6));
    expect(chainRules(plan.iptables, 'cali-wl-to-host')).toEqual(['--jump cali-from-wl-dispatch', '--jump DROP']);
  });

  it('the engine: ND and MLD from a pod to its host pass before egress policy; echo and pod-to-pod do not', () => {
    const model = felixWorld(V6_PODS, [EGRESS_DENY_ALL], { defaultEndpointToHostAction: 'Accept' }, NODE_V6);
    const toHost = (icmpType: number): boolean => evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: NODE_V6, protocol: 'ICMPv6' }), icmpType }).allowed;
    for (const t of [130, 131, 132, 133, 135, 136]) expect(toHost(t)).toBe(true);
    expect(toHost(128)).toBe(false); // echo request: egress policy decides
    expect(toHost(134)).toBe(false); // router advertisement is not in Felix's list
    const ns = evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: NODE_V6, protocol: 'ICMPv6' }), icmpType: 135 });
    expect(ns.egress.stages.map((s) => s.stage)).toEqual(['workload-to-host']);
    expect(ns.egress.reason).toContain('ICMPv6 type 135');
    // The accept is in cali-wl-to-host (INPUT) only: a neighbour solicitation to another pod is forwarded and policed.
    expect(evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: 'app/b', protocol: 'ICMPv6' }), icmpType: 135 }).allowed).toBe(false);
  });
});

describe('static_test.go: raw PREROUTING RPF and the workload dispatch chains under the deny action', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  it.each([
    ['DROP (Felix default)', undefined, '--jump DROP'],
    ['REJECT', { iptablesFilterDenyAction: 'Reject' }, '--jump REJECT'],
  ])('%s: unknown workload interfaces get the deny action', (_name, spec, action) => {
    const plan = nodePlan(felixWorld(pods, [], spec, '198.51.100.10'));
    for (const chain of ['cali-from-wl-dispatch', 'cali-to-wl-dispatch']) {
      const rules = chainRules(plan.iptables, chain);
      expect(rules[rules.length - 1]).toBe(action);
    }
  });

  it('REJECT: the raw RPF check stays DROP (Felix renders REJECT, which the kernel refuses in raw: calico#7914, fix PR #12036)', () => {
    const plan = nodePlan(felixWorld(pods, [], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    const raw = plan.iptables.slice(plan.iptables.indexOf('*raw'), plan.iptables.indexOf('*mangle'));
    expect(chainRules(raw, 'cali-PREROUTING')).toContain('-m mark --mark 0x80000/0x80000 -m rpfilter --validmark --invert --jump DROP');
    expect(plan.iptables.slice(plan.iptables.indexOf('*raw'), plan.iptables.indexOf('*filter'))).not.toContain('REJECT');
    expect(plan.iptables).toContain('# iptablesFilterDenyAction Reject: REJECT in the filter table; raw keeps DROP');
  });

  it('REJECT: DefaultEndpointToHostAction Drop stays a plain DROP (rule_defs.go inputAcceptActions)', () => {
    const plan = nodePlan(felixWorld(pods, [], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    expect(chainRules(plan.iptables, 'cali-wl-to-host')).toEqual(['--jump cali-from-wl-dispatch', '--jump DROP']);
  });
});

const IPIP_POOL = (mode: string): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' },
  spec: { cidr: '192.0.2.0/24', ipipMode: mode, natOutgoing: true },
});
const INPUT_TAIL = [
  '--in-interface cali+ --goto cali-wl-to-host', '-m mark --mark 0x10000/0x10000 --jump ACCEPT', '--jump MARK --set-mark 0/0x1b0000',
  '--jump cali-from-host-endpoint', '-m mark --mark 0x10000/0x10000 --jump ACCEPT',
];
const OUTPUT_HEAD = ['-m mark --mark 0x10000/0x10000 --jump ACCEPT', '--out-interface cali+ --jump RETURN'];
/** The filter table of a plan's text (cali-OUTPUT is also a raw chain). */
const filterOf = (text: string): string => text.slice(text.indexOf('*filter'), text.indexOf('*nat'));
const OUTPUT_TAIL = ['--jump MARK --set-mark 0/0x1b0000', '-m conntrack ! --ctstate DNAT --jump cali-to-host-endpoint', '-m mark --mark 0x10000/0x10000 --jump ACCEPT'];

describe('static_test.go (v3.32.1): with IPIP enabled and IPVS=false', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  it.each(['Always', 'CrossSubnet'])('IPv4: should include the expected input chain in the filter chains (pool ipipMode %s)', (mode) => {
    const plan = nodePlan(felixWorld(pods, [IPIP_POOL(mode)], undefined, '198.51.100.10'));
    expect(chainRules(plan.iptables, 'cali-INPUT')).toEqual([
      '-p 4 -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL --jump ACCEPT', '-p 4 --jump DROP', ...INPUT_TAIL,
    ]);
    expect(plan.iptables).toContain('-m comment --comment "cali:');
    expect(plan.iptables).toMatch(/"cali:[^ ]+ Drop IPIP packets from non-Calico hosts"/);
    expect(plan.ipsets).toContain('create cali40all-hosts-net hash:net family inet');
    expect(plan.ipsets).toContain('add cali40all-hosts-net 198.51.100.10');
  });

  it('IPv4: should include the expected output chain in the filter chains', () => {
    const plan = nodePlan(felixWorld(pods, [IPIP_POOL('Always')], undefined, '198.51.100.10'));
    expect(chainRules(filterOf(plan.iptables), 'cali-OUTPUT')).toEqual([
      ...OUTPUT_HEAD, '-p 4 -m set --match-set cali40all-hosts-net dst -m addrtype --src-type LOCAL --jump ACCEPT', ...OUTPUT_TAIL,
    ]);
  });

  it('IPv4, FilterDenyAction REJECT: "Reject IPIP packets from non-Calico hosts"', () => {
    const plan = nodePlan(felixWorld(pods, [IPIP_POOL('Always')], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    expect(chainRules(plan.iptables, 'cali-INPUT')[1]).toBe('-p 4 --jump REJECT');
    expect(plan.iptables).toMatch(/"cali:[^ ]+ Reject IPIP packets from non-Calico hosts"/);
  });

  it('IPv6: should include the expected input and output chains (unaffected by IPIP)', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [IPIP_POOL('Always')], undefined, NODE_V6));
    expect(chainRules(plan.ip6tables ?? '', 'cali-INPUT')).toEqual(INPUT_TAIL);
    expect(chainRules(filterOf(plan.ip6tables ?? ''), 'cali-OUTPUT')).toEqual([...OUTPUT_HEAD, ...OUTPUT_TAIL]);
  });

  it('no IPIP rules without a pool in IP-in-IP mode, or with FelixConfiguration ipipEnabled false; ipipEnabled true turns them on alone', () => {
    expect(chainRules(nodePlan(felixWorld(pods, [IPIP_POOL('Never')], undefined, '198.51.100.10')).iptables, 'cali-INPUT')).toEqual(INPUT_TAIL);
    expect(chainRules(nodePlan(felixWorld(pods, [IPIP_POOL('Always')], { ipipEnabled: false }, '198.51.100.10')).iptables, 'cali-INPUT')).toEqual(INPUT_TAIL);
    expect(chainRules(nodePlan(felixWorld(pods, [], { ipipEnabled: true }, '198.51.100.10')).iptables, 'cali-INPUT')).toHaveLength(INPUT_TAIL.length + 2);
  });

  it('the natOutgoing note says what the masquerade changes (never silently)', () => {
    expect(felixWorld(pods, [IPIP_POOL('Always')], undefined, '198.51.100.10').notes).toContainEqual(
      expect.stringContaining('IPPool pods: natOutgoing: pod traffic to addresses outside every pool is masqueraded to the node\'s address'));
    expect(felixWorld(pods, [], undefined, '198.51.100.10').notes.join('\n')).not.toContain('natOutgoing');
  });
});

const natOf = (text: string): string => text.slice(text.indexOf('*nat'));
const rawOf = (text: string): string => text.slice(text.indexOf('*raw'), text.indexOf('*mangle'));
const POOL = (name: string, cidr: string, extra: object = {}): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name }, spec: { cidr, ...extra },
});

describe('static_test.go (v3.32.1) with default config: the nat table; nat_test.go', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  it('IPv4: Should return expected NAT prerouting, postrouting and output chains, and only those Calico top-level chains', () => {
    const nat = natOf(nodePlan(felixWorld(pods, [], undefined, '198.51.100.10')).iptables);
    expect(chainRules(nat, 'cali-PREROUTING')).toEqual(['--jump cali-fip-dnat']);
    expect(chainRules(nat, 'cali-POSTROUTING')).toEqual(['--jump cali-fip-snat', '--jump cali-nat-outgoing']);
    expect(chainRules(nat, 'cali-OUTPUT')).toEqual(['--jump cali-fip-dnat']);
    // the built-in chains jump to them; no pool with natOutgoing: cali-nat-outgoing is empty (masq_mgr.go)
    expect(chainRules(nat, 'PREROUTING')).toEqual(['--jump cali-PREROUTING']);
    expect(chainRules(nat, 'POSTROUTING')).toEqual(['--jump cali-POSTROUTING']);
    expect(chainRules(nat, 'OUTPUT')).toEqual(['--jump cali-OUTPUT']);
    expect(chainRules(nat, 'cali-nat-outgoing')).toEqual([]);
    expect(nat).toContain(':cali-nat-outgoing - [0:0]');
  });

  it('IPv6: the same three nat chains', () => {
    const nat = natOf(nodePlan(felixWorld(V6_PODS, [], undefined, NODE_V6)).ip6tables ?? '');
    expect(chainRules(nat, 'cali-POSTROUTING')).toEqual(['--jump cali-fip-snat', '--jump cali-nat-outgoing']);
    expect(chainRules(nat, 'cali-PREROUTING')).toEqual(['--jump cali-fip-dnat']);
  });

  it('nat_test.go "should render rules when active": masquerade from cali40masq-ipam-pools to outside cali40network-ip-pools', () => {
    const pools = [POOL('nat', '192.0.2.0/24', { natOutgoing: true }), POOL('plain', '203.0.113.0/24'), POOL('lb', '198.51.100.128/25', { allowedUses: ['LoadBalancer'] }),
      POOL('off', '203.0.113.0/25', { natOutgoing: true, disabled: true })];
    const plan = nodePlan(felixWorld(pods, pools, undefined, '198.51.100.10'));
    expect(chainRules(natOf(plan.iptables), 'cali-nat-outgoing')).toEqual([
      '-m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40network-ip-pools dst --jump MASQUERADE --random-fully',
    ]);
    // masq_mgr.go: every pool with natOutgoing (disabled ones too) is a masquerade source; every pool but
    // a LoadBalancer-only one is a destination left alone
    expect(plan.ipsets).toContain('add cali40masq-ipam-pools 192.0.2.0/24');
    expect(plan.ipsets).toContain('add cali40masq-ipam-pools 203.0.113.0/25');
    expect(plan.ipsets).not.toContain('add cali40masq-ipam-pools 203.0.113.0/24');
    expect(plan.ipsets).toContain('add cali40network-ip-pools 192.0.2.0/24');
    expect(plan.ipsets).toContain('add cali40network-ip-pools 203.0.113.0/24');
    expect(plan.ipsets).not.toContain('add cali40network-ip-pools 198.51.100.128/25');
  });

  it('an IPv6 natOutgoing pool masquerades in ip6tables only', () => {
    const plan = nodePlan(felixWorld(V6_PODS, [POOL('v6', '2001:db8:1::/64', { natOutgoing: true })], undefined, NODE_V6));
    expect(chainRules(natOf(plan.iptables), 'cali-nat-outgoing')).toEqual([]);
    expect(chainRules(natOf(plan.ip6tables ?? ''), 'cali-nat-outgoing')).toEqual([
      '-m set --match-set cali60masq-ipam-pools src -m set ! --match-set cali60network-ip-pools dst --jump MASQUERADE --random-fully',
    ]);
    expect(plan.ipsets).toContain('add cali60masq-ipam-pools 2001:db8:1::/64');
  });
});

const IPIP_ADDR = 'projectcalico.org/IPv4IPIPTunnelAddr';
const VXLAN_ADDR = 'projectcalico.org/IPv4VXLANTunnelAddr';
const VXLAN6_ADDR = 'projectcalico.org/IPv6VXLANTunnelAddr';
/** static_test.go's expected tunnel rule: OutInterface(dev), NotSrcAddrType(LOCAL, true), SrcAddrType(LOCAL, false), MasqAction (--random-fully: nat-chains.ts). */
const TUNNEL_MASQ = (dev: string): string => `--out-interface ${dev} -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL --jump MASQUERADE --random-fully`;
const NAT_POSTROUTING_HEAD = ['--jump cali-fip-snat', '--jump cali-nat-outgoing'];

describe('static_test.go (v3.32.1): the tunnel-address masquerade in nat cali-POSTROUTING', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  const postrouting = (pools: object[], felix: object | undefined, annotations: Record<string, string> | undefined, v6 = false): string[] => {
    const plan = nodePlan(felixWorld(v6 ? V6_PODS : pods, pools, felix, v6 ? NODE_V6 : '198.51.100.10', [], undefined, annotations));
    return chainRules(natOf(v6 ? plan.ip6tables ?? '' : plan.iptables), 'cali-POSTROUTING');
  };
  const ipip = [IPIP_POOL('Always')];
  const vx = [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })];
  const vx6 = [POOL('vx6', '2001:db8:1::/64', { vxlanMode: 'Always' })];
  it.each<[string, object[], object | undefined, Record<string, string> | undefined, boolean, string[]]>([
    // "with IPIP enabled": "IPv4: Should return expected NAT postrouting chain" (IPIPTunnelAddress 10.0.0.1)
    ['with IPIP enabled: IPv4 NAT postrouting (tunl0)', ipip, undefined, { [IPIP_ADDR]: '192.0.2.1' }, false, [TUNNEL_MASQ('tunl0')]],
    // "with IPIP enabled" / "with IPv4 VXLAN enabled": "IPv4: Should return expected NAT postrouting chain" (no VXLAN tunnel address yet)
    ['with IPv4 VXLAN enabled (no VXLAN tunnel address): tunl0 only', vx, { ipipEnabled: true }, { [IPIP_ADDR]: '192.0.2.1' }, false, [TUNNEL_MASQ('tunl0')]],
    // "... with IPv4 VXLAN enabled" / "and IPv4 tunnel IP": "IPv4: Should return expected NAT postrouting chain"
    ['and IPv4 tunnel IP: tunl0 then vxlan.calico', vx, { ipipEnabled: true }, { [IPIP_ADDR]: '192.0.2.1', [VXLAN_ADDR]: '192.0.2.2' }, false,
      [TUNNEL_MASQ('tunl0'), TUNNEL_MASQ('vxlan.calico')]],
    // "with IPIP enabled": "IPv6: Should return expected NAT postrouting chain" (IP-in-IP is IPv4 only)
    ['with IPIP enabled: IPv6 NAT postrouting has no tunnel rule', ipip, undefined, { [IPIP_ADDR]: '192.0.2.1' }, true, []],
    // "with IPv6 VXLAN enabled": "IPv6: Should return expected NAT postrouting chain" (no IPv6 tunnel address)
    ['with IPv6 VXLAN enabled (no IPv6 tunnel address)', vx6, undefined, undefined, true, []],
    // "with IPv6 VXLAN enabled" / "and IPv6 tunnel IP": "IPv6: Should return expected NAT postrouting chain"
    ['and IPv6 tunnel IP: vxlan-v6.calico', vx6, undefined, { [VXLAN6_ADDR]: '2001:db8:1::1' }, true, [TUNNEL_MASQ('vxlan-v6.calico')]],
    // static.go: the address alone is not enough, the encapsulation must be on
    ['a tunnel address without the encapsulation on: no rule', [], undefined, { [IPIP_ADDR]: '192.0.2.1', [VXLAN_ADDR]: '192.0.2.2' }, false, []],
    ['IP-in-IP on without the Node\'s tunnel address: no rule', ipip, undefined, undefined, false, []],
  ])('%s', (_name, pools, felix, annotations, v6, tail) => {
    expect(postrouting(pools, felix, annotations, v6)).toEqual([...NAT_POSTROUTING_HEAD, ...tail]);
  });

  it('the engine: another node\'s host traffic to a pod through the tunnel arrives from that node\'s tunnel address (Always pools, and CrossSubnet pools across subnets)', () => {
    const fromNet = (cidr: string): object => ({
      apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'only', namespace: 'app' },
      spec: { selector: "app == 'a'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { nets: [cidr] } }] },
    });
    const podA = [{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }];
    const node2 = (annotations?: Record<string, string>): { name: string; ip: string; annotations?: Record<string, string> } => ({ name: 'node-2', ip: '198.51.100.20', ...(annotations ? { annotations } : {}) });
    const verdict = (pool: object, policy: object, annotations?: Record<string, string>, local?: Record<string, string>): ReturnType<typeof evaluateFlow> => {
      const model = felixWorld(podA, [pool, policy], undefined, '198.51.100.10', [node2(annotations)], undefined, local);
      return evaluateFlow(model, buildFlow(model, { from: '198.51.100.20', to: 'app/a', protocol: 'TCP', port: 80 }));
    };
    const tunnelled = verdict(IPIP_POOL('Always'), fromNet('192.0.2.1/32'), { [IPIP_ADDR]: '192.0.2.1' });
    expect(tunnelled.allowed).toBe(true);
    expect(tunnelled.ingress.reason).toContain('arrives from node node-2\'s tunnel address 192.0.2.1');
    expect(tunnelled.ingress.reason).toContain('tunl0');
    // the node's InternalIP is not what the pod sees
    expect(verdict(IPIP_POOL('Always'), fromNet('198.51.100.20/32'), { [IPIP_ADDR]: '192.0.2.1' }).allowed).toBe(false);
    // no tunnel address on the Node, or a CrossSubnet pool between nodes of one subnet (their
    // projectcalico.org/IPv4Address annotations): judged with the address the flow names
    expect(verdict(IPIP_POOL('Always'), fromNet('198.51.100.20/32')).allowed).toBe(true);
    const BGP = 'projectcalico.org/IPv4Address';
    expect(verdict(IPIP_POOL('CrossSubnet'), fromNet('198.51.100.20/32'), { [IPIP_ADDR]: '192.0.2.1', [BGP]: '198.51.100.20/24' }, { [BGP]: '198.51.100.10/24' }).allowed).toBe(true);
    // CrossSubnet without the subnets known (each node a /32 of its InternalIP): through the tunnel (test/engine/cross-subnet-tunnel.test.ts)
    expect(verdict(IPIP_POOL('CrossSubnet'), fromNet('198.51.100.20/32'), { [IPIP_ADDR]: '192.0.2.1' }).allowed).toBe(false);
    // VXLAN Always: the VXLAN tunnel address
    const vxPool = POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' });
    expect(verdict(vxPool, fromNet('192.0.2.2/32'), { [IPIP_ADDR]: '192.0.2.1', [VXLAN_ADDR]: '192.0.2.2' }).allowed).toBe(true);
    expect(verdict(vxPool, fromNet('192.0.2.1/32'), { [IPIP_ADDR]: '192.0.2.1', [VXLAN_ADDR]: '192.0.2.2' }).allowed).toBe(false);
  });

  it('a tunnel address annotation of the wrong IP version is refused, naming the field', () => {
    expect(() => felixWorld(pods, ipip, undefined, '198.51.100.10', [], undefined, { [IPIP_ADDR]: '2001:db8::1' }))
      .toThrow(/cluster\.yaml.*metadata\.annotations\["projectcalico\.org\/IPv4IPIPTunnelAddr"\].*an IPv4 address/);
  });
});

const VXLAN_IN = [
  '-p 17 -m multiport --destination-ports 4789 -m set --match-set cali40all-vxlan-net src -m addrtype --dst-type LOCAL --jump ACCEPT',
  '-p 17 -m multiport --destination-ports 4789 -m addrtype --dst-type LOCAL --jump DROP',
];
const VXLAN_OUT = '-p 17 -m multiport --destination-ports 4789 -m addrtype --src-type LOCAL -m set --match-set cali40all-vxlan-net dst --jump ACCEPT';

describe('static_test.go (v3.32.1): with IPv4 VXLAN enabled', () => {
  const pods = [{ name: 'a', ip: '192.0.2.11' }];
  const others = [{ name: 'node-2', ip: '198.51.100.20' }];
  it.each(['Always', 'CrossSubnet'])('filter cali-INPUT and cali-OUTPUT (pool vxlanMode %s); all-vxlan-net holds the nodes\' addresses', (mode) => {
    const plan = nodePlan(felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: mode })], undefined, '198.51.100.10', others));
    expect(chainRules(plan.iptables, 'cali-INPUT')).toEqual([...VXLAN_IN, ...INPUT_TAIL]);
    expect(chainRules(filterOf(plan.iptables), 'cali-OUTPUT')).toEqual([...OUTPUT_HEAD, VXLAN_OUT, ...OUTPUT_TAIL]);
    expect(plan.ipsets).toContain('create cali40all-vxlan-net hash:net family inet');
    expect(plan.ipsets).toContain('add cali40all-vxlan-net 198.51.100.10');
    expect(plan.ipsets).toContain('add cali40all-vxlan-net 198.51.100.20');
  });

  it('IPv4: Should return expected VXLAN notrack PREROUTING chain and notrack OUTPUT chain', () => {
    const plan = nodePlan(felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })], undefined, '198.51.100.10'));
    const raw = plan.iptables.slice(plan.iptables.indexOf('*raw'), plan.iptables.indexOf('*mangle'));
    expect(chainRules(raw, 'cali-PREROUTING').slice(0, 3)).toEqual(['--jump MARK --set-mark 0/0x1b0000', '-p udp --dport 4789 --jump CT --notrack', '--in-interface cali+ --jump MARK --set-mark 0x80000/0x80000']);
    expect(chainRules(raw, 'cali-OUTPUT')).toEqual(['--jump MARK --set-mark 0/0x1b0000', '--jump cali-to-host-endpoint', '-p udp --dport 4789 --jump CT --notrack', '-m mark --mark 0x10000/0x10000 --jump ACCEPT']);
  });

  it('IP-in-IP rules come before the VXLAN rules when both are on; vxlanEnabled alone turns VXLAN on, false turns it off', () => {
    const both = nodePlan(felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })], { ipipEnabled: true }, '198.51.100.10'));
    expect(chainRules(both.iptables, 'cali-INPUT').slice(0, 4)).toEqual([
      '-p 4 -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL --jump ACCEPT', '-p 4 --jump DROP', ...VXLAN_IN,
    ]);
    expect(chainRules(nodePlan(felixWorld(pods, [], { vxlanEnabled: true }, '198.51.100.10')).iptables, 'cali-INPUT')).toEqual([...VXLAN_IN, ...INPUT_TAIL]);
    const off = nodePlan(felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })], { vxlanEnabled: false }, '198.51.100.10'));
    expect(chainRules(off.iptables, 'cali-INPUT')).toEqual(INPUT_TAIL);
    expect(off.ipsets).not.toContain('all-vxlan-net');
  });

  it('FilterDenyAction REJECT: the IPv4 VXLAN drop stays DROP (static.go uses r.Drop() there)', () => {
    const plan = nodePlan(felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })], { iptablesFilterDenyAction: 'Reject' }, '198.51.100.10'));
    expect(chainRules(plan.iptables, 'cali-INPUT')[1]).toBe(VXLAN_IN[1]);
  });

  it('the engine: VXLAN to the node from a node address is accepted before host endpoint policy; from another host dropped; the host\'s VXLAN to a node accepted', () => {
    const model = felixWorld(pods, [POOL('vx', '192.0.2.0/24', { vxlanMode: 'Always' })], undefined, '198.51.100.10', others);
    const flow = (from: string, to: string): ReturnType<typeof evaluateFlow> => evaluateFlow(model, buildFlow(model, { from, to, protocol: 'UDP', port: 4789 }));
    expect(flow('198.51.100.20', '198.51.100.10').allowed).toBe(true);
    expect(flow('198.51.100.20', '198.51.100.10').ingress.stages.map((s) => s.stage)).toEqual(['host-vxlan']);
    const stranger = flow('203.0.113.9', '198.51.100.10');
    expect(stranger.allowed).toBe(false);
    expect(stranger.ingress.reason).toContain('not in all-vxlan-net');
    expect(flow('198.51.100.10', '198.51.100.20').egress.stages.map((s) => s.stage)).toEqual(['host-vxlan']);
    // another UDP port is not VXLAN
    expect(evaluateFlow(model, buildFlow(model, { from: '203.0.113.9', to: '198.51.100.10', protocol: 'UDP', port: 4790 })).ingress.stages.map((s) => s.stage)).not.toContain('host-vxlan');
  });
});

const VXLAN6_IN = (deny: string): string[] => [
  '-p 17 -m multiport --destination-ports 4789 -m set --match-set cali60all-vxlan-net src -m addrtype --dst-type LOCAL --jump ACCEPT',
  `-p 17 -m multiport --destination-ports 4789 -m addrtype --dst-type LOCAL --jump ${deny}`,
];
const VXLAN6_OUT = '-p 17 -m multiport --destination-ports 4789 -m addrtype --src-type LOCAL -m set --match-set cali60all-vxlan-net dst --jump ACCEPT';

// static.go filterInputChain / filterOutputChain "ipVersion == 6 && r.VXLANEnabledV6" (v3.32.1), and
// static_test.go "with IPv6 VXLAN enabled": "IPv6: Should return expected VXLAN notrack PREROUTING chain".
describe('static_test.go (v3.32.1): with IPv6 VXLAN enabled', () => {
  const vx6 = POOL('vx6', '2001:db8:1::/64', { vxlanMode: 'Always' });
  const others = [{ name: 'node-2', ip: '2001:db8:2::20' }];
  it.each(['Always', 'CrossSubnet'])('ip6tables cali-INPUT and cali-OUTPUT (IPv6 pool vxlanMode %s); cali60all-vxlan-net holds the nodes\' IPv6 addresses; iptables untouched', (mode) => {
    const plan = nodePlan(felixWorld(V6_PODS, [POOL('vx6', '2001:db8:1::/64', { vxlanMode: mode })], undefined, NODE_V6, others));
    const v6 = plan.ip6tables ?? '';
    expect(chainRules(v6, 'cali-INPUT')).toEqual([...VXLAN6_IN('DROP'), ...INPUT_TAIL]);
    expect(v6).toMatch(/"cali:[^ ]+ Allow IPv6 VXLAN packets from allowed hosts"/);
    expect(v6).toMatch(/"cali:[^ ]+ Drop IPv6 VXLAN packets from non-allowed hosts"/);
    expect(chainRules(filterOf(v6), 'cali-OUTPUT')).toEqual([...OUTPUT_HEAD, VXLAN6_OUT, ...OUTPUT_TAIL]);
    expect(plan.ipsets).toContain('create cali60all-vxlan-net hash:net family inet6');
    expect(plan.ipsets).toContain('add cali60all-vxlan-net 2001:db8:2::10');
    expect(plan.ipsets).toContain('add cali60all-vxlan-net 2001:db8:2::20');
    // an IPv6 pool does not turn IPv4 VXLAN on
    expect(chainRules(plan.iptables, 'cali-INPUT')).toEqual(INPUT_TAIL);
  });

  it('IPv6: Should return expected VXLAN notrack PREROUTING chain (and the raw OUTPUT NOTRACK, static.go StaticRawOutputChain)', () => {
    const v6 = nodePlan(felixWorld(V6_PODS, [vx6], undefined, NODE_V6)).ip6tables ?? '';
    const raw = v6.slice(v6.indexOf('*raw'), v6.indexOf('*mangle'));
    expect(chainRules(raw, 'cali-PREROUTING').slice(0, 3)).toEqual(['--jump MARK --set-mark 0/0x1b0000', '-p udp --dport 4789 --jump CT --notrack', '--in-interface cali+ --jump MARK --set-mark 0x80000/0x80000']);
    expect(chainRules(raw, 'cali-OUTPUT')).toEqual(['--jump MARK --set-mark 0/0x1b0000', '--jump cali-to-host-endpoint', '-p udp --dport 4789 --jump CT --notrack', '-m mark --mark 0x10000/0x10000 --jump ACCEPT']);
  });

  it('FilterDenyAction REJECT: the IPv6 VXLAN deny is REJECT (static.go uses r.IptablesFilterDenyAction() there, unlike IPv4)', () => {
    const v6 = nodePlan(felixWorld(V6_PODS, [vx6], { iptablesFilterDenyAction: 'Reject' }, NODE_V6)).ip6tables ?? '';
    expect(chainRules(v6, 'cali-INPUT').slice(0, 2)).toEqual(VXLAN6_IN('REJECT'));
    expect(v6).toMatch(/"cali:[^ ]+ Reject IPv6 VXLAN packets from non-allowed hosts"/);
  });

  it('FelixConfiguration vxlanEnabled does not turn IPv6 VXLAN on or off (encapsulation_resolver.go VXLANEnabledV6: the pools alone)', () => {
    const off = nodePlan(felixWorld(V6_PODS, [vx6], { vxlanEnabled: false }, NODE_V6)).ip6tables ?? '';
    expect(chainRules(off, 'cali-INPUT')).toEqual([...VXLAN6_IN('DROP'), ...INPUT_TAIL]);
    const on = nodePlan(felixWorld(V6_PODS, [], { vxlanEnabled: true }, NODE_V6)).ip6tables ?? '';
    expect(chainRules(on, 'cali-INPUT')).toEqual(INPUT_TAIL);
  });

  it('the engine: IPv6 VXLAN to the node from a node address is accepted before host endpoint policy; from another host denied with the deny action', () => {
    const model = felixWorld(V6_PODS, [vx6], undefined, NODE_V6, others);
    const flow = (m: typeof model, from: string, to: string): ReturnType<typeof evaluateFlow> => evaluateFlow(m, buildFlow(m, { from, to, protocol: 'UDP', port: 4789 }));
    const ok = flow(model, '2001:db8:2::20', NODE_V6);
    expect(ok.allowed).toBe(true);
    expect(ok.ingress.stages.map((s) => s.stage)).toEqual(['host-vxlan']);
    const stranger = flow(model, '2001:db8:3::9', NODE_V6);
    expect(stranger.allowed).toBe(false);
    expect(stranger.ingress.reason).toContain('IPv6 VXLAN (UDP 4789) from a host not in all-vxlan-net');
    expect(flow(model, NODE_V6, '2001:db8:2::20').egress.stages.map((s) => s.stage)).toEqual(['host-vxlan']);
    // without an IPv6 VXLAN pool, nothing special
    const plain = felixWorld(V6_PODS, [], undefined, NODE_V6, others);
    expect(flow(plain, '2001:db8:3::9', NODE_V6).ingress.stages.map((s) => s.stage)).not.toContain('host-vxlan');
    expect(flow(plain, '2001:db8:3::9', NODE_V6).ingress.reason).not.toContain('VXLAN');
  });
});

// static_test.go (v3.32.1) "with WireGuard enabled", for each of IPv4/IPv6 enabled (true,false),
// (false,true), (true,true) and IP version 4 and 6: "should include the expected input chain in the
// filter chains" (UDP 51820 / 51821 to a local address accepted first), and static.go filterOutputChain
// ("Allow outgoing IPv4/IPv6 Wireguard packets") and StaticNATPostroutingChains (the WireGuard device).
// Host encryption (wireguardHostEncryptionEnabled, Felix's WireguardEncryptHostTraffic): the
// describe block below this one.
const WG_IN = (port: number): string => `-p 17 -m multiport --destination-ports ${port} -m addrtype --dst-type LOCAL --jump ACCEPT`;
const WG_OUT = (port: number): string => `-p 17 -m multiport --destination-ports ${port} -m addrtype --src-type LOCAL --jump ACCEPT`;

describe('static_test.go (v3.32.1): with WireGuard enabled', () => {
  const dual = [{ name: 'a', ip: '192.0.2.11' }, ...V6_PODS.slice(1)];
  const plan = (felix: object): ReturnType<typeof nodePlan> => nodePlan(felixWorld(dual, [], felix, '198.51.100.10', [], undefined, { 'projectcalico.org/IPv6VXLANTunnelAddr': '2001:db8:1::1' }));
  it.each<[boolean, boolean]>([[true, false], [false, true], [true, true]])('IPv4 enabled: %s, IPv6 enabled: %s: the input chain (IPv4 and IPv6), the output chain, the nat tunnel masquerade', (v4, v6) => {
    const p = plan({ wireguardEnabled: v4, wireguardEnabledV6: v6 });
    const six = p.ip6tables ?? '';
    expect(chainRules(p.iptables, 'cali-INPUT')).toEqual([...(v4 ? [WG_IN(51820)] : []), ...INPUT_TAIL]);
    expect(chainRules(six, 'cali-INPUT')).toEqual([...(v6 ? [WG_IN(51821)] : []), ...INPUT_TAIL]);
    expect(chainRules(filterOf(p.iptables), 'cali-OUTPUT')).toEqual([...OUTPUT_HEAD, ...(v4 ? [WG_OUT(51820)] : []), ...OUTPUT_TAIL]);
    expect(chainRules(filterOf(six), 'cali-OUTPUT')).toEqual([...OUTPUT_HEAD, ...(v6 ? [WG_OUT(51821)] : []), ...OUTPUT_TAIL]);
    expect(chainRules(natOf(p.iptables), 'cali-POSTROUTING')).toEqual([...NAT_POSTROUTING_HEAD, ...(v4 ? [TUNNEL_MASQ('wireguard.cali')] : [])]);
    // no IPv6 VXLAN pool: the IPv6 VXLAN tunnel address alone adds nothing
    expect(chainRules(natOf(six), 'cali-POSTROUTING')).toEqual([...NAT_POSTROUTING_HEAD, ...(v6 ? [TUNNEL_MASQ('wg-v6.cali')] : [])]);
    if (v4) expect(p.iptables).toMatch(/"cali:[^ ]+ Allow incoming IPv4 Wireguard packets"/);
    if (v6) expect(six).toMatch(/"cali:[^ ]+ Allow outgoing IPv6 Wireguard packets"/);
  });

  it('wireguardListeningPort(V6) and wireguardInterfaceName(V6) change the port and the device; the rule comes after the IP-in-IP and VXLAN rules', () => {
    const p = nodePlan(felixWorld(dual, [IPIP_POOL('Always')], {
      wireguardEnabled: true, wireguardEnabledV6: true, wireguardListeningPort: 51900, wireguardListeningPortV6: 51901,
      wireguardInterfaceName: 'wg0', wireguardInterfaceNameV6: 'wg1', vxlanEnabled: true,
    }, '198.51.100.10', [], undefined, { [IPIP_ADDR]: '192.0.2.1' }));
    expect(chainRules(p.iptables, 'cali-INPUT').slice(0, 5)).toEqual([
      '-p 4 -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL --jump ACCEPT', '-p 4 --jump DROP', ...VXLAN_IN, WG_IN(51900),
    ]);
    expect(chainRules(p.ip6tables ?? '', 'cali-INPUT')[0]).toBe(WG_IN(51901));
    expect(chainRules(natOf(p.iptables), 'cali-POSTROUTING')).toEqual([...NAT_POSTROUTING_HEAD, TUNNEL_MASQ('tunl0'), TUNNEL_MASQ('wg0')]);
    expect(chainRules(natOf(p.ip6tables ?? ''), 'cali-POSTROUTING')).toEqual([...NAT_POSTROUTING_HEAD, TUNNEL_MASQ('wg1')]);
  });

  it('the raw table is unchanged (no cali-wireguard-incoming-mark without host encryption)', () => {
    expect(rawOf(plan({ wireguardEnabled: true }).iptables)).toBe(rawOf(plan({}).iptables));
    expect(rawOf(plan({ wireguardEnabled: true }).iptables)).not.toContain('cali-wireguard-incoming-mark');
  });

  it('the engine: WireGuard UDP to the node is accepted before host endpoint policy from any source, the host\'s WireGuard to any host too; the IPv6 port only in IPv6', () => {
    const hep = { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'n1' }, spec: { node: 'node-1', interfaceName: '*', expectedIPs: ['198.51.100.10', NODE_V6] } };
    const model = felixWorld(dual, [hep], { wireguardEnabled: true, wireguardEnabledV6: true }, '198.51.100.10');
    const flow = (from: string, to: string, port: number): ReturnType<typeof evaluateFlow> => evaluateFlow(model, buildFlow(model, { from, to, protocol: 'UDP', port }));
    const inbound = flow('203.0.113.9', '198.51.100.10', 51820);
    expect(inbound.allowed).toBe(true);
    // mangle's pre-DNAT policy (none here) runs first; cali-INPUT's WireGuard accept then decides
    expect(inbound.ingress.stages.map((s) => s.stage)).toEqual(['host-prednat', 'host-wireguard']);
    expect(flow('198.51.100.10', '203.0.113.9', 51820).egress.stages.map((s) => s.stage)).toEqual(['host-wireguard']);
    // the host endpoint (no policy: default deny) decides other ports, and 51821 in IPv4
    expect(flow('203.0.113.9', '198.51.100.10', 51821).allowed).toBe(false);
    expect(flow('2001:db8:3::9', NODE_V6, 51821).ingress.stages.map((s) => s.stage)).toEqual(['host-prednat', 'host-wireguard']);
    const off = felixWorld(dual, [hep], undefined, '198.51.100.10');
    expect(evaluateFlow(off, buildFlow(off, { from: '203.0.113.9', to: '198.51.100.10', protocol: 'UDP', port: 51820 })).allowed).toBe(false);
  });
});

// static_test.go (v3.32.1; v3.31.7 renders the same) "with WireGuard enabled", WireguardEncryptHostTraffic
// true, for IPv4/IPv6 enabled (true,false), (false,true), (true,true) and IP version 4 and 6: "should
// include the expected WireGuard PREROUTING chain in the raw chains". Felix's test gives the marks by
// hand (accept 0x10, scratch0 0x40, WireguardMark 0x100000); ours are allocated from the mark mask as
// felix/dataplane/driver.go does: accept, pass, drop, scratch0, scratch1, then the WireGuard bit, so
// 0x10000, 0x20000, 0x40000, 0x80000, 0x100000 and 0x200000 from the default 0xffff0000. The jump is in
// both IP versions' raw cali-PREROUTING as soon as either WireGuard is on (StaticRawPreroutingChain's
// condition is not per IP version), and the chain returns for both devices.
const WG_RAW_PREROUTING = (clear: string, scratch0: string, accept: string): string[] => [
  `--jump MARK --set-mark 0/${clear}`,
  '--jump cali-wireguard-incoming-mark',
  `--in-interface cali+ --jump MARK --set-mark ${scratch0}/${scratch0}`,
  `-m mark --mark ${scratch0}/${scratch0} --jump cali-rpf-skip`,
  `-m mark --mark ${scratch0}/${scratch0} -m rpfilter --validmark --invert --jump DROP`,
  `-m mark --mark 0/${scratch0} --jump cali-from-host-endpoint`,
  `-m mark --mark ${accept}/${accept} --jump ACCEPT`,
];
const WG_INCOMING_MARK = (v4Device: string, v6Device: string, mark: string): string[] => [
  '--in-interface lo --jump RETURN',
  `--in-interface ${v4Device} --jump RETURN`,
  `--in-interface ${v6Device} --jump RETURN`,
  '--in-interface cali+ --jump RETURN',
  `--jump MARK --set-mark ${mark}/${mark}`,
];

describe('static_test.go (v3.32.1): with WireGuard enabled and WireguardEncryptHostTraffic', () => {
  const dual = [{ name: 'a', ip: '192.0.2.11' }, ...V6_PODS.slice(1)];
  const plan = (felix: object, manifests: object[] = []): ReturnType<typeof nodePlan> => nodePlan(felixWorld(dual, manifests, felix, '198.51.100.10'));
  const tables = (p: ReturnType<typeof nodePlan>): [number, string][] => [[4, rawOf(p.iptables)], [6, rawOf(p.ip6tables ?? '')]];

  it.each<[boolean, boolean]>([[true, false], [false, true], [true, true]])('IPv4 enabled: %s, IPv6 enabled: %s: should include the expected WireGuard PREROUTING chain in the raw chains (IPv4 and IPv6)', (v4, v6) => {
    const p = plan({ wireguardEnabled: v4, wireguardEnabledV6: v6, wireguardHostEncryptionEnabled: true });
    expect(p.ip6tables).toBeDefined();
    for (const [, raw] of tables(p)) {
      expect(chainRules(raw, 'cali-PREROUTING')).toEqual(WG_RAW_PREROUTING('0x1b0000', '0x80000', '0x10000'));
      expect(chainRules(raw, 'cali-wireguard-incoming-mark')).toEqual(WG_INCOMING_MARK('wireguard.cali', 'wg-v6.cali', '0x200000'));
      expect(raw).toContain(':cali-wireguard-incoming-mark - [0:0]');
    }
  });

  it('the compact layout renders the same two chains', () => {
    const model = felixWorld(dual, [], { wireguardEnabled: true, wireguardHostEncryptionEnabled: true }, '198.51.100.10');
    const compact = renderNodePlan(model, NODE, { layout: 'compact' });
    for (const text of [compact.iptables, compact.ip6tables ?? '']) {
      expect(chainRules(rawOf(text), 'cali-PREROUTING')).toEqual(WG_RAW_PREROUTING('0x1b0000', '0x80000', '0x10000'));
      expect(chainRules(rawOf(text), 'cali-wireguard-incoming-mark')).toEqual(WG_INCOMING_MARK('wireguard.cali', 'wg-v6.cali', '0x200000'));
    }
  });

  it('the WireGuard mark is the sixth bit of iptablesMarkMask; the devices are wireguardInterfaceName(V6); the jump comes before VXLAN NOTRACK', () => {
    const p = plan({ wireguardEnabled: true, wireguardHostEncryptionEnabled: true, iptablesMarkMask: 0xff0, wireguardInterfaceName: 'wg0', wireguardInterfaceNameV6: 'wg1', vxlanEnabled: true });
    const raw = rawOf(p.iptables);
    // 0xff0: accept 0x10, pass 0x20, drop 0x40, scratch0 0x80, scratch1 0x100, WireGuard 0x200
    expect(chainRules(raw, 'cali-wireguard-incoming-mark')).toEqual(WG_INCOMING_MARK('wg0', 'wg1', '0x200'));
    expect(chainRules(raw, 'cali-PREROUTING').slice(0, 3)).toEqual(['--jump MARK --set-mark 0/0x1b0', '--jump cali-wireguard-incoming-mark', '-p udp --dport 4789 --jump CT --notrack']);
    // IPv6 has no VXLAN here: the jump is followed by the workload mark
    expect(chainRules(rawOf(p.ip6tables ?? ''), 'cali-PREROUTING').slice(1, 3)).toEqual(['--jump cali-wireguard-incoming-mark', '--in-interface cali+ --jump MARK --set-mark 0x80/0x80']);
  });

  it('host encryption without WireGuard on renders nothing (static.go needs WireguardEnabled or WireguardEnabledV6); with it the other tables are unchanged', () => {
    expect(rawOf(plan({ wireguardHostEncryptionEnabled: true }).iptables)).toBe(rawOf(plan({}).iptables));
    const on = plan({ wireguardEnabled: true, wireguardEnabledV6: true, wireguardHostEncryptionEnabled: true });
    const off = plan({ wireguardEnabled: true, wireguardEnabledV6: true });
    const rest = (t: string): string => t.slice(t.indexOf('*mangle'));
    expect(rest(on.iptables)).toBe(rest(off.iptables));
    expect(rest(on.ip6tables ?? '')).toBe(rest(off.ip6tables ?? ''));
    expect(on.ipsets).toBe(off.ipsets);
  });

  it('the engine: no verdict changes (the mark is read by the kernel\'s reverse-path lookup only; no filter rule reads it, and raw\'s RPF check stays on workload packets)', () => {
    const heps = [
      { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'n1-eth0', labels: { hep: 'eth0' } }, spec: { node: 'node-1', interfaceName: 'eth0', expectedIPs: ['198.51.100.10'] } },
      { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'n1-all', labels: { hep: 'all' } }, spec: { node: 'node-1', interfaceName: '*', expectedIPs: ['198.51.100.10', NODE_V6] } },
      {
        apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'hosts' },
        spec: { selector: 'has(hep)', types: ['Ingress', 'Egress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [443] } }], egress: [{ action: 'Allow', protocol: 'UDP' }] },
      },
    ];
    const others = [{ name: 'node-2', ip: '198.51.100.20' }];
    const world = (encrypt: boolean): ReturnType<typeof felixWorld> => felixWorld(dual, heps, { wireguardEnabled: true, wireguardEnabledV6: true, wireguardHostEncryptionEnabled: encrypt }, '198.51.100.10', others);
    const on = world(true);
    const off = world(false);
    expect(on.felix.wireguardHostEncryption).toEqual({ interfaceName: 'wireguard.cali', interfaceNameV6: 'wg-v6.cali' });
    expect(off.felix.wireguardHostEncryption).toBeUndefined();
    // the routing it changes (peers' host traffic through the WireGuard device) is said, not followed
    expect(on.notes).toContainEqual(expect.stringMatching(/^FelixConfiguration wireguardHostEncryptionEnabled: .* routed through wireguard\.cali, wg-v6\.cali, so a host endpoint naming another interface \(eth0\) does not police it/));
    expect(off.notes.join('\n')).not.toContain('wireguardHostEncryptionEnabled');
    const flows: [string, string, string, number | undefined][] = [
      ['198.51.100.20', '198.51.100.10', 'TCP', 443], ['198.51.100.20', '198.51.100.10', 'TCP', 80], ['203.0.113.9', '198.51.100.10', 'UDP', 51820],
      ['198.51.100.10', '198.51.100.20', 'UDP', 53], ['198.51.100.10', '198.51.100.20', 'TCP', 22], ['app/a', '198.51.100.20', 'TCP', 443],
      ['203.0.113.9', 'app/a', 'TCP', 443], ['app/a', '198.51.100.10', 'TCP', 443], ['2001:db8:3::9', NODE_V6, 'UDP', 51821], ['2001:db8:3::9', NODE_V6, 'TCP', 80],
    ];
    const seen = new Set<boolean>();
    for (const [from, to, protocol, port] of flows) {
      const judge = (model: typeof on): ReturnType<typeof evaluateFlow> => evaluateFlow(model, buildFlow(model, { from, to, protocol, ...(port !== undefined ? { port } : {}) }));
      const a = judge(on);
      const b = judge(off);
      seen.add(a.allowed);
      expect([from, to, port, a.allowed, a.ingress.stages.map((s) => `${s.stage}:${s.verdict}`), a.egress.stages.map((s) => `${s.stage}:${s.verdict}`)])
        .toEqual([from, to, port, b.allowed, b.ingress.stages.map((s) => `${s.stage}:${s.verdict}`), b.egress.stages.map((s) => `${s.stage}:${s.verdict}`)]);
    }
    // the flows exercise both verdicts
    expect([...seen].sort()).toEqual([false, true]);
  });
});
