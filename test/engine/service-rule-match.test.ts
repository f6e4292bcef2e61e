// Calico rules with a `services` match, judged as Felix enforces them (felix/calc/rule_scanner.go:
// a destination match is a hash:ip,port set of the Service's endpoints, a source match a hash:net
// set of their addresses; felix/serviceindex/serviceindex.go fills both from every endpoint of the
// Service's EndpointSlices, whatever its conditions). Expectations are worked by hand from that.
import { buildEngineModel, buildFlow, evaluateFlow, explainText, parseEngineInputs } from '../../lib/engine';
import { SHOP_NAMESPACE, WEB_SERVICE, shopPod, shopService } from './fixtures/service-world';

const pod = (name: string, ip: string, app: string, status = ''): string => shopPod(name, 'w1', ip, `{app: ${app}}`, status);

const INVENTORY = `${SHOP_NAMESPACE}${pod('client', '192.0.2.5', 'client')}${pod('web-1', '192.0.2.10', 'web')}`
  + `${pod('web-2', '192.0.2.11', 'web', ', conditions: [{type: Ready, status: "False"}]')}${pod('other', '192.0.2.20', 'other')}${pod('db-1', '192.0.2.30', 'db')}`;

// web: endpoints derived from the selector (web-2 is not ready: kube-proxy skips it, the slice
// controller still lists it, so Felix's set holds it). db: an EndpointSlice given, its one
// endpoint not ready.
const SERVICES = `${WEB_SERVICE}${shopService('db', '{clusterIP: 10.96.0.20, ports: [{name: pg, port: 5432}]}')}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-abc, namespace: shop, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
endpoints: [{addresses: [192.0.2.30], conditions: {ready: false}}]
ports: [{name: pg, port: 5432, protocol: TCP}]
`;

const calicoPolicy = (name: string, selector: string, types: string, rules: string): string => `---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec: {selector: "${selector}", types: [${types}], ${rules}}
`;

const EGRESS_TO_WEB = calicoPolicy('client-out', "app == 'client'", 'Egress', 'egress: [{action: Allow, destination: {services: {name: web, namespace: shop}}}]');

function verdict(policies: string, from: string, to: string, protocol: string, port: number): boolean {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}${policies}` }]));
  return evaluateFlow(m, buildFlow(m, { from, to, protocol, port })).allowed;
}

describe('destination.services in an egress rule: the post-DNAT endpoint address, protocol and port', () => {
  test('a ready endpoint at its target port is allowed', () => {
    expect(verdict(EGRESS_TO_WEB, 'shop/client', 'shop/web-1', 'TCP', 8080)).toBe(true);
  });
  test('a not-ready endpoint is still in the set (the slice lists it): allowed', () => {
    expect(verdict(EGRESS_TO_WEB, 'shop/client', 'shop/web-2', 'TCP', 8080)).toBe(true);
  });
  test('another port, another protocol, a pod that is no endpoint, or the cluster IP itself: denied', () => {
    expect(verdict(EGRESS_TO_WEB, 'shop/client', 'shop/web-1', 'TCP', 9090)).toBe(false);
    expect(verdict(EGRESS_TO_WEB, 'shop/client', 'shop/web-1', 'UDP', 8080)).toBe(false);
    expect(verdict(EGRESS_TO_WEB, 'shop/client', 'shop/other', 'TCP', 8080)).toBe(false);
    // the Service port on the cluster IP is not a member: kube-proxy DNATs before policy
    expect(verdict(EGRESS_TO_WEB, 'shop/client', '10.96.0.10', 'TCP', 80)).toBe(false);
  });
  test('a Deny rule with a services match denies (it used to be skipped: fail open)', () => {
    const policies = calicoPolicy('client-out', "app == 'client'", 'Egress',
      'egress: [{action: Deny, destination: {services: {name: db, namespace: shop}}}, {action: Allow}]');
    expect(verdict(policies, 'shop/client', 'shop/db-1', 'TCP', 5432)).toBe(false);
    expect(verdict(policies, 'shop/client', 'shop/db-1', 'TCP', 5433)).toBe(true);
  });
  test('an empty services namespace keys the set as "/<name>", which no slice has (Felix code, not the docs): never matches', () => {
    const policies = calicoPolicy('client-out', "app == 'client'", 'Egress', 'egress: [{action: Allow, destination: {services: {name: web}}}]');
    expect(verdict(policies, 'shop/client', 'shop/web-1', 'TCP', 8080)).toBe(false);
  });
  test('a Service not in the inputs has an empty set: the Allow never matches', () => {
    const policies = calicoPolicy('client-out', "app == 'client'", 'Egress', 'egress: [{action: Allow, destination: {services: {name: nope, namespace: shop}}}]');
    expect(verdict(policies, 'shop/client', 'shop/web-1', 'TCP', 8080)).toBe(false);
  });
});

describe('source.services in an ingress rule: the source address is an endpoint address', () => {
  const FROM_WEB = calicoPolicy('db-in', "app == 'db'", 'Ingress', 'ingress: [{action: Allow, protocol: TCP, source: {services: {name: web, namespace: shop}}}]');
  test('from either web endpoint to any TCP port: allowed; from a pod that is no endpoint: denied', () => {
    expect(verdict(FROM_WEB, 'shop/web-1', 'shop/db-1', 'TCP', 5432)).toBe(true);
    expect(verdict(FROM_WEB, 'shop/web-2', 'shop/db-1', 'TCP', 22)).toBe(true);
    expect(verdict(FROM_WEB, 'shop/client', 'shop/db-1', 'TCP', 5432)).toBe(false);
    expect(verdict(FROM_WEB, 'shop/web-1', 'shop/db-1', 'UDP', 5432)).toBe(false);
  });
  test('source ports still apply next to a source services match', () => {
    const policies = calicoPolicy('db-in', "app == 'db'", 'Ingress',
      'ingress: [{action: Allow, protocol: TCP, source: {services: {name: web, namespace: shop}, ports: [40000]}}]');
    const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}${policies}` }]));
    expect(evaluateFlow(m, { ...buildFlow(m, { from: 'shop/web-1', to: 'shop/db-1', protocol: 'TCP', port: 5432 }), sourcePort: 40000 }).allowed).toBe(true);
    expect(evaluateFlow(m, { ...buildFlow(m, { from: 'shop/web-1', to: 'shop/db-1', protocol: 'TCP', port: 5432 }), sourcePort: 40001 }).allowed).toBe(false);
  });
});

test('explain names the Service a deciding rule matched', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${INVENTORY}${SERVICES}${EGRESS_TO_WEB}` }]));
  const text = explainText(evaluateFlow(m, buildFlow(m, { from: 'shop/client', to: 'shop/web-1', protocol: 'TCP', port: 8080 })));
  // web's set: web-1 and web-2 at 8080/TCP
  expect(text).toContain('rule 0: destination.services shop/web: matched one of its EndpointSlice endpoints (IP set of 2 members)');
});
