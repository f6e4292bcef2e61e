// Which host endpoint polices a pod's packet to a pod of another node. Felix dispatches the forward
// host endpoint chains by interface (calico v3.32.1 felix/rules/dispatch.go: cali-from-hep-forward and
// cali-to-hep-forward match `-i`/`-o` of each named host endpoint's interface, the `*` endpoint taking
// every other interface). Routed directly, the packet crosses the nodes' main interface (eth0 here);
// through an IPPool's tunnel (felix/calc/l3_route_resolver.go: the route to the destination's block
// goes by tunl0 or vxlan.calico for ipipMode/vxlanMode Always, and for CrossSubnet when the nodes are
// not in one subnet) it leaves and enters by the tunnel device, which the eth0 host endpoint does not
// cover. So an eth0 applyOnForward policy judges cross-node pod traffic only when it is not tunnelled.
import * as yaml from 'js-yaml';
import { BuiltModel, InputError, buildEngineModel, buildFlow, buildTruthTable, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { computeConnectivity } from '../../lib/connectivity';

const BGP_V4 = 'projectcalico.org/IPv4Address';
const NODES = [{ name: 'node-1', ip: '198.51.100.10' }, { name: 'node-2', ip: '198.51.100.20' }];
const PODS = [{ name: 'a', node: 'node-1', ip: '192.0.2.11' }, { name: 'b', node: 'node-2', ip: '192.0.2.21' }];

/** Forwarded traffic through a host endpoint labelled hep=<label> is denied both ways. */
const denyForward = (label: string): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: `deny-forward-${label}` },
  spec: { selector: `hep == '${label}'`, applyOnForward: true, types: ['Ingress', 'Egress'], ingress: [{ action: 'Deny' }], egress: [{ action: 'Deny' }] },
});

/** A host endpoint on each node: its interface and its `hep` label (`bare`: no policy selects it). */
interface Hep { readonly iface: string; readonly label: string }

/** More of the world: the nodes' BGP subnets, FelixConfiguration `default`'s spec, more annotations per node. */
interface More {
  readonly subnets?: readonly string[];
  readonly felix?: object;
  readonly annotations?: readonly Record<string, string>[];
}

function model(poolSpec: object, heps: readonly Hep[], more: More | readonly string[] = {}): BuiltModel {
  const { subnets, felix, annotations } = Array.isArray(more) ? { subnets: more as readonly string[], felix: undefined, annotations: undefined } : more as More;
  const manifests = [
    { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr: '192.0.2.0/24', ...poolSpec } },
    ...(felix ? [{ apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: felix }] : []),
    ...[...new Set(heps.map((h) => h.label))].filter((l) => l !== 'bare').map(denyForward),
    ...NODES.flatMap((n) => heps.map((h) => ({
      apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: `${n.name}-${h.iface === '*' ? 'all' : h.iface}`, labels: { hep: h.label } },
      spec: { node: n.name, interfaceName: h.iface, ...(h.iface === 'eth0' ? { expectedIPs: [n.ip] } : {}) },
    }))),
  ];
  const inventory = {
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: { 'kubernetes.io/metadata.name': 'app' } } },
      ...NODES.map((n, i) => ({
        apiVersion: 'v1', kind: 'Node',
        metadata: { name: n.name, labels: {}, annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': `203.0.113.${i + 1}`, ...(subnets ? { [BGP_V4]: subnets[i] } : {}), ...(annotations?.[i] ?? {}) } },
        status: { addresses: [{ type: 'InternalIP', address: n.ip }] },
      })),
      ...PODS.map((p) => ({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: 'app', labels: { app: p.name } },
        spec: { nodeName: p.node, containers: [{ name: 'c' }] }, status: { phase: 'Running', podIP: p.ip, podIPs: [{ ip: p.ip }] },
      })),
    ],
  };
  return buildEngineModel(parseEngineInputs([
    { file: 'manifests.yaml', text: manifests.map((d) => yaml.dump(d)).join('---\n') },
    { file: 'cluster.yaml', text: yaml.dump(inventory) },
  ]));
}

