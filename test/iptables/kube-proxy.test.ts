// kube-proxy's rules in the plan (iptables mode). Chain names are checked against the expected
// iptables-restore dumps of kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go (master):
// Service port ns1/svc1:p80 (TCP) is KUBE-SVC-XPGD46QRK7WJZT7O / KUBE-EXT-XPGD46QRK7WJZT7O and its
// endpoint 10.180.0.1:80 is KUBE-SEP-SXIVWICOYRO3J4NJ; the random choice of 3 endpoints is
// `--probability 0.3333333333`, then `0.5000000000`, then none. The rest is worked by hand on
// test/engine/fixtures/external-services.ts.
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { endpointChain, servicePortChains, servicePortName } from '../../lib/iptables/kube-proxy-names';
import { planFilesFromModel } from '../../lib/iptables/plan-files';
import { EXTERNAL_INVENTORY, EXTERNAL_MANIFESTS } from '../engine/fixtures/external-services';

const model = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${EXTERNAL_INVENTORY}---\n${EXTERNAL_MANIFESTS}` }]));
const lines = (text: string): string[] => text.split('\n');

describe('kube-proxy chain names (proxier.go portProtoHash, servicePortEndpointChainName)', () => {
  test('the names of proxier_test.go\'s ns1/svc1:p80', () => {
    const name = servicePortName('ns1', 'svc1', 'p80');
    expect(name).toBe('ns1/svc1:p80');
    expect(servicePortChains(name, 'TCP')).toEqual({
      svc: 'KUBE-SVC-XPGD46QRK7WJZT7O', ext: 'KUBE-EXT-XPGD46QRK7WJZT7O', svl: 'KUBE-SVL-XPGD46QRK7WJZT7O', fw: 'KUBE-FW-XPGD46QRK7WJZT7O',
    });
    // proxier_test.go's firewall chain of ns2/svc2:p80 (a LoadBalancer with loadBalancerSourceRanges)
    expect(servicePortChains('ns2/svc2:p80', 'TCP').fw).toBe('KUBE-FW-GNZBNJ2PO5MGZ6GT');
    expect(endpointChain(name, 'TCP', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
    expect(servicePortName('ns1', 'svc1', undefined)).toBe('ns1/svc1');
  });
});

describe('renderKubeProxy', () => {
  const w1 = renderKubeProxy(model, 'w1');
  const web = servicePortChains('shop/web-cluster:http', 'TCP');
  const local = servicePortChains('shop/web-local', 'TCP');

  test('is marked as kube-proxy\'s, never to be applied, and loads as two tables', () => {
    expect(lines(w1)[0]).toBe('# kube-proxy\'s rules for node w1 (iptables mode, IPv4), rendered by netsec: NOT Calico\'s and NOT to be applied.');
    expect(lines(w1).filter((l) => l.startsWith('*') || l === 'COMMIT')).toEqual(['*nat', 'COMMIT', '*filter', 'COMMIT']);
  });

  test('cluster IP, nodePort and LoadBalancer IP jump to the Service port\'s chains; Cluster marks for masquerade', () => {
    expect(w1).toContain(`-A KUBE-SERVICES -m comment --comment "shop/web-cluster:http cluster IP" -m tcp -p tcp -d 10.96.0.20 --dport 80 -j ${web.svc}\n`);
    expect(w1).toContain(`-A KUBE-NODEPORTS -m comment --comment shop/web-cluster:http -m tcp -p tcp --dport 30080 -j ${web.ext}\n`);
    const lb = servicePortChains('shop/web-lb:https', 'TCP');
    expect(w1).toContain(`-A KUBE-SERVICES -m comment --comment "shop/web-lb:https loadbalancer IP" -m tcp -p tcp -d 203.0.113.50 --dport 443 -j ${lb.ext}\n`);
    expect(lines(w1).filter((l) => l.startsWith(`-A ${web.ext} `))).toEqual([
      `-A ${web.ext} -m comment --comment "masquerade traffic for shop/web-cluster:http external destinations" -j KUBE-MARK-MASQ`,
      `-A ${web.ext} -j ${web.svc}`,
    ]);
    // two endpoints: the first with probability 1/2, the last without
    const sep1 = endpointChain('shop/web-cluster:http', 'TCP', '198.51.100.10:8080');
    const sep2 = endpointChain('shop/web-cluster:http', 'TCP', '198.51.100.11:8080');
    expect(lines(w1).filter((l) => l.startsWith(`-A ${web.svc} `))).toEqual([
      `-A ${web.svc} -m comment --comment "shop/web-cluster:http -> 198.51.100.10:8080" -m statistic --mode random --probability 0.5000000000 -j ${sep1}`,
      `-A ${web.svc} -m comment --comment "shop/web-cluster:http -> 198.51.100.11:8080" -j ${sep2}`,
    ]);
    expect(w1).toContain(`-A ${sep2} -m comment --comment shop/web-cluster:http -m tcp -p tcp -j DNAT --to-destination 198.51.100.11:8080\n`);
    expect(w1).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000\n');
  });

  test('Local: KUBE-SVL-* holds the node\'s own backends; a node without one drops in filter', () => {
    const sepWeb1 = endpointChain('shop/web-local', 'TCP', '198.51.100.10:8080');
    expect(lines(w1).filter((l) => l.startsWith(`-A ${local.svl} `))).toEqual([
      `-A ${local.svl} -m comment --comment "shop/web-local -> 198.51.100.10:8080" -j ${sepWeb1}`,
    ]);
    const w3 = renderKubeProxy(model, 'w3');
    expect(lines(w3).filter((l) => l.startsWith(`-A ${local.svl} `))).toEqual([]);
    // proxier.go (syncProxyRules): usesLocalPolicyChain needs a local endpoint, and KUBE-EXT-* jumps
    // to the policy chain only when hasExternalEndpoints: w3 has neither the chain nor the jump
    expect(lines(w3).filter((l) => l.startsWith(`-A ${local.ext} `))).toEqual([
      `-A ${local.ext} -m comment --comment "masquerade LOCAL traffic for shop/web-local external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A ${local.ext} -m comment --comment "route LOCAL traffic for shop/web-local external destinations" -m addrtype --src-type LOCAL -j ${local.svc}`,
    ]);
    expect(w3).not.toContain(`:${local.svl} `);
    expect(w1).toContain(`-A ${local.ext} -j ${local.svl}\n`);
    expect(w3).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "shop/web-local has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30081 -j DROP\n');
    expect(w1).not.toContain('has no local endpoints');
  });

  test('a pinned variant jumps to one backend only, for deterministic verification', () => {
    const pinned = renderKubeProxy(model, 'w1', () => 1);
    expect(lines(pinned).filter((l) => l.startsWith(`-A ${web.svc} `))).toEqual([
      `-A ${web.svc} -m comment --comment "shop/web-cluster:http -> 198.51.100.11:8080" -j ${endpointChain('shop/web-cluster:http', 'TCP', '198.51.100.11:8080')}`,
    ]);
    // Local, pinned to a backend of another node: no local jump
    expect(lines(pinned).filter((l) => l.startsWith(`-A ${local.svl} `))).toEqual([]);
  });

  test('the plan files include <node>.kube-proxy.iptables when there are Services', () => {
    expect(planFilesFromModel(model).map((f) => f.path).filter((p) => p.endsWith('kube-proxy.iptables')))
      .toEqual(['w1.kube-proxy.iptables', 'w2.kube-proxy.iptables', 'w3.kube-proxy.iptables']);
  });
});
