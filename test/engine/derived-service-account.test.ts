// A pod derived from a workload whose template names no service account runs as `default`: the
// ServiceAccount admission plugin (on in every cluster) sets spec.serviceAccountName to "default"
// on a pod that names none, so Calico's endpoint carries ksa.<ns>.default and a rule's
// `serviceAccounts.names: [default]` selects it. Before, the derived pod had no service account: the
// Allow below failed closed (and a Deny of the same would have failed open).
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';

const deployment = (name: string, sa?: string): string => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {${sa ? `serviceAccountName: ${sa}, ` : ''}containers: [{name: c, image: i}]}
`;

const POLICY = `---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  selector: app == 'db'
  types: [Ingress]
  ingress: [{action: Allow, protocol: TCP, source: {serviceAccounts: {names: [default]}}, destination: {ports: [5432]}}]
`;

describe('pods derived from workloads run as the default service account unless the template names one', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'w.yaml', text: deployment('web') + deployment('batch', 'batch') + deployment('db') + POLICY }]));
  const allowed = (from: string): boolean => evaluateFlow(m, buildFlow(m, { from: `shop/${from}[Deployment]`, to: 'shop/db[Deployment]', protocol: 'TCP', port: 5432 })).allowed;

  test('worked by hand: web names none, so it is default; batch names batch', () => {
    expect(allowed('web')).toBe(true);
    expect(allowed('batch')).toBe(false);
  });
});