const aToB = (m: BuiltModel): ReturnType<typeof evaluateFlow> => evaluateFlow(m, buildFlow(m, { from: 'app/a', to: 'app/b', protocol: 'TCP', port: 80 }));
/** The host endpoints whose forward chains judged the flow. */
const forwardJudges = (r: ReturnType<typeof evaluateFlow>): string[] =>
  [r.egress, r.ingress].flatMap((d) => d.stages.filter((s) => s.stage === 'host-forward').map((s) => s.endpoint));

const ETH0: Hep = { iface: 'eth0', label: 'eth0' };

describe('cross-node pod traffic and the host endpoint of its interface', () => {
  it('routed directly (ipipMode Never): the only host endpoint of each node (eth0) judges it as forwarded, out of node-1 and into node-2', () => {
    const r = aToB(model({ ipipMode: 'Never' }, [ETH0]));
    expect(r.allowed).toBe(false);
    expect(forwardJudges(r)).toEqual(['hostendpoint/node-1-eth0', 'hostendpoint/node-2-eth0']);
  });

  it.each(['ipipMode', 'vxlanMode'])('through the tunnel (%s Always): no host endpoint covers the tunnel device, the eth0 forward policy does not apply', (key) => {
    const r = aToB(model({ [key]: 'Always' }, [ETH0]));
    expect(r.allowed).toBe(true);
    expect(forwardJudges(r)).toEqual([]);
  });

  it('through the tunnel with an all-interfaces host endpoint: the `*` endpoint covers tunl0, its forward policy denies', () => {
    const r = aToB(model({ ipipMode: 'Always' }, [ETH0, { iface: '*', label: 'all' }]));
    expect(r.allowed).toBe(false);
    expect(forwardJudges(r)).toEqual(['hostendpoint/node-1-all', 'hostendpoint/node-2-all']);
  });

  it('a host endpoint naming tunl0 polices the tunnelled packet on both nodes', () => {
    const r = aToB(model({ ipipMode: 'Always' }, [ETH0, { iface: 'tunl0', label: 'tunnel' }]));
    expect(r.allowed).toBe(false);
    expect(forwardJudges(r)).toEqual(['hostendpoint/node-1-tunl0', 'hostendpoint/node-2-tunl0']);
  });

  it('CrossSubnet: nodes in one subnet are routed directly (eth0 judges), nodes in different subnets through tunl0 (not judged)', () => {
    expect(aToB(model({ ipipMode: 'CrossSubnet' }, [ETH0], ['198.51.100.10/24', '198.51.100.20/24'])).allowed).toBe(false);
    expect(aToB(model({ ipipMode: 'CrossSubnet' }, [ETH0], ['198.51.100.10/28', '198.51.100.20/28'])).allowed).toBe(true);
  });
});

const FROM_WORKLOAD = 'TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255';
const A = 'app/a';
const B = 'app/b';
/** The allowed set of the connectivity line from pod a's workload to pod b's, or undefined when none. */
function connectivityAToB(m: BuiltModel): string | undefined {
  return computeConnectivity(m).lines.find((l) => l.src === A && l.dst === B)?.conn;
}

