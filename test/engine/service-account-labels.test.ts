// What a service account selector sees. Calico makes a profile ksa.<ns>.<sa> for every service
// account whose labels are the ServiceAccount's labels plus `projectcalico.org/name: <sa>`, each
// prefixed `pcsa.` on the profile, and the pod's endpoint inherits them (libcalico-go
// lib/backend/k8s/conversion/conversion.go ServiceAccountToProfile, v3.32.1). So
// `serviceAccounts.selector: projectcalico.org/name == 'api'` in a rule, a policy's
// `serviceAccountSelector` of the same text and a plain `selector: pcsa.projectcalico.org/name == 'api'`
// all pick the pods running as `api`. Before, the engine matched service account selectors against
// no labels at all: the Allow below failed closed and the Deny failed open.
import { buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';

const pod = (name: string, ip: string, sa: string | undefined): string => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {app: ${name}}}
spec: {nodeName: w1, ${sa ? `serviceAccountName: ${sa}, ` : ''}containers: [{name: c, image: i}]}
status: {phase: Running, podIP: ${ip}}
`;

const INVENTORY = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
${pod('api', '192.0.2.10', 'api')}${pod('batch', '192.0.2.11', 'batch')}${pod('bare', '192.0.2.12', undefined)}${pod('db', '192.0.2.20', 'db')}`;

const POLICIES = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  order: 10
  selector: app == 'db'
  types: [Ingress]
  ingress:
  - action: Allow
    protocol: TCP
    source: {serviceAccounts: {selector: "projectcalico.org/name == 'api'"}}
    destination: {ports: [5432]}
  - action: Allow
    protocol: TCP
    source: {selector: "pcsa.projectcalico.org/name == 'batch'"}
    destination: {ports: [5433]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: api-no-egress-6379}
spec:
  order: 5
  serviceAccountSelector: "projectcalico.org/name == 'api'"
  types: [Egress]
  egress:
  - {action: Deny, protocol: TCP, destination: {ports: [6379]}}
  - {action: Allow}
`;

describe('service account selectors see the service account name as Calico labels it', () => {
  const m = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: INVENTORY }, { file: 'p.yaml', text: POLICIES }]));
  const allowed = (from: string, to: string, port: number): boolean => evaluateFlow(m, buildFlow(m, { from: `shop/${from}`, to: `shop/${to}`, protocol: 'TCP', port })).allowed;

  test('a rule\'s serviceAccounts.selector on projectcalico.org/name (worked by hand)', () => {
    expect(allowed('api', 'db', 5432)).toBe(true);
    expect(allowed('batch', 'db', 5432)).toBe(false);
    expect(allowed('bare', 'db', 5432)).toBe(false);
  });

  test('a plain selector on the inherited pcsa. label', () => {
    expect(allowed('batch', 'db', 5433)).toBe(true);
    expect(allowed('api', 'db', 5433)).toBe(false);
  });

  test('a policy\'s serviceAccountSelector picks the pods running as the account', () => {
    // api's egress to 6379 is denied by the global policy; batch's egress has no policy; bare has no ingress policy
    expect(allowed('api', 'bare', 6379)).toBe(false);
    expect(allowed('batch', 'bare', 6379)).toBe(true);
    expect(allowed('api', 'bare', 80)).toBe(true);
  });
});
