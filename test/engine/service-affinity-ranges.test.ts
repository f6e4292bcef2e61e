// sessionAffinity and loadBalancerSourceRanges as kube-proxy (iptables mode) programs them, in the
// engine and the plan (kubernetes/kubernetes pkg/proxy/iptables/proxier.go on master):
// - syncProxyRules: with loadBalancerSourceRanges, the LoadBalancer IP's KUBE-SERVICES rule jumps to
//   KUBE-FW-<hash> (the Service port's hash), which sends each range (`-s <cidr>`, and the VIP itself
//   when a range holds the node's IP) to KUBE-EXT-*, then "other traffic to <svc> will be dropped by
//   KUBE-PROXY-FIREWALL"; the filter chain KUBE-PROXY-FIREWALL drops what is still addressed to the
//   LoadBalancer IP and port. nodePorts are not subject to the ranges ("For better or for worse").
// - writeServiceToEndpointRules: ClientIP affinity writes, first, one `-m recent --name <SEP>
//   --rcheck --seconds <timeout> --reap -j <SEP>` per endpoint, and each KUBE-SEP-* DNAT rule gains
//   `-m recent --name <SEP> --set`. proxier_test.go's expectations show the same rules
//   (TestLoadBalancer's KUBE-FW-GNZBNJ2PO5MGZ6GT for ns2/svc2:p80 with 203.0.113.0/25).
// Validation and defaults as pkg/apis/core/validation (sessionAffinity None|ClientIP, timeoutSeconds
// 1-86400, sessionAffinityConfig dropped by the defaults without ClientIP, loadBalancerSourceRanges only for
// LoadBalancer) and SetDefaults_Service (timeoutSeconds 10800). Worked by hand on the fixture.
import { buildEngineModel, evaluateExternalServiceFlow, evaluateServiceFlow, findExternalTarget, parseEngineInputs, resolveServiceTarget } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { endpointChain, servicePortChains } from '../../lib/iptables/kube-proxy-names';
import { EXTERNAL_INVENTORY } from './fixtures/external-services';

const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: ranged, namespace: shop}
spec:
  type: LoadBalancer
  clusterIP: 10.96.0.30
  externalTrafficPolicy: Local
  selector: {app: web}
  loadBalancerSourceRanges: [203.0.113.0/25, 192.0.2.0/31]
  ports: [{name: https, port: 443, targetPort: http, nodePort: 30444}]
status: {loadBalancer: {ingress: [{ip: 203.0.113.60}]}}
---
apiVersion: v1
kind: Service
metadata:
  name: annotated
  namespace: shop
  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: " 198.51.100.0/24 "}
