// The report's workload-to-itself cells are judged once per pair of pod classes and node case (the
// truth table's classes, engine endpointClasses), then written pod pair by pod pair. Worked by hand:
// web's ingress admits TCP 80 from 192.0.2.10 (web-1) only, so among web's four pods on two nodes
// only web-1 opens anything, to each of the other three.
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { buildWorkloadMatrix } from '../../lib/report/build-workloads';

const pod = (name: string, ip: string, node: string): string => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels: {app: web}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, uid: u1, controller: true}]
spec: {nodeName: ${node}, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: ${ip}}
`;

const INPUT = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
${pod('web-1', '192.0.2.10', 'w1')}${pod('web-2', '192.0.2.11', 'w1')}${pod('web-3', '192.0.2.12', 'w2')}${pod('web-4', '192.0.2.13', 'w2')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress: [{from: [{ipBlock: {cidr: 192.0.2.10/32}}], ports: [{protocol: TCP, port: 80}]}]
`;

test('a workload to itself: one line per pod pair that opens anything, judged per class', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: INPUT }]));
  const matrix = buildWorkloadMatrix(m);
  const web = matrix.parties.findIndex((p) => p.name === 'shop/web[StatefulSet]');
  expect(web).toBeGreaterThanOrEqual(0);
  const entry = matrix.entries[matrix.cells[web][web]];
  expect(entry.differsPerPod).toBe(true);
  expect(entry.detail).toEqual([
    'shop/web-1 => shop/web-2 : TCP 80',
    'shop/web-1 => shop/web-3 : TCP 80',
    'shop/web-1 => shop/web-4 : TCP 80',
  ]);
});
