// What `verify --cross-node` builds and probes for two joined nodes, without a kernel: the scenario of
// test/kernel/fixtures/services (client, web-1, web-2 on w1; web-3 on w2; web-zone-b is Local with
// web-3 its only backend), with topologies described by hand. Verdicts worked out by hand from the
// fixture's policies (web accepts 8080 from 203.0.113.0/24 and the client, 9090 from 192.0.2.1/32
// only; the client may reach only Service web's endpoints).
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { endpointChain, servicePortChains } from '../../lib/iptables/kube-proxy-names';
import { crossNodePairs, pairVerification } from '../../lib/verify/cross-node';
import { engineJudge } from '../../lib/verify/engine-judge';
import { ProbeFlow } from '../../lib/verify/flows';
import { pairServiceVariants } from '../../lib/verify/service-flows';
import { Topology } from '../../lib/verify/topology';

const text = readFileSync(join(__dirname, '..', 'kernel', 'fixtures', 'services', 'scenario.yaml'), 'utf8');
const model = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text }]));
const INTERNET = '203.0.113.200';
const none = async (): Promise<void> => undefined;
const w1: Topology = {
  tag: 'a', nodeNs: 'n1', destroy: none,
  workloads: [
    { id: 'shop/client', interfaceName: 'cali1', ips: ['198.51.100.20'], ns: 'pc' },
    { id: 'shop/web-1', interfaceName: 'cali2', ips: ['198.51.100.10'], ns: 'p1' },
    { id: 'shop/web-2', interfaceName: 'cali3', ips: ['198.51.100.11'], ns: 'p2' },
  ],
  links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.1'], peerIps: [INTERNET], peerNs: 'pub1' }],
};
const w2: Topology = {
  tag: 'b', nodeNs: 'n2', destroy: none,
  workloads: [{ id: 'shop/web-3', interfaceName: 'cali4', ips: ['198.51.100.12'], ns: 'p3' }],
  links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.2'], peerIps: [INTERNET], peerNs: 'pub2' }],
};
const variants = pairServiceVariants(model, { node: 'w1', topology: w1 }, { node: 'w2', topology: w2 });
const flows = variants.flatMap((v) => v.flows);
const judge = engineJudge(model);
const find = (src: string, dst: string, port: number, backend: string): ProbeFlow => {
  const hit = flows.filter((f) => f.source.ip === src && f.destination.ip === dst && f.port === port && f.listen?.ip === backend);
  if (hit.length !== 1) throw new Error(`expected one flow ${src} -> ${dst}:${port} to ${backend}, found ${hit.length}`);
  return hit[0];
};
const verdict = (src: string, dst: string, port: number, backend: string): string => (judge.judge(find(src, dst, port, backend)).allowed ? 'allow' : 'deny');