describe('table and connectivity follow the route of each pair as check does', () => {
  const tableAToB = (m: BuiltModel): boolean => buildTruthTable(m, { protocol: 'TCP', port: 80 }).allowed('app/a', 'app/b');
  it.each([
    ['ipipMode Always, one eth0 host endpoint: not policed on eth0, allowed', { ipipMode: 'Always' }, [ETH0], true],
    ['vxlanMode Always, one eth0 host endpoint: allowed', { vxlanMode: 'Always' }, [ETH0], true],
    ['ipipMode Never, one eth0 host endpoint: denied by its forward policy', { ipipMode: 'Never' }, [ETH0], false],
    ['ipipMode Always with a tunl0 host endpoint: denied by its forward policy', { ipipMode: 'Always' }, [ETH0, { iface: 'tunl0', label: 'tunnel' }], false],
    ['ipipMode Always with an all-interfaces host endpoint: denied', { ipipMode: 'Always' }, [ETH0, { iface: '*', label: 'all' }], false],
  ] as const)('%s', (_name, poolSpec, heps, allowed) => {
    const m = model(poolSpec, heps);
    expect(aToB(m).allowed).toBe(allowed);
    expect(tableAToB(m)).toBe(allowed);
    const line = connectivityAToB(m);
    // all but what Felix drops from workloads (VXLAN UDP 4789, IP-in-IP protocol 4; ICMPv6 is not IPv4)
    if (allowed) expect(line).toBe(FROM_WORKLOAD);
    else expect(line).toBeUndefined();
  });

  it('CrossSubnet between nodes of one subnet or of none: followed; tunnelled one way only: both refuse, naming the pool, the device and `check`', () => {
    const same = model({ ipipMode: 'CrossSubnet' }, [ETH0], ['198.51.100.10/24', '198.51.100.20/24']);
    expect(tableAToB(same)).toBe(false);
    const apart = model({ ipipMode: 'CrossSubnet' }, [ETH0], ['198.51.100.10/28', '198.51.100.20/28']);
    expect(tableAToB(apart)).toBe(true);
    // node-1's /24 holds node-2, node-2's /32 does not hold node-1: direct one way, tunnelled the other
    const oneWay = model({ ipipMode: 'CrossSubnet' }, [ETH0], ['198.51.100.10/24', '198.51.100.20/32']);
    expect(aToB(oneWay).allowed).toBe(false);
    expect(evaluateFlow(oneWay, buildFlow(oneWay, { from: 'app/b', to: 'app/a', protocol: 'TCP', port: 80 })).allowed).toBe(true);
    for (const run of [(): unknown => tableAToB(oneWay), (): unknown => computeConnectivity(oneWay)]) {
      expect(run).toThrow(InputError);
      expect(run).toThrow(/IPPool pods \(CrossSubnet\) is routed through tunl0 between some pairs of nodes and directly between others.*use `netsec check`/);
    }
  });
});

