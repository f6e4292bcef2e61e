// Truth-table groups and rules with a `services` match: two pods with the same labels can differ in
// whether a Service's EndpointSlice lists them (Felix's svc and svcnoport sets hold the listed
// addresses only, felix/calc/rule_scanner.go), so the table must not fold them into one group.
// Worked by hand: the EndpointSlice of `db` lists db-1 (192.0.2.30) and not db-2 (192.0.2.31).
import { buildEngineModel, buildFlow, buildTruthTable, evaluateFlow, parseEngineInputs } from '../../lib/engine';

const pod = (name: string, ip: string, app: string): string => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}
spec: {nodeName: w1, containers: [{name: c, image: i, ports: [{name: pg, containerPort: 5432}]}]}
status: {phase: Running, podIP: ${ip}}
`;

const INPUT = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
${pod('client', '192.0.2.5', 'client')}${pod('db-1', '192.0.2.30', 'db')}${pod('db-2', '192.0.2.31', 'db')}---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: 10.96.0.20, ports: [{name: pg, port: 5432}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-abc, namespace: shop, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
endpoints: [{addresses: [192.0.2.30]}]
ports: [{name: pg, port: 5432, protocol: TCP}]
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: client-out, namespace: shop}
spec: {selector: "app == 'client'", types: [Egress], egress: [{action: Allow, destination: {services: {name: db, namespace: shop}}}]}
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: client-in, namespace: shop}
spec: {selector: "app == 'client'", types: [Ingress], ingress: [{action: Allow, source: {services: {name: db, namespace: shop}}}]}
`;

describe('truth table with services rules: pods the EndpointSlice lists and pods it does not', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: INPUT }]));
  const table = buildTruthTable(m, { protocol: 'TCP', port: 5432 });

  test('worked by hand: only db-1 is in the sets', () => {
    expect(table.allowed('shop/client', 'shop/db-1')).toBe(true);
    expect(table.allowed('shop/client', 'shop/db-2')).toBe(false);
    expect(table.allowed('shop/db-1', 'shop/client')).toBe(true);
    expect(table.allowed('shop/db-2', 'shop/client')).toBe(false);
  });

  test('every pair equals evaluateFlow', () => {
    for (const a of table.ids) {
      for (const b of table.ids) {
        const v = evaluateFlow(m, buildFlow(m, { from: a, to: b, protocol: 'TCP', port: 5432 }));
        expect([a, b, table.allowed(a, b)]).toEqual([a, b, v.allowed]);
      }
    }
  });
});
