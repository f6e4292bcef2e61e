// NS009-NS011: egress without DNS, egress to the Service range, cluster-wide denies.
import { lint, only } from './helpers';

const DENY_EGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
`;
const ALLOW_DNS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
    ports: [{protocol: UDP, port: 53}]
`;

describe('NS009 egress-deny-without-dns', () => {
  test('with an inventory: the shop pods are egress default-deny and cannot resolve names', () => {
    const found = only(lint(DENY_EGRESS), 'NS009');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('2 endpoint(s) (shop/frontend, shop/backend)');
    expect(found[0].location.name).toBe('deny-egress');
  });
  test('with an inventory: an egress allow of UDP 53 to kube-dns is enough', () => {
    expect(only(lint(DENY_EGRESS + ALLOW_DNS), 'NS009')).toEqual([]);
  });
  test('without an inventory the policies are checked', () => {
    expect(only(lint(DENY_EGRESS, false), 'NS009')).toHaveLength(1);
    expect(only(lint(DENY_EGRESS + ALLOW_DNS, false), 'NS009')).toEqual([]);
  });
  test('an egress allow of UDP 53 in another namespace does not help', () => {
    expect(only(lint(DENY_EGRESS + ALLOW_DNS.replace('namespace: shop', 'namespace: other'), false), 'NS009')).toHaveLength(1);
  });
});

const ipBlock = (cidr: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-svc, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: ${cidr}}}]}]
`;

describe('NS010 egress-to-service-cidr', () => {
  test('an ipBlock inside the IKS Service range (172.21.0.0/16) is an error', () => {
    const found = only(lint(ipBlock('172.21.14.0/24')), 'NS010');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].location.field).toBe('spec.egress[0].to[0].ipBlock.cidr');
    expect(found[0].message).toContain('172.21.0.0/16');
  });
  test('an ipBlock inside the upstream range (10.96.0.0/12), e.g. a ClusterIP /32', () => {
    expect(only(lint(ipBlock('10.100.0.10/32')), 'NS010')).toHaveLength(1);
  });
  test('a broader ipBlock that contains the range is not flagged', () => {
    expect(only(lint(ipBlock('10.0.0.0/8')), 'NS010')).toEqual([]);
  });
  test('the ranges are configurable', () => {
    expect(only(lint(ipBlock('172.21.14.0/24'), true, ['192.168.0.0/16']), 'NS010')).toEqual([]);
    expect(only(lint(ipBlock('192.168.3.0/24'), true, ['192.168.0.0/16']), 'NS010')).toHaveLength(1);
  });
  test('Calico nets are not checked (IBM isolation policies name the API server ClusterIP)', () => {
    const yaml = `
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: to-api}
spec: {selector: all(), egress: [{action: Allow, destination: {nets: [172.21.0.1/32]}}]}
`;
    expect(only(lint(yaml), 'NS010')).toEqual([]);
  });
});

const globalDeny = (extra: string) => `
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-all}
spec:
  order: 10
${extra}  ingress: [{action: Deny, protocol: TCP, destination: {ports: [23]}}]
`;

describe('NS011 global-deny-on-all', () => {
  test('no selector (all endpoints) and a Deny rule', () => {
    const found = only(lint(globalDeny('')), 'NS011');
    expect(found).toHaveLength(1);
    expect(found[0].location).toMatchObject({ name: 'deny-all', field: 'spec.ingress[0]' });
  });
  test('an explicit all() selector too', () => {
    expect(only(lint(globalDeny('  selector: all()\n')), 'NS011')).toHaveLength(1);
  });
  test('a scoped selector is fine', () => {
    expect(only(lint(globalDeny("  selector: role == 'edge'\n")), 'NS011')).toEqual([]);
  });
  test('a namespaceSelector scopes it too', () => {
    expect(only(lint(globalDeny("  namespaceSelector: team == 'shop'\n")), 'NS011')).toEqual([]);
  });
  test('a namespaced Calico policy with an empty selector is not global', () => {
    const yaml = globalDeny('').replace('kind: GlobalNetworkPolicy', 'kind: NetworkPolicy').replace('name: deny-all}', 'name: deny-all, namespace: shop}');
    expect(only(lint(yaml), 'NS011')).toEqual([]);
  });
});
