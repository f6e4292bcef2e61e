// Addresses are compared in their canonical form (RFC 5952, as Kubernetes and Calico write them):
// `--to 2001:DB8:10:0::11` names the pod at 2001:db8:10::11, and a Service or pod written with a
// non-canonical IPv6 address is found by its canonical one. Before, the texts were compared as
// they were written: the pod was not found and the flow was judged as one to an outside address,
// with none of the pod's policy (worked by hand: web's ingress allows only the client pod).
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs, resolveServiceTarget } from '../../lib/engine';

const INPUT = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {nodeName: w1, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: "2001:DB8:10:0::11", podIPs: [{ip: "2001:DB8:10:0::11"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec: {nodeName: w1, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: "2001:db8:10::12", podIPs: [{ip: "2001:db8:10::12"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  clusterIP: "2001:DB8:96::50"
  clusterIPs: ["2001:DB8:96::50"]
  ipFamilies: [IPv6]
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]
`;

describe('addresses in their canonical form', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: INPUT }]));

  test('a pod written 2001:DB8:10:0::11 is the pod at 2001:db8:10::11, however --to spells it', () => {
    for (const to of ['2001:db8:10::11', '2001:DB8:10:0::11', '2001:db8:10:0:0:0:0:11']) {
      const v = evaluateFlow(m, buildFlow(m, { from: '2001:db8:20::1', to, protocol: 'TCP', port: 8080 }));
      expect([to, v.destination, v.allowed]).toEqual([to, 'shop/web', false]);
    }
    expect(evaluateFlow(m, buildFlow(m, { from: 'shop/client', to: '2001:DB8:10::11', protocol: 'TCP', port: 8080 })).allowed).toBe(true);
  });

  test('a Service written with a non-canonical cluster IP is found by the canonical one', () => {
    expect(m.services[0].clusterIPs).toEqual(['2001:db8:96::50']);
    const target = resolveServiceTarget(m.services, '2001:db8:96::50', 'TCP', '80');
    expect(target.service.name).toBe('web');
  });
});

describe('node and host endpoint addresses in their canonical form', () => {
  const hep = `---
apiVersion: v1
kind: Node
metadata: {name: w1}
status: {addresses: [{type: InternalIP, address: "2001:DB8:2:0::10"}]}
---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: w1-eth0, labels: {role: node}}
spec: {node: w1, interfaceName: eth0, expectedIPs: ["2001:DB8:2::10"]}
`;
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: INPUT + hep }]));

  test('the Node address and the host endpoint\'s expectedIPs are the canonical texts, so --to finds the host endpoint', () => {
    expect(m.nodes[0].addresses.map((a) => a.address)).toEqual(['2001:db8:2::10']);
    expect(m.endpoints.find((e) => e.kind === 'host')?.ips).toEqual(['2001:db8:2::10']);
    const v = evaluateFlow(m, buildFlow(m, { from: 'shop/client', to: '2001:db8:2:0:0:0:0:10', protocol: 'TCP', port: 22 }));
    expect(v.destination).toBe('hostendpoint/w1-eth0');
  });
});
