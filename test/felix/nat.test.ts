// Cases of Felix's felix/rules/nat_test.go (calico v3.32.1) held against our plan's nat
// cali-nat-outgoing, with the engine's verdict at another node's host endpoint for the same setting.
// Felix's SNAT address 192.168.0.1 is 203.0.113.1 here (documentation range). Felix's test renders
// MasqAction and SNATAction without features; a real node renders them with `--random-fully`
// (felix/environment/feature_detect_linux.go MASQFullyRandom/SNATFullyRandom, iptables 1.6.2+ and
// kernel 3.14+), and so does the plan. Covered: every It of the file:
// - "should render rules when active" and "should render nothing when inactive" (also in static.test.ts),
// - "... with all hosts NAT exclusion" (natOutgoingExclusions IPPoolsAndHostIPs),
// - "... with an explicit SNAT address" (natOutgoingAddress),
// - "... with explicit port range" (natPortRange), and the same with an explicit SNAT address.
// Left out: the second "should render rules when active with explicit port range" (with
// IptablesNATOutgoingInterfaceFilter "cali-123"): iptablesNATOutgoingInterfaceFilter is refused as
// not modelled (the engine cannot tell the interface a packet leaves by); the last row checks the refusal.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { chainRules, felixWorld, nodePlan } from './world';

const NODE1 = '198.51.100.10';
const NODE2 = '198.51.100.20';
const SNAT_ADDRESS = '203.0.113.1';
const PODS = [{ name: 'a', ip: '192.0.2.11' }];
const NAT_POOL = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '192.0.2.0/24', natOutgoing: true } };
const MATCH = '-m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40network-ip-pools dst';
const HEP2 = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'node-2-eth0', labels: { role: 'node2' } },
  spec: { node: 'node-2', interfaceName: 'eth0', expectedIPs: [NODE2] },
};
/** node-2's host endpoint admits TCP 80 from `net` (and source ports `ports`, when given). */
const allowFrom = (net: string, ports?: string[]): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'node2-in' },
  spec: {
    selector: "role == 'node2'", types: ['Ingress'],
    ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets: [net], ...(ports ? { ports } : {}) }, destination: { ports: [80] } }],
  },
});

const natRules = (felix: object | undefined, pools: object[] = [NAT_POOL]): string[] => {
  const plan = nodePlan(felixWorld(PODS, pools, felix, NODE1, [{ name: 'node-2', ip: NODE2 }]));
  return chainRules(plan.iptables.slice(plan.iptables.indexOf('*nat')), 'cali-nat-outgoing');
};
const allowed = (felix: object | undefined, policy: object, sourcePort?: number): ReturnType<typeof evaluateFlow> => {
  const model = felixWorld(PODS, [NAT_POOL, HEP2, policy], felix, NODE1, [{ name: 'node-2', ip: NODE2 }]);
  return evaluateFlow(model, { ...buildFlow(model, { from: 'app/a', to: NODE2, protocol: 'TCP', port: 80 }), sourcePort });
};

interface NatCase {
  readonly felix: string;
  readonly spec: object | undefined;
  readonly rules: readonly string[];
}

const PORTS = '99-100';
const CASES: readonly NatCase[] = [
  { felix: 'should render rules when active', spec: undefined, rules: [`${MATCH} --jump MASQUERADE --random-fully`] },
  {
    felix: 'should render rules when active with all hosts NAT exclusion', spec: { natOutgoingExclusions: 'IPPoolsAndHostIPs' },
    rules: [`${MATCH} -m set ! --match-set cali40all-hosts-net dst --jump MASQUERADE --random-fully`],
  },
  {
    felix: 'should render rules when active with an explicit SNAT address', spec: { natOutgoingAddress: SNAT_ADDRESS },
    rules: [`${MATCH} --jump SNAT --to-source ${SNAT_ADDRESS} --random-fully`],
  },
  {
    felix: 'should render rules when active with explicit port range', spec: { natPortRange: '99:100' },
    rules: [
      `${MATCH} -p tcp --jump MASQUERADE --to-ports ${PORTS} --random-fully`, `${MATCH} -p tcp --jump RETURN`,
      `${MATCH} -p udp --jump MASQUERADE --to-ports ${PORTS} --random-fully`, `${MATCH} -p udp --jump RETURN`,
      `${MATCH} --jump MASQUERADE --random-fully`,
    ],
  },
  {
    felix: 'should render rules when active with explicit port range and an explicit SNAT address', spec: { natPortRange: '99:100', natOutgoingAddress: SNAT_ADDRESS },
    rules: [
      `${MATCH} -p tcp --jump SNAT --to-source ${SNAT_ADDRESS}:${PORTS} --random-fully`, `${MATCH} -p tcp --jump RETURN`,
      `${MATCH} -p udp --jump SNAT --to-source ${SNAT_ADDRESS}:${PORTS} --random-fully`, `${MATCH} -p udp --jump RETURN`,
      `${MATCH} --jump SNAT --to-source ${SNAT_ADDRESS} --random-fully`,
    ],
  },
];