describe('WireGuard: pods\' traffic between two peers goes through wireguard.cali (felix/wireguard/wireguard.go)', () => {
  const WG_KEY = 'projectcalico.org/WireguardPublicKey';
  const key = (b: number): string => Buffer.alloc(32, b).toString('base64');
  const wg = (a: string | undefined, b: string | undefined, heps: readonly Hep[] = [ETH0], felix: object = { wireguardEnabled: true }): BuiltModel =>
    model({ ipipMode: 'Always' }, heps, { felix, annotations: [a === undefined ? {} : { [WG_KEY]: a }, b === undefined ? {} : { [WG_KEY]: b }] });
  const tableAToB = (m: BuiltModel): boolean => buildTruthTable(m, { protocol: 'TCP', port: 80 }).allowed('app/a', 'app/b');

  it('both nodes publish a key: through wireguard.cali, which the eth0 host endpoint does not cover: allowed by check, table and connectivity', () => {
    const m = wg(key(1), key(2), [ETH0], { wireguardEnabled: true, ipipEnabled: false });
    expect(aToB(m).allowed).toBe(true);
    expect(forwardJudges(aToB(m))).toEqual([]);
    expect(tableAToB(m)).toBe(true);
    expect(connectivityAToB(m)).toBe(FROM_WORKLOAD);
  });

  it('WireGuard wins over the IP-in-IP route (its routing rule comes first): a tunl0 host endpoint does not judge, a wireguard.cali one does', () => {
    expect(aToB(wg(key(1), key(2), [ETH0, { iface: 'tunl0', label: 'tunnel' }])).allowed).toBe(true);
    const r = aToB(wg(key(1), key(2), [ETH0, { iface: 'wireguard.cali', label: 'wg' }]));
    expect(r.allowed).toBe(false);
    expect(forwardJudges(r)).toEqual(['hostendpoint/node-1-wireguard.cali', 'hostendpoint/node-2-wireguard.cali']);
  });

  it('a renamed device (wireguardInterfaceName) is the one policed', () => {
    const felix = { wireguardEnabled: true, wireguardInterfaceName: 'wg0' };
    expect(aToB(wg(key(1), key(2), [ETH0, { iface: 'wg0', label: 'wg' }], felix)).allowed).toBe(false);
    expect(aToB(wg(key(1), key(2), [ETH0, { iface: 'wireguard.cali', label: 'wg' }], felix)).allowed).toBe(true);
  });

  it('no peer without a valid key of its own: a key Felix cannot parse, or one both nodes claim, leaves the IP-in-IP route (tunl0, eth0 not policing)', () => {
    const m = wg('not-a-key', key(2), [ETH0, { iface: 'wireguard.cali', label: 'wg' }]);
    expect(aToB(m).allowed).toBe(true);
    expect(aToB(wg(key(3), key(3), [ETH0, { iface: 'wireguard.cali', label: 'wg' }])).allowed).toBe(true);
    // routed directly (ipipMode Never) with no WireGuard peer: the eth0 host endpoint judges
    const direct = model({ ipipMode: 'Never' }, [ETH0], { felix: { wireguardEnabled: true }, annotations: [{ [WG_KEY]: key(1) }, {}] });
    expect(aToB(direct).allowed).toBe(false);
  });

  it('WireGuard off: the keys change nothing (IP-in-IP through tunl0)', () => {
    expect(aToB(wg(key(1), key(2), [ETH0, { iface: 'wireguard.cali', label: 'wg' }], {})).allowed).toBe(true);
  });

  it('only one node publishes a key, with a wireguard.cali host endpoint that polices: table and connectivity refuse, check answers', () => {
    const m = wg(key(1), undefined, [ETH0, { iface: 'wireguard.cali', label: 'wg' }]);
    expect(aToB(m).allowed).toBe(true);
    for (const run of [(): unknown => tableAToB(m), (): unknown => computeConnectivity(m)]) {
      expect(run).toThrow(InputError);
      expect(run).toThrow(/WireGuard \(IPv4\) routes pods' traffic through wireguard.cali only between nodes that publish a key of their own \(node node-1 does, node node-2 does not.*use `netsec check`/);
    }
  });
});

describe('a host\'s traffic to another node\'s pod takes the same route (the host endpoint of the device it leaves and enters by)', () => {
  const HEP2 = 'hostendpoint/node-2-eth0';
  const hostToA = (m: BuiltModel): ReturnType<typeof evaluateFlow> => evaluateFlow(m, buildFlow(m, { from: HEP2, to: 'app/a', protocol: 'TCP', port: 80 }));
  const table = (m: BuiltModel): boolean => buildTruthTable(m, { protocol: 'TCP', port: 80, includeHostEndpoints: true }).allowed(HEP2, 'app/a');
  const line = (m: BuiltModel): string | undefined => computeConnectivity(m).lines.find((l) => l.src === HEP2 && l.dst === A)?.conn;

  it('routed directly: the eth0 host endpoint\'s egress policy (deny-all) drops it on node-2; check, table and connectivity agree', () => {
    const m = model({ ipipMode: 'Never' }, [ETH0]);
    expect(hostToA(m).allowed).toBe(false);
    expect(table(m)).toBe(false);
    expect(line(m)).toBeUndefined();
  });

  it('through tunl0 (ipipMode Always): neither eth0 host endpoint polices it; allowed by check, table and connectivity', () => {
    const m = model({ ipipMode: 'Always' }, [ETH0]);
    const r = hostToA(m);
    expect(r.allowed).toBe(true);
    expect(JSON.stringify(r)).not.toContain('hostendpoint/node-1-eth0');
    expect(table(m)).toBe(true);
    expect(line(m)).toBe('All Connections');
  });

  it('through tunl0 with a tunl0 host endpoint on each node: its policies decide (deny), on both sides', () => {
    const m = model({ ipipMode: 'Always' }, [ETH0, { iface: 'tunl0', label: 'tunnel' }]);
    const r = hostToA(m);
    expect(r.allowed).toBe(false);
    expect(r.egress.stages.map((s) => s.endpoint)).toContain('hostendpoint/node-2-tunl0');
    expect(table(m)).toBe(false);
    expect(line(m)).toBeUndefined();
  });
});
