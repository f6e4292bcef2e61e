// The same object read twice: a manifests folder that also holds the inventory, a file given twice,
// two exports that overlap. Equal copies are read once (with a note); copies that differ are refused
// naming both places, since the engine cannot know which of them the cluster holds (before this, the
// second NetworkPolicy made the plan fail with "chain ... rendered twice" and the second Namespace
// silently replaced the first one's labels).
import { ValidationError, buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderNodePlan } from '../../lib/iptables/node-plan';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: x}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
`;
const CLUSTER = `apiVersion: v1
kind: Namespace
metadata: {name: x, labels: {team: a}}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {addresses: [{type: InternalIP, address: 192.0.2.1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: x, labels: {app: db}}
spec: {nodeName: n1, containers: [{name: c}]}
status: {phase: Running, podIP: 198.51.100.5, podIPs: [{ip: 198.51.100.5}]}
`;

describe('one object, one definition', () => {
  it('reads equal copies once and says so; the plan renders', () => {
    const inputs = parseEngineInputs([
      { file: 'm/policy.yaml', text: POLICY }, { file: 'm/cluster.yaml', text: CLUSTER },
      { file: 'again/policy.yaml', text: POLICY }, { file: 'cluster.yaml', text: CLUSTER },
    ]);
    expect(inputs.resources.map((r) => `${r.file}#${r.documentIndex}`)).toEqual(['m/policy.yaml#0']);
    expect(inputs.pods.map((p) => p.name)).toEqual(['db-0']);
    expect(inputs.nodes.map((n) => n.name)).toEqual(['n1']);
    expect(inputs.namespaces.map((n) => n.name)).toEqual(['x']);
    expect(inputs.notes).toEqual([
      'again/policy.yaml#0: networking.k8s.io/v1 NetworkPolicy x/db is the same as m/policy.yaml#0; read once',
      'cluster.yaml#0: v1 Namespace x is the same as m/cluster.yaml#0; read once',
      'cluster.yaml#1: v1 Node n1 is the same as m/cluster.yaml#1; read once',
      'cluster.yaml#2: v1 Pod x/db-0 is the same as m/cluster.yaml#2; read once',
    ]);
    expect(() => renderNodePlan(buildEngineModel(inputs), 'n1')).not.toThrow();
  });

  it('refuses copies that differ, naming both places and the object', () => {
    const other = POLICY.replace('app: web', 'app: api');
    const ns = CLUSTER.replace('team: a', 'team: b');
    let error: unknown;
    try {
      parseEngineInputs([{ file: 'a.yaml', text: POLICY }, { file: 'b.yaml', text: other }, { file: 'c.yaml', text: CLUSTER }, { file: 'd.yaml', text: ns }]);
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message.split('\n')).toEqual([
      'b.yaml#0: metadata.name: networking.k8s.io/v1 NetworkPolicy x/db is defined twice, differently (got a second definition; allowed: one definition, or copies that are equal; the first is a.yaml#0)',
      'd.yaml#0: metadata.name: v1 Namespace x is defined twice, differently (got a second definition; allowed: one definition, or copies that are equal; the first is c.yaml#0)',
    ]);
  });

  it('tells a Kubernetes NetworkPolicy and a Calico NetworkPolicy of the same name apart', () => {
    const calico = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: db, namespace: x}
spec: {selector: app == 'db', types: [Ingress]}
`;
    const inputs = parseEngineInputs([{ file: 'k.yaml', text: POLICY }, { file: 'c.yaml', text: calico }]);
    expect(inputs.resources.map((r) => r.resource.apiVersion)).toEqual(['networking.k8s.io/v1', 'projectcalico.org/v3']);
    expect(inputs.notes).toEqual([]);
  });
});
