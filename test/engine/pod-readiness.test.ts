// Pod readiness in the backends derived from a Service's selector, as the EndpointSlice controller
// marks endpoints (podToEndpoint: ready = publishNotReadyAddresses || (Ready condition True and not
// terminating); serving = Ready True) and kube-proxy picks them (ready ones; with none, the serving
// terminating ones). A pod whose inventory gives no conditions counts as ready.
import { parseEngineInputs } from '../../lib/engine';

const pod = (name: string, ip: string, status: string, meta = ''): string => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: web}${meta}}
spec: {nodeName: w1, containers: [{name: c, image: i}]}
status: {phase: Running, podIP: ${ip}${status}}
`;
const NOT_READY = ', conditions: [{type: Ready, status: "False"}]';
const READY = ', conditions: [{type: Ready, status: "True"}]';
const TERMINATING = ', deletionTimestamp: "2026-01-01T00:00:00Z"';

const service = (publish: boolean): string => `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {clusterIP: 10.96.0.10, selector: {app: web}, publishNotReadyAddresses: ${publish}, ports: [{port: 80, targetPort: 8080}]}
`;

function backends(pods: string, publish = false): { kubeProxy: string[]; felix: string[] } {
  const inputs = parseEngineInputs([{ file: 'm.yaml', text: `${pods}${service(publish)}` }]);
  const s = (inputs.services ?? [])[0];
  return { kubeProxy: s.ports[0].backends.map((b) => b.address), felix: [...s.setMembers.addresses].sort() };
}

describe('backends derived from the selector honour readiness', () => {
  test('a Ready False pod is no backend; no conditions or Ready True are', () => {
    const pods = pod('a', '192.0.2.1', '') + pod('b', '192.0.2.2', NOT_READY) + pod('c', '192.0.2.3', READY);
    expect(backends(pods).kubeProxy).toEqual(['192.0.2.1', '192.0.2.3']);
    // the slice still lists the not-ready pod, so Felix's services set holds it
    expect(backends(pods).felix).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
  });
  test('a terminating pod is no backend while a ready one exists', () => {
    expect(backends(pod('a', '192.0.2.1', '') + pod('t', '192.0.2.9', READY, TERMINATING)).kubeProxy).toEqual(['192.0.2.1']);
  });
  test('with only terminating pods, the serving ones are used (kube-proxy fallback); a not-ready terminating one is not', () => {
    expect(backends(pod('t', '192.0.2.9', READY, TERMINATING) + pod('u', '192.0.2.8', NOT_READY, TERMINATING)).kubeProxy).toEqual(['192.0.2.9']);
  });
  test('publishNotReadyAddresses: not-ready and terminating pods are backends', () => {
    const pods = pod('b', '192.0.2.2', NOT_READY) + pod('t', '192.0.2.9', READY, TERMINATING);
    expect(backends(pods, true).kubeProxy).toEqual(['192.0.2.2', '192.0.2.9']);
  });
  test('a Ready condition with a status other than True, False or Unknown is an input error naming the field', () => {
    expect(() => backends(pod('x', '192.0.2.1', ', conditions: [{type: Ready, status: "yes"}]')))
      .toThrow(/status\.conditions\[0\]\.status/);
  });
});
