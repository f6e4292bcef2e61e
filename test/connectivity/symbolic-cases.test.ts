// Semantics the random clusters of equivalence.test.ts do not reach, for the symbolic evaluation
// (lib/connectivity/chain-sets.ts): a Pass to the next tier over a port range, a tier whose default
// is Pass, named ports (a different number on each pod), notPorts, notProtocol, ICMP type and code,
// notICMP, a source port (never known, so the rule never matches), an egress policy ending in
// default deny. Each map is checked flow by flow (flow-check.ts) and a few lines against the
// connection sets worked out by hand from Calico's order (tiers, then policies, then rules; Pass
// goes to the next tier; a tier's end drops unless its defaultAction is Pass; with no policy left,
// the namespace profile allows).
import { computeConnectivity } from '../../lib/connectivity';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { inventory, model } from '../engine/helpers/world';
import { checkFlowByFlow } from './flow-check';

const CLUSTER = inventory([
  { ns: 'shop', name: 'web', ip: '192.0.2.10', node: 'n1', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'UDP' }] },
  { ns: 'shop', name: 'api', ip: '192.0.2.20', node: 'n2', labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 9090 }] },
  { ns: 'shop', name: 'db', ip: '192.0.2.30', node: 'n2', labels: { app: 'db' } },
], {}, [{ name: 'n1', ip: '192.0.2.1' }, { name: 'n2', ip: '192.0.2.2' }]);

const POLICIES = `apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100, defaultAction: Pass}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: security.gate}
spec:
  tier: security
  selector: all()
  types: [Ingress]
  ingress:
  - {action: Deny, protocol: TCP, destination: {ports: [22]}}
  - {action: Pass, protocol: TCP, destination: {ports: ['8000:9999']}}
  - {action: Allow, protocol: ICMP, icmp: {type: 3, code: 4}}
  - {action: Deny, protocol: ICMP, notICMP: {type: 8}}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  selector: app == 'api'
  types: [Ingress]
  ingress:
  - {action: Allow, protocol: TCP, destination: {ports: [http]}}
  - {action: Allow, protocol: UDP, source: {selector: app == 'web'}, destination: {notPorts: [53]}}
  - {action: Allow, notProtocol: TCP, source: {selector: app == 'db'}}
  - {action: Allow, protocol: TCP, source: {ports: [1234]}}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  selector: app == 'web'
  types: [Ingress]
  ingress:
  - {action: Allow, protocol: TCP, destination: {ports: [http]}}
  - {action: Allow, protocol: ICMP, icmp: {type: 8, code: 0}}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db-out, namespace: shop}
spec:
  selector: app == 'db'
  types: [Egress]
  egress:
  - {action: Allow, protocol: TCP, destination: {selector: app == 'api', ports: [9090]}}
  - {action: Allow, protocol: ICMP}
  - {action: Allow, protocol: UDP}
`;

describe('symbolic connectivity: Pass, named ports, notPorts, notProtocol, ICMP types and codes', () => {
  const m = model(POLICIES, CLUSTER);
  const conn = (src: string, dst: string): string | undefined => computeConnectivity(m).lines.find((l) => l.src === src && l.dst === dst)?.conn;

  test('agrees with evaluateFlow at every boundary, type and code', () => {
    expect(checkFlowByFlow(m)).toBeGreaterThan(1000);
  });

  test('web => api: TCP only on api\'s named port (passed by the gate), UDP but 53 (and Felix\'s VXLAN port), ICMP 3 code 4 only', () => {
    expect(conn('shop/web', 'shop/api')).toBe('TCP 9090,UDP 1-52,54-4788,4790-65535,ICMP 3/4');
  });

  test('db => api: db\'s egress allows TCP 9090 only; notProtocol TCP lets UDP and the gate\'s passed ICMP 8 in', () => {
    expect(conn('shop/db', 'shop/api')).toBe('TCP 9090,UDP 1-4788,4790-65535,ICMP 8,3/4');
  });

  test('api => web: web\'s own named port (8080, not 9090), ICMP 3/4 and echo request code 0', () => {
    expect(conn('shop/api', 'shop/web')).toBe('TCP 8080,ICMP 3/4,8/0');
  });

  test('api => db: no policy after the gate, so the profile allows what the gate passes (every protocol but IP-in-IP, dropped from pods)', () => {
    expect(conn('shop/api', 'shop/db')).toBe('TCP 1-21,23-65535,UDP 1-4788,4790-65535,SCTP,ICMP 8,3/4,protocols 2-3,5,7-16,18-57,59-131,133-255');
  });
});

// A `services` match (service-match.ts): a destination match is the Service's endpoints as address,
// protocol and port (web-1 and web-2 on TCP 8080), a source match their addresses.
const SERVICE_INPUTS = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
${['client 192.0.2.5 client', 'web-1 192.0.2.10 web', 'web-2 192.0.2.11 web', 'db 192.0.2.30 db'].map((p) => p.split(' ')).map(([name, ip, app]) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}
spec: {nodeName: w1, containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: ${ip}}
`).join('')}---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {clusterIP: 10.96.0.10, selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: client-out, namespace: shop}
spec: {selector: "app == 'client'", types: [Egress], egress: [{action: Allow, destination: {services: {name: web, namespace: shop}}}]}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec: {selector: "app == 'db'", types: [Ingress], ingress: [{action: Allow, source: {services: {name: web, namespace: shop}}}]}
`;

describe('symbolic connectivity: services matches', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: SERVICE_INPUTS }]));
  const conn = (src: string, dst: string): string | undefined => computeConnectivity(m).lines.find((l) => l.src === src && l.dst === dst)?.conn;

  test('agrees with evaluateFlow at every boundary', () => {
    expect(checkFlowByFlow(m)).toBeGreaterThan(1000);
  });

  test('client reaches the Service\'s endpoints on their target port only, and nothing else', () => {
    expect(conn('shop/client', 'shop/web-1')).toBe('TCP 8080');
    expect(conn('shop/client', 'shop/web-2')).toBe('TCP 8080');
    expect(conn('shop/client', 'shop/db')).toBeUndefined();
  });

  test('db lets in the Service\'s endpoint addresses (every connection but what Felix drops from pods: VXLAN, IP-in-IP), not the client', () => {
    expect(conn('shop/web-1', 'shop/db')).toBe('TCP,UDP 1-4788,4790-65535,SCTP,ICMP,protocols 2-3,5,7-16,18-57,59-131,133-255');
    expect(conn('shop/client', 'shop/db')).toBeUndefined();
  });
});