describe('nat_test.go: cali-nat-outgoing', () => {
  it.each(CASES)('$felix', ({ spec, rules }) => {
    expect(natRules(spec)).toEqual(rules);
  });

  it('should render nothing when inactive (no pool with natOutgoing), whatever the settings', () => {
    const plain = { ...NAT_POOL, spec: { cidr: '192.0.2.0/24' } };
    for (const c of CASES) expect(natRules(c.spec, [plain])).toEqual([]);
  });

  it('all hosts NAT exclusion: all-hosts-net holds the nodes\' addresses (ipset_hosts_mgr.go), also without IP-in-IP', () => {
    const plan = nodePlan(felixWorld(PODS, [NAT_POOL], { natOutgoingExclusions: 'IPPoolsAndHostIPs' }, NODE1, [{ name: 'node-2', ip: NODE2 }]));
    expect(plan.ipsets).toContain('create cali40all-hosts-net hash:net family inet');
    expect(plan.ipsets).toContain(`add cali40all-hosts-net ${NODE2}`);
    expect(nodePlan(felixWorld(PODS, [NAT_POOL], undefined, NODE1)).ipsets).not.toContain('all-hosts-net');
  });

  it('IPv6: natOutgoingAddress is IPv4, so the IPv6 chain masquerades (Felix would write the IPv4 address, which ip6tables-restore refuses)', () => {
    const v6Pods = [{ name: 'a', ip: '2001:db8:1::11' }];
    const v6Pool = { ...NAT_POOL, spec: { cidr: '2001:db8:1::/64', natOutgoing: true } };
    const plan = nodePlan(felixWorld(v6Pods, [v6Pool], { natOutgoingAddress: SNAT_ADDRESS }, '2001:db8:2::10'));
    const nat = (plan.ip6tables ?? '').slice((plan.ip6tables ?? '').indexOf('*nat'));
    expect(chainRules(nat, 'cali-nat-outgoing')).toEqual([
      '-m set --match-set cali60masq-ipam-pools src -m set ! --match-set cali60network-ip-pools dst --jump MASQUERADE --random-fully',
    ]);
  });

  it('iptablesNATOutgoingInterfaceFilter (the left-out row) is refused, naming the file#document and field', () => {
    expect(() => natRules({ iptablesNATOutgoingInterfaceFilter: 'cali-123' })).toThrow(
      /manifests\.yaml#\d+: .*spec\.iptablesNATOutgoingInterfaceFilter: not modelled: Felix would masquerade only traffic leaving by the matching host interfaces/);
    expect(natRules({ iptablesNATOutgoingInterfaceFilter: '' })).toEqual(CASES[0].rules);
  });

  it.each([
    [{ natOutgoingExclusions: 'HostIPsOnly' }, 'spec.natOutgoingExclusions: invalid natOutgoingExclusions (got "HostIPsOnly"; allowed: IPPoolsOnly or IPPoolsAndHostIPs)'],
    [{ natOutgoingAddress: '2001:db8::1' }, 'spec.natOutgoingAddress: invalid natOutgoingAddress (got "2001:db8::1"; allowed: an IPv4 address)'],
    [{ natPortRange: '100:99' }, 'spec.natPortRange: invalid natPortRange (got "100:99"; allowed: a port 1-65535, or a range min:max of them with min <= max)'],
    [{ natPortRange: 'http' }, 'spec.natPortRange: invalid natPortRange (got "http"; allowed: a port 1-65535, or a range min:max of them with min <= max)'],
  ])('a bad value is refused: %j', (spec, message) => {
    expect(() => natRules(spec)).toThrow(message);
  });
});

describe('nat_test.go settings: the engine at node-2\'s host endpoint agrees with the rules', () => {
  it('default: the pod arrives as node-1\'s address', () => {
    expect(allowed(undefined, allowFrom(`${NODE1}/32`)).allowed).toBe(true);
    expect(allowed(undefined, allowFrom('192.0.2.0/24')).allowed).toBe(false);
  });

  it('all hosts NAT exclusion: traffic to a node\'s address keeps the pod\'s address', () => {
    const spec = { natOutgoingExclusions: 'IPPoolsAndHostIPs' };
    const v = allowed(spec, allowFrom('192.0.2.0/24'));
    expect(v.allowed).toBe(true);
    expect(v.ingress.reason).not.toContain('natOutgoing');
    expect(allowed(spec, allowFrom(`${NODE1}/32`)).allowed).toBe(false);
  });

  it('explicit SNAT address: the pod arrives as natOutgoingAddress, and the trace says so', () => {
    const spec = { natOutgoingAddress: SNAT_ADDRESS };
    const v = allowed(spec, allowFrom(`${SNAT_ADDRESS}/32`));
    expect(v.allowed).toBe(true);
    expect(v.ingress.reason).toContain(`is SNATed to natOutgoingAddress ${SNAT_ADDRESS}`);
    expect(allowed(spec, allowFrom(`${NODE1}/32`)).allowed).toBe(false);
  });

  it('explicit port range: a source port outside it is mapped into it (judged with its first port); one inside is kept', () => {
    const spec = { natPortRange: '99:100' };
    const mapped = allowed(spec, allowFrom(`${NODE1}/32`, ['99:100']), 40000);
    expect(mapped.allowed).toBe(true);
    expect(mapped.ingress.reason).toContain('source port 40000 is mapped into 99-100');
    expect(allowed(spec, allowFrom(`${NODE1}/32`, ['40000']), 40000).allowed).toBe(false);
    expect(allowed(spec, allowFrom(`${NODE1}/32`, ['100']), 100).allowed).toBe(true);
    // without natPortRange the port is kept
    expect(allowed(undefined, allowFrom(`${NODE1}/32`, ['40000']), 40000).allowed).toBe(true);
  });
});