describe('Service probes between two joined nodes', () => {
  it('one variant per backend index, each pinning both nodes\' kube-proxy rules to that backend', () => {
    // backends of web: web-1, web-2, web-3; each index has a backend on the other node of some arrival
    expect(variants).toHaveLength(3);
    // counted by hand (one peer host per node): variant 0, arrival w2 for web-1: 5 cluster IPs from
    // web-3, nodePorts 30080, 30443, 30090 and the LoadBalancer IP (web-local is Local and w2 has
    // web-3) = 9, plus arrival w1 for web-zone-b's web-3: 3 pods to its cluster IP and its nodePort = 4;
    // variant 1, w2 for web-2: 9; variant 2, w1 for web-3: 5 cluster IPs from 3 pods and the same 4
    // external probes = 19. 41 in all
    expect(variants.map((v) => v.flows.length)).toEqual([13, 9, 19]);
    const web = servicePortChains('shop/web:http', 'TCP');
    for (const [k, ip] of ['198.51.100.10', '198.51.100.11', '198.51.100.12'].entries()) {
      for (const node of ['w1', 'w2']) {
        const jumps = variants[k].kubeProxy[node].split('\n').filter((l) => l.startsWith(`-A ${web.svc} `));
        expect(jumps).toEqual([`-A ${web.svc} -m comment --comment "shop/web:http -> ${ip}:8080" -j ${endpointChain('shop/web:http', 'TCP', `${ip}:8080`)}`]);
      }
      // every probe of variant k goes to the k-th backend of its Service port, built on the node it does not arrive at
      for (const f of variants[k].flows) {
        expect(f.service?.backend).toBe(k);
        expect(`${f.service?.node} -> ${f.listen?.ip}`).toMatch(f.listen?.ip === '198.51.100.12' ? /^w1 / : /^w2 /);
      }
      expect(variants[k].flows.filter((f) => f.service?.service === 'shop/web').every((f) => f.listen?.ip === ip)).toBe(true);
    }
  });

  it('probes pods of the arrival node to cluster IPs, and the peer to nodePorts and the LoadBalancer IP, for the other node\'s backend', () => {
    expect(find('198.51.100.20', '192.0.2.100', 80, '198.51.100.12').service).toEqual({ kind: 'clusterIP', node: 'w1', service: 'shop/web', servicePort: 80, backend: 2 });
    expect(find('198.51.100.20', '192.0.2.100', 80, '198.51.100.12').listen).toEqual({ ns: 'p3', ip: '198.51.100.12', port: 8080 });
    expect(find(INTERNET, '203.0.113.1', 30080, '198.51.100.12').source.ns).toBe('pub1');
    expect(find(INTERNET, '203.0.113.50', 443, '198.51.100.12').service?.kind).toBe('loadBalancer');
    expect(find(INTERNET, '203.0.113.2', 30080, '198.51.100.10').service?.node).toBe('w2');
    // no probe stays on its node: those are the single-node run's
    expect(flows.filter((f) => f.source.ns === 'pc' && f.listen?.ns === 'p1')).toEqual([]);
  });

  it('Local: no probe to another node\'s backend where the arrival node has its own; the drop where it has none', () => {
    // web-local (30081) has backends on both nodes
    expect(flows.filter((f) => f.port === 30081)).toEqual([]);
    // web-zone-b (30082) has web-3 only: w1 has none, w2 never sends its traffic away
    expect(flows.filter((f) => f.port === 30082).map((f) => `${f.destination.ip} -> ${f.listen?.ip}:${f.listen?.port}`)).toEqual(['203.0.113.1 -> 198.51.100.12:9090']);
    // dropped on w1, though web-3 would accept 9090 from w1's address had w1 masqueraded it (Cluster)
    expect(verdict(INTERNET, '203.0.113.1', 30082, '198.51.100.12')).toBe('deny');
    // kube-proxy's rules on w1 for it: no KUBE-SVL-*, the filter DROP
    const zone = servicePortChains('shop/web-zone-b', 'TCP');
    expect(variants[0].kubeProxy.w1).not.toContain(`-A ${zone.ext} -j ${zone.svl}`);
    expect(variants[0].kubeProxy.w1).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "shop/web-zone-b has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30082 -j DROP\n');
    expect(variants[0].kubeProxy.w2).toContain(`-A ${zone.ext} -j ${zone.svl}`);
  });

  it('judges each probe on the engine\'s path through the arrival node to that backend', () => {
    // the client's services rule admits Service web's endpoints (web-3:8080 too) whatever cluster IP it used
    expect(verdict('198.51.100.20', '192.0.2.100', 80, '198.51.100.12')).toBe('allow');
    expect(verdict('198.51.100.20', '192.0.2.101', 80, '198.51.100.12')).toBe('allow');
    expect(verdict('198.51.100.20', '192.0.2.104', 9090, '198.51.100.12')).toBe('deny');
    expect(verdict('198.51.100.10', '192.0.2.100', 80, '198.51.100.12')).toBe('deny');
    // Cluster to the other node: masqueraded to the arrival node's InternalIP; web accepts 9090 from 192.0.2.1 only
    expect(verdict(INTERNET, '203.0.113.1', 30080, '198.51.100.12')).toBe('deny');
    expect(verdict(INTERNET, '203.0.113.50', 443, '198.51.100.12')).toBe('deny');
    expect(verdict(INTERNET, '203.0.113.1', 30090, '198.51.100.12')).toBe('allow');
    expect(verdict(INTERNET, '203.0.113.2', 30090, '198.51.100.10')).toBe('deny');
  });
});

