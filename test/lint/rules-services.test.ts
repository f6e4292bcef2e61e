// NS014-NS016: the Service lint checks, each with a case that triggers it and one that does not.
import { LintFinding, lintTexts } from '../../lib/lint';

const INVENTORY = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: web}}
spec: {nodeName: w1, containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 192.0.2.10}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec: {nodeName: w1, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: 192.0.2.5}
`;

const HOST = `---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: w1-public, labels: {ibm.role: worker_public}}
spec: {node: w1, interfaceName: eth1, expectedIPs: [203.0.113.10]}
`;

const service = (type: string, extra = ''): string => `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {type: ${type}, clusterIP: 172.30.0.10, selector: {app: web}, ports: [{port: 80, targetPort: 8080${type === 'ClusterIP' ? '' : ', nodePort: 30080'}}]${extra}}
`;

function lint(yaml: string, ruleId: string): LintFinding[] {
  return lintTexts([{ file: 'm.yaml', text: yaml }], { file: 'inv.yaml', text: INVENTORY }).filter((f) => f.ruleId === ruleId);
}

describe('NS014 egress-to-cluster-ip', () => {
  const egress = (nets: string): string => `---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: client-out, namespace: shop}
spec: {selector: app == 'client', types: [Egress], egress: [{action: Allow, destination: {nets: [${nets}]}}]}
`;
  test('nets holding the ClusterIP but not the backend: an error naming the Service and the fix', () => {
    const found = lint(service('ClusterIP') + egress('172.30.0.0/24'), 'NS014');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toContain('holds the ClusterIP 172.30.0.10 of Service shop/web but none of its backends');
    expect(found[0].location).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', name: 'client-out', field: 'spec.egress[0].destination.nets' });
  });
  test('nets that also hold the backend (or hold no ClusterIP) are fine', () => {
    expect(lint(service('ClusterIP') + egress('0.0.0.0/0'), 'NS014')).toEqual([]);
    expect(lint(service('ClusterIP') + egress('172.31.0.0/24'), 'NS014')).toEqual([]);
  });
});

describe('NS015 nodeport-on-public-host', () => {
  const PRE_DNAT = `---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-nodeports}
spec:
  selector: ibm.role == 'worker_public'
  preDNAT: true
  applyOnForward: true
  order: 1100
  types: [Ingress]
  ingress: [{action: Deny, protocol: TCP, destination: {ports: ['30000:32767']}}]
`;
  test('a NodePort on a public host endpoint with no pre-DNAT policy: a warning on the Service', () => {
    const found = lint(service('NodePort') + HOST, 'NS015');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('Service shop/web (NodePort) is reachable on nodePort TCP/30080 of public host endpoint(s) w1-public');
    expect(found[0].location).toMatchObject({ file: 'm.yaml', documentIndex: 0, kind: 'Service', name: 'web' });
  });
  test('a pre-DNAT policy denying the NodePort range on the public host endpoint: fine', () => {
    expect(lint(service('NodePort') + HOST + PRE_DNAT, 'NS015')).toEqual([]);
  });
  test('a host endpoint IBM labels private is not public, whatever its address: fine', () => {
    expect(lint(service('NodePort') + HOST.replace('worker_public', 'worker_private'), 'NS015')).toEqual([]);
  });
  test('a ClusterIP Service has no NodePort: fine', () => {
    expect(lint(service('ClusterIP') + HOST, 'NS015')).toEqual([]);
  });
});

describe('NS016 ipblock-on-snat-backends', () => {
  const FROM_OFFICE = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 198.51.100.0/24}}]}]}
`;
  test('an ingress ipBlock on the backends of a NodePort Service with externalTrafficPolicy Cluster (the default): a warning', () => {
    const found = lint(service('NodePort') + FROM_OFFICE, 'NS016');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('allows 198.51.100.0/24 to backends of Service shop/web, whose externalTrafficPolicy is Cluster');
    expect(found[0].location).toMatchObject({ kind: 'NetworkPolicy', namespace: 'shop', name: 'web-in' });
  });
  test('externalTrafficPolicy Local keeps the client address: fine', () => {
    expect(lint(service('NodePort', ', externalTrafficPolicy: Local') + FROM_OFFICE, 'NS016')).toEqual([]);
  });
});
