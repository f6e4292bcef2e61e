// kube-proxy's external Service paths (iptables mode), worked by hand on the cluster of
// fixtures/external-services.ts. On the arrival node: untracked and pre-DNAT policy with the original
// destination, DNAT to each backend (KUBE-NODEPORTS / KUBE-SERVICES -> KUBE-EXT-* -> KUBE-SVC-* or,
// for Local, KUBE-SVL-*; kubernetes/kubernetes pkg/proxy/iptables/proxier.go syncProxyRules), the
// forward policy, and for Cluster KUBE-MARK-MASQ: MASQUERADE in nat POSTROUTING, after the filter
// chains, so a backend on the arrival node sees the original source and a backend on another node
// sees the arrival node's address.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildEngineModel, evaluateExternalServiceFlow, findExternalTarget, parseEngineInputs } from '../../lib/engine';
import { runNetsec as run } from '../helpers/run-cli';
import { EXTERNAL_INVENTORY, EXTERNAL_MANIFESTS } from './fixtures/external-services';

const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${EXTERNAL_INVENTORY}---\n${EXTERNAL_MANIFESTS}` }]));

function answer(from: string, to: string, port: number): { summary: string; paths: string[] } {
  const target = findExternalTarget(model, to, 'TCP', port);
  if (!target) throw new Error(`${to}:${port} is no external Service path`);
  const v = evaluateExternalServiceFlow(model, from, target);
  return {
    summary: v.summary,
    paths: v.paths.map((p) => `${p.node} ${p.backend.pod} ${p.unused ? 'unused' : p.allowed ? 'allow' : 'deny'}${p.seenSource ? ` as ${p.seenSource}` : ''}`),
  };
}

describe('external Service paths: nodePort, LoadBalancer', () => {
  test('nodePort, Cluster: the local backend sees the client; the remote one sees w1\'s address, which web\'s ipBlock does not allow', () => {
    expect(answer('203.0.113.100', '203.0.113.1', 30080)).toEqual({
      summary: 'some', paths: ['w1 shop/web-1 allow', 'w1 shop/web-2 deny as 192.0.2.1'],
    });
  });

  test('nodePort, Local: only the local backend, with the source kept', () => {
    expect(answer('203.0.113.100', '203.0.113.2', 30081)).toEqual({ summary: 'all', paths: ['w2 shop/web-1 unused', 'w2 shop/web-2 allow'] });
  });

  test('nodePort, Local, on a node without a local backend: kube-proxy drops it', () => {
    const target = findExternalTarget(model, '203.0.113.3', 'TCP', 30081);
    const v = evaluateExternalServiceFlow(model, '203.0.113.100', target!);
    expect(v.summary).toBe('none');
    expect(v.notes).toContain('externalTrafficPolicy Local: w3 has no local backend; kube-proxy drops the flow there');
  });

  test('the pre-DNAT deny sees the original destination and drops before DNAT, for every backend', () => {
    const target = findExternalTarget(model, '203.0.113.1', 'TCP', 30080);
    const v = evaluateExternalServiceFlow(model, '203.0.113.200', target!);
    expect(v.summary).toBe('none');
    for (const p of v.paths) {
      expect(p.stages.map((s) => `${s.stage} ${s.verdict}`)).toEqual(['host-untracked continue', 'host-prednat deny']);
    }
  });

  test('a LoadBalancer IP: every node can receive it, each judged; the Service port, not the nodePort', () => {
    expect(answer('203.0.113.100', '203.0.113.50', 443)).toEqual({
      summary: 'some',
      paths: ['w1 shop/web-1 allow', 'w1 shop/web-2 deny as 192.0.2.1', 'w2 shop/web-1 deny as 192.0.2.2', 'w2 shop/web-2 allow',
        'w3 shop/web-1 deny as 192.0.2.3', 'w3 shop/web-2 deny as 192.0.2.3'],
    });
    expect(findExternalTarget(model, '203.0.113.50', 'TCP', 30443)).toBeUndefined();
  });

  test('the stages in order for a remote backend: pre-DNAT, DNAT, forward in and out, SNAT, then the backend\'s node and pod', () => {
    const v = evaluateExternalServiceFlow(model, '203.0.113.100', findExternalTarget(model, '203.0.113.1', 'TCP', 30080)!);
    expect(v.paths[1].stages.map((s) => `${s.stage} ${s.endpoint} ${s.verdict}`)).toEqual([
      'host-untracked hostendpoint/w1-public continue',
      'host-prednat hostendpoint/w1-public continue',
      'kube-proxy-dnat node/w1 continue',
      'host-forward hostendpoint/w1-public allow',
      'host-forward hostendpoint/w1-private allow',
      'kube-proxy-snat node/w1 continue',
      'host-untracked hostendpoint/w2-private continue',
      'host-prednat hostendpoint/w2-private continue',
      'host-forward hostendpoint/w2-private allow',
      'workload shop/web-2 deny',
    ]);
  });

  test('an address that is no node\'s, or a port that is no nodePort, is no external path; a pod source is refused', () => {
    expect(findExternalTarget(model, '203.0.113.9', 'TCP', 30080)).toBeUndefined();
    expect(findExternalTarget(model, '203.0.113.1', 'TCP', 30099)).toBeUndefined();
    expect(findExternalTarget(model, '203.0.113.1', 'UDP', 30080)).toBeUndefined();
    const target = findExternalTarget(model, '203.0.113.1', 'TCP', 30080)!;
    expect(() => evaluateExternalServiceFlow(model, 'shop/web-2', target))
      .toThrow('shop/web-2 is a pod: the nodePort path from a pod is not modelled; check the Service\'s ClusterIP path (--to service/shop/web-cluster) instead');
  });
});

describe('netsec check on an external path', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-extsvc-'));
    fs.writeFileSync(path.join(dir, 'm.yaml'), EXTERNAL_MANIFESTS);
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), EXTERNAL_INVENTORY);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const check = (...args: string[]): ReturnType<typeof run> =>
    run('check', '--manifests', path.join(dir, 'm.yaml'), '--cluster', path.join(dir, 'cluster.yaml'), '--protocol', 'TCP', ...args);

  test('one answer, one line per backend path, every stage under it', async () => {
    const r = await check('--from', '203.0.113.100', '--to', '203.0.113.1', '--port', '30080');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('203.0.113.100 -> 203.0.113.1:30080 TCP (http) = Service shop/web-cluster, nodePort path (externalTrafficPolicy Cluster): '
      + 'some of 2 backend paths reachable');
    expect(lines.filter((l) => l.startsWith('path '))).toEqual([
      'path 1: via w1 to 198.51.100.10:8080 (shop/web-1 on w1): ALLOW',
      'path 2: via w1 to 198.51.100.11:8080 (shop/web-2 on w2): DENY (the backend sees source 192.0.2.1)',
    ]);
    expect(r.out).toContain('  [kube-proxy-dnat] node/w1: continue (KUBE-NODEPORTS -> KUBE-EXT-* (marks for masquerade) -> KUBE-SVC-* -> KUBE-SEP-*: '
      + 'DNAT 203.0.113.1:30080 to 198.51.100.11:8080 (shop/web-2))');
    expect(r.out).toContain('note: not modelled on this path: kube-proxy IPVS and nftables modes, Calico eBPF dataplane');
  });

  test('--expect and JSON: deny holds when no path is reachable', async () => {
    const r = await check('--from', '203.0.113.200', '--to', '203.0.113.1', '--port', '30080', '--expect', 'deny', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { path: string; summary: string; paths: { node: string; verdict: string }[] };
    expect(json.path).toBe('nodePort');
    expect(json.summary).toBe('none');
    expect(json.paths.map((p) => `${p.node} ${p.verdict}`)).toEqual(['w1 deny', 'w1 deny']);
    const some = await check('--from', '203.0.113.100', '--to', '203.0.113.1', '--port', '30080', '--expect', 'allow');
    expect(some.code).toBe(1);
    expect(some.err).toContain('netsec check: expected allow, got some of the backend paths reachable');
  });
});

// The same cluster with an IP-in-IP Always pool over the pods (198.51.100.0/25) and w1's tunnel
// address 198.51.100.1: a remote backend is routed through tunl0, and MASQUERADE takes the out
// device's address (Linux nf_nat_masquerade_ipv4 picks an address of the out interface; Felix gives
// tunl0 the Node's IPv4IPIPTunnelAddr, felix/dataplane/linux/ipip_mgr.go), so web-2 sees 198.51.100.1,
// as `check` judges w1's host traffic to web-2 (lib/engine/evaluate/tunnel-source.ts).
describe('external Service paths through an Always tunnel', () => {
  const inventory = EXTERNAL_INVENTORY.replace('metadata: {name: w1, labels: {}}',
    "metadata: {name: w1, labels: {}, annotations: {'projectcalico.org/IPv4IPIPTunnelAddr': 198.51.100.1}}");
  const pool = `---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: {name: pods}