describe('which nodes verify --cross-node joins, and how', () => {
  it('pairs the nodes with pods; with one node named, that node and each other one', () => {
    expect(crossNodePairs(model, undefined)).toEqual({ pairs: [['w1', 'w2']], notes: [] });
    expect(crossNodePairs(model, 'w2').pairs).toEqual([['w1', 'w2']]);
  });

  it('leaves out a node without an IPv4 address in the documentation ranges, and says so', () => {
    const moved = text.replace('{type: InternalIP, address: 192.0.2.2}, {type: ExternalIP, address: 203.0.113.2}', '{type: InternalIP, address: 10.0.0.2}');
    expect(moved).not.toBe(text);
    const other = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text: moved }]));
    expect(crossNodePairs(other, undefined)).toEqual({ pairs: [], notes: ['node w2 is not joined to other nodes: it has no IPv4 address in the documentation ranges (10.0.0.2)'] });
  });

  it('joins the nodes by the interface of their InternalIP, which no peer host keeps, and takes no peer address of the other node', () => {
    const { verification } = pairVerification(model, ['w1', 'w2'], { serviceIps: ['203.0.113.50'], maxProbes: 900 });
    expect(verification.link).toBe('eth0');
    expect(verification.nodes.map((n) => [n.node, n.address])).toEqual([['w1', '192.0.2.1'], ['w2', '192.0.2.2']]);
    // by site.ts's defaults w1's peers would be .200 and .2 of each /24 (.1 is w1 itself): 203.0.113.2 is w2's
    expect(verification.nodes[0].topology.links).toEqual([{ interfaceName: 'eth1', nodeIps: ['203.0.113.1'], peerIps: ['203.0.113.200'] }]);
    expect(verification.nodes[1].topology.links.map((l) => l.interfaceName)).toEqual(['eth1']);
    expect(verification.nodes[1].topology.links[0].peerIps).not.toContain('203.0.113.1');
  });

  it('refuses a pair whose pods a real node reaches through tunl0 with a host endpoint there that polices unlike eth0\'s (the one veth cannot carry both routes)', () => {
    const extra = (hep: boolean): string => [text, [
      'apiVersion: projectcalico.org/v3', 'kind: IPPool', 'metadata: {name: pods}', 'spec: {cidr: 198.51.100.0/24, ipipMode: Always}',
    ].join('\n'), ...(hep ? [[
      'apiVersion: projectcalico.org/v3', 'kind: HostEndpoint', 'metadata: {name: w2-tunl0, labels: {hep: tunnel}}', 'spec: {node: w2, interfaceName: tunl0}',
    ].join('\n'), [
      'apiVersion: projectcalico.org/v3', 'kind: GlobalNetworkPolicy', 'metadata: {name: tunnel-forward}',
      "spec: {selector: hep == 'tunnel', applyOnForward: true, types: [Ingress], ingress: [{action: Deny}]}",
    ].join('\n')] : [])].join('\n---\n');
    const tunnelled = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text: extra(true) }]));
    expect(() => pairVerification(tunnelled, ['w1', 'w2'], { serviceIps: [], maxProbes: 5 }))
      .toThrow(/on a real cluster node w1 reaches pod shop\/web-3 \(198.51.100.12\) of node w2 through tunl0, whose host endpoint polices it unlike eth0's.*leave out --cross-node/);
    // the same pool without a tunl0 host endpoint: neither interface has one, the veth reproduces it
    const plain = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text: extra(false) }]));
    expect(pairVerification(plain, ['w1', 'w2'], { serviceIps: [], maxProbes: 5 }).verification.link).toBe('eth0');
  });

  it('caps the Service probes of a pair and counts the rest', () => {
    const { verification, skipped } = pairVerification(model, ['w1', 'w2'], { serviceIps: [], maxProbes: 5 });
    const sent = verification.services({ node: 'w1', topology: w1 }, { node: 'w2', topology: w2 }).flatMap((v) => v.flows);
    expect(sent).toHaveLength(5);
    expect(skipped()).toBe(flows.length - 5);
  });
});