spec: {type: LoadBalancer, clusterIP: 10.96.0.31, externalTrafficPolicy: Local, selector: {app: web}, ports: [{port: 8443, targetPort: http, nodePort: 30445}]}
status: {loadBalancer: {ingress: [{ip: 203.0.113.61}]}}
---
apiVersion: v1
kind: Service
metadata: {name: sticky, namespace: shop}
spec: {clusterIP: 10.96.0.32, sessionAffinity: ClientIP, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: sticky-short, namespace: shop}
spec: {clusterIP: 10.96.0.33, sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-from-internet, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress:
  - from: [{ipBlock: {cidr: 203.0.113.0/24}}, {ipBlock: {cidr: 198.51.100.0/24}}, {podSelector: {}}]
    ports: [{port: 8080}]
`;

const read = (text: string): ReturnType<typeof parseEngineInputs> => parseEngineInputs([{ file: 'c.yaml', text: EXTERNAL_INVENTORY }, { file: 'svc.yaml', text }]);
const model = buildEngineModel(read(SERVICES));

function answer(from: string, to: string, port: number): { summary: string; paths: string[] } {
  const target = findExternalTarget(model, to, 'TCP', port);
  if (!target) throw new Error(`${to}:${port} is no external Service path`);
  const v = evaluateExternalServiceFlow(model, from, target);
  const firewall = (p: typeof v.paths[number]): string => p.stages.find((s) => s.stage === 'kube-proxy-firewall')?.verdict ?? '-';
  return { summary: v.summary, paths: v.paths.filter((p) => !p.unused).map((p) => `${p.node} ${p.backend.pod} ${p.allowed ? 'allow' : 'deny'} fw:${firewall(p)}`) };
}

describe('loadBalancerSourceRanges in the engine: KUBE-FW-* then KUBE-PROXY-FIREWALL', () => {
  test('a source in a range reaches each node\'s local backend (Local)', () => {
    expect(answer('203.0.113.100', '203.0.113.60', 443)).toEqual({
      summary: 'all', paths: ['w1 shop/web-1 allow fw:continue', 'w2 shop/web-2 allow fw:continue'],
    });
  });

  test('a source outside every range is dropped on every node, though the pod\'s own policy would allow it', () => {
    expect(answer('203.0.113.150', '203.0.113.60', 443)).toEqual({
      summary: 'none', paths: ['w1 shop/web-1 deny fw:deny', 'w2 shop/web-2 deny fw:deny'],
    });
    const target = findExternalTarget(model, '203.0.113.60', 'TCP', 443);
    const stage = evaluateExternalServiceFlow(model, '203.0.113.150', target!).paths[0].stages.find((s) => s.stage === 'kube-proxy-firewall');
    expect(stage?.reason).toBe('KUBE-FW-*: source 203.0.113.150 is in none of loadBalancerSourceRanges 203.0.113.0/25, 192.0.2.0/31: not DNATed; KUBE-PROXY-FIREWALL drops it');
  });

  test('the nodePort is not subject to the ranges (kube-proxy applies them to the LoadBalancer IPs only)', () => {
    expect(answer('203.0.113.150', '203.0.113.1', 30444)).toEqual({ summary: 'all', paths: ['w1 shop/web-1 allow fw:-'] });
    const target = findExternalTarget(model, '203.0.113.1', 'TCP', 30444);
    expect(evaluateExternalServiceFlow(model, '203.0.113.150', target!).notes)
      .toContain('loadBalancerSourceRanges hold for the LoadBalancer IPs only: kube-proxy does not apply them to the nodePort');
  });

  test('the annotation counts when the field is empty (trimmed)', () => {
    expect(model.services.find((s) => s.name === 'annotated')?.loadBalancerSourceRanges).toEqual(['198.51.100.0/24']);
    expect(answer('203.0.113.100', '203.0.113.61', 8443).summary).toBe('none');
    expect(answer('198.51.100.7', '203.0.113.61', 8443).summary).toBe('all');
  });
});

describe('loadBalancerSourceRanges in the kube-proxy plan', () => {
  const { fw, ext } = servicePortChains('shop/ranged:https', 'TCP');
  const lines = (node: string): string[] => renderKubeProxy(model, node).split('\n');

  test('the LoadBalancer IP jumps to KUBE-FW-*, which sends each range on to KUBE-EXT-*; the filter drops the rest', () => {
    const w3 = lines('w3'); // InternalIP 192.0.2.3 is in no range
    expect(w3).toContain(`-A KUBE-SERVICES -m comment --comment "shop/ranged:https loadbalancer IP" -m tcp -p tcp -d 203.0.113.60 --dport 443 -j ${fw}`);
    expect(w3.filter((l) => l.startsWith(`-A ${fw} `))).toEqual([
      `-A ${fw} -m comment --comment "shop/ranged:https loadbalancer IP" -s 203.0.113.0/25 -j ${ext}`,
      `-A ${fw} -m comment --comment "shop/ranged:https loadbalancer IP" -s 192.0.2.0/31 -j ${ext}`,
      `-A ${fw} -m comment --comment "other traffic to shop/ranged:https will be dropped by KUBE-PROXY-FIREWALL"`,
    ]);
    expect(w3).toContain(`-A KUBE-PROXY-FIREWALL -m comment --comment "shop/ranged:https traffic not accepted by ${fw}" -m tcp -p tcp -d 203.0.113.60 --dport 443 -j DROP`);
    expect(w3).toContain('-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL');
  });

  test('on a node whose IP a range holds, the VIP itself as source is let through too', () => {
    // w1's InternalIP 192.0.2.1 is in 192.0.2.0/31
    expect(lines('w1').filter((l) => l.startsWith(`-A ${fw} `))[2]).toBe(`-A ${fw} -m comment --comment "shop/ranged:https loadbalancer IP" -s 203.0.113.60 -j ${ext}`);
  });
});

describe('sessionAffinity ClientIP', () => {
  test('the engine still judges every backend, and says why', () => {
    const v = evaluateServiceFlow(model, 'shop/web-1', resolveServiceTarget(model.services, 'service/shop/sticky', 'TCP', '80'));
    expect(v.backends.map((b) => `${b.backend.pod} ${b.verdict?.allowed ? 'allow' : 'deny'}`)).toEqual(['shop/web-1 allow', 'shop/web-2 allow']);
    expect(v.notes[0]).toBe('sessionAffinity ClientIP (10800 s): kube-proxy keeps each client on the backend its first connection reached (KUBE-SEP-* recent lists); any backend may be first, so each is judged');
  });

  test('the plan checks the recent list of each endpoint before the random choice, and DNAT sets it', () => {
    const { svc } = servicePortChains('shop/sticky-short', 'TCP');
    const sep1 = endpointChain('shop/sticky-short', 'TCP', '198.51.100.10:8080');
    const sep2 = endpointChain('shop/sticky-short', 'TCP', '198.51.100.11:8080');
    const w1 = renderKubeProxy(model, 'w1').split('\n');
    expect(w1.filter((l) => l.startsWith(`-A ${svc} `))).toEqual([
      `-A ${svc} -m comment --comment "shop/sticky-short -> 198.51.100.10:8080" -m recent --name ${sep1} --rcheck --seconds 60 --reap -j ${sep1}`,
      `-A ${svc} -m comment --comment "shop/sticky-short -> 198.51.100.11:8080" -m recent --name ${sep2} --rcheck --seconds 60 --reap -j ${sep2}`,
      `-A ${svc} -m comment --comment "shop/sticky-short -> 198.51.100.10:8080" -m statistic --mode random --probability 0.5000000000 -j ${sep1}`,
      `-A ${svc} -m comment --comment "shop/sticky-short -> 198.51.100.11:8080" -j ${sep2}`,
    ]);
    expect(w1).toContain(`-A ${sep2} -m comment --comment shop/sticky-short -m recent --name ${sep2} --set -m tcp -p tcp -j DNAT --to-destination 198.51.100.11:8080`);
    // the default timeout, 10800 s
    expect(renderKubeProxy(model, 'w1')).toContain('--rcheck --seconds 10800 --reap');
  });

  test('a pinned variant checks only the pinned endpoint\'s list', () => {
    const { svc } = servicePortChains('shop/sticky-short', 'TCP');
    const pinned = renderKubeProxy(model, 'w1', () => 1).split('\n').filter((l) => l.startsWith(`-A ${svc} `));
    expect(pinned.map((l) => l.includes('198.51.100.11:8080'))).toEqual([true, true]);
  });
});

describe('validation and defaults', () => {
  const problems = (spec: string, meta = ''): string => {
    try {
      read(`apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop${meta}}\nspec: ${spec}\n`);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  test('sessionAffinity: None or ClientIP; timeoutSeconds 1-86400; a config with None is dropped (SetDefaults_Service), not refused', () => {
    expect(problems('{sessionAffinity: Sticky, ports: [{port: 80}]}')).toContain('spec.sessionAffinity: unsupported session affinity (got "Sticky"; allowed: None or ClientIP)');
    expect(problems('{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}, ports: [{port: 80}]}'))
      .toContain('spec.sessionAffinityConfig.clientIP.timeoutSeconds: timeout out of range (got 0; allowed: an integer 1-86400 (seconds))');
    expect(problems('{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86401}}, ports: [{port: 80}]}')).toContain('(got 86401;');
    expect(problems('{sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}, ports: [{port: 80}]}')).toBe('no error');
    expect(problems('{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}, ports: [{port: 80}]}')).toBe('no error');
  });

  test('loadBalancerSourceRanges: only for a LoadBalancer, each a CIDR; the annotation too', () => {
    expect(problems('{type: NodePort, loadBalancerSourceRanges: [203.0.113.0/24], ports: [{port: 80}]}'))
      .toContain('spec.loadBalancerSourceRanges: may only be used when type is LoadBalancer');
    expect(problems('{type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0, 10.0.0.0/8], ports: [{port: 80}]}'))
      .toContain('spec.loadBalancerSourceRanges[0]: not a CIDR');
    expect(problems('{type: LoadBalancer, ports: [{port: 80}]}', ', annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,bad"}'))
      .toContain('metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]: not a CIDR');
    // host bits are masked off, as Kubernetes parses them
    expect(problems('{type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.7/24], ports: [{port: 80}]}')).toBe('no error');
  });

  test('ClientIP without a timeout gets kube-apiserver\'s 10800 seconds', () => {
    expect(model.services.find((s) => s.name === 'sticky')?.affinitySeconds).toBe(10800);
    expect(model.services.find((s) => s.name === 'sticky-short')?.affinitySeconds).toBe(60);
    expect(model.services.find((s) => s.name === 'ranged')?.affinitySeconds).toBeUndefined();
  });
});