spec: {cidr: 198.51.100.0/25, ipipMode: Always, vxlanMode: Never}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: web-from-w1-tunnel, namespace: shop}
spec:
  selector: app == 'web'
  types: [Ingress]
  ingress: [{action: Allow, protocol: TCP, source: {nets: [198.51.100.1/32]}, destination: {ports: [8080]}}]
`;
  const tunnelled = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${inventory}---\n${EXTERNAL_MANIFESTS}${pool}` }]));

  test('nodePort on w1, Cluster: web-2 on w2 sees w1\'s tunnel address, which the tunnel policy allows', () => {
    const v = evaluateExternalServiceFlow(tunnelled, '203.0.113.100', findExternalTarget(tunnelled, '203.0.113.1', 'TCP', 30080)!);
    expect(v.paths.map((p) => `${p.node} ${p.backend.pod} ${p.allowed ? 'allow' : 'deny'}${p.seenSource ? ` as ${p.seenSource}` : ''}`))
      .toEqual(['w1 shop/web-1 allow', 'w1 shop/web-2 allow as 198.51.100.1']);
    const snat = v.paths[1].stages.find((s) => s.stage === 'kube-proxy-snat');
    expect(snat?.reason).toContain("KUBE-POSTROUTING masquerades to 198.51.100.1 as the packet leaves w1 for w2: the backend's node and policy see 198.51.100.1");
    expect(snat?.reason).toContain('through tunl0 (IPPool pods)');
  });

  test('w2 has no tunnel address: through w2, web-1 on w1 sees w2\'s InternalIP, which neither policy allows', () => {
    const v = evaluateExternalServiceFlow(tunnelled, '203.0.113.100', findExternalTarget(tunnelled, '203.0.113.2', 'TCP', 30080)!);
    expect(v.paths.map((p) => `${p.node} ${p.backend.pod} ${p.allowed ? 'allow' : 'deny'}${p.seenSource ? ` as ${p.seenSource}` : ''}`))
      .toEqual(['w2 shop/web-1 deny as 192.0.2.2', 'w2 shop/web-2 allow']);
  });
});
