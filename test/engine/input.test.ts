import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError, buildEngineModel, loadEngineInputs, parseEngineInputs } from '../../lib/engine';
import { ManifestError } from '../../lib/model/parse';
import { inventory } from './helpers/world';

const CLUSTER = inventory([{ ns: 'x', name: 'a', ip: '10.0.1.1', labels: { app: 'a' } }]);

describe('reading inputs', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-input-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('folders, multi-document YAML, JSON and kind: List; unknown kinds are skipped with a note', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), `apiVersion: v1
kind: ConfigMap
metadata: {name: d}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p1, namespace: x}
spec: {podSelector: {}}
`);
    fs.writeFileSync(path.join(dir, 'sub', 'b.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 's' }, spec: { nets: ['192.0.2.0/24'] } },
    ] }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), CLUSTER);
    const inputs = loadEngineInputs({ manifests: [path.join(dir, 'a.yaml'), path.join(dir, 'sub')], cluster: path.join(dir, 'cluster.yaml') });
    expect(inputs.resources.map((r) => [r.resource.kind, r.resource.metadata.name, r.documentIndex])).toEqual([
      ['NetworkPolicy', 'p1', 1], ['GlobalNetworkSet', 's', 0],
    ]);
    expect(inputs.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['x/a']);
    expect(inputs.notes).toEqual([`${path.join(dir, 'a.yaml')}#0: skipped v1/ConfigMap (not a kind the engine reads)`]);
  });

  test('a missing file is an InputError naming it', () => {
    expect(() => loadEngineInputs({ manifests: [path.join(dir, 'nope.yaml')] })).toThrow(new InputError(`${path.join(dir, 'nope.yaml')}: no such file or folder`));
  });

  test('a malformed manifest names file, document index and field', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ok, namespace: x}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad, namespace: x}
spec: {podSelector: {}, ingress: [{ports: [{port: [1]}]}]}
`;
    let err: unknown;
    try { parseEngineInputs([{ file: 'p.yaml', text }]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).location).toBe('p.yaml#1');
    expect((err as ManifestError).field).toContain('spec.ingress[0].ports[0].port');
  });

  test('a malformed pod in the inventory names file, document index and field', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a, namespace: x}
  spec: {containers: [{name: c, ports: [{containerPort: http}]}]}
`;
    expect(() => parseEngineInputs([{ file: 'c.yaml', text }]))
      .toThrow('c.yaml#0: spec.containers[0].ports[0].containerPort: expected a port number 1-65535, got "http"');
  });

  test('a pod service account name kube-apiserver would refuse is an input error (it names the ksa profile chains)', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a, namespace: x}
  spec: {serviceAccountName: Web_SA, containers: [{name: c}]}
`;
    expect(() => parseEngineInputs([{ file: 'c.yaml', text }]))
      .toThrow(/^c\.yaml#0: spec\.serviceAccountName: expected a DNS-1123 subdomain: lower case .*, got "Web_SA"$/);
  });

  test('a bad selector names the document and field when the model is built', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: g}
spec: {selector: all(), ingress: [{action: Allow, source: {selector: "a == "}}]}
`;
    expect(() => buildEngineModel(parseEngineInputs([{ file: 'g.yaml', text }])))
      .toThrow(/^g\.yaml#0: spec\.ingress\[0\]\.source\.selector: /);
  });

  test('host-network and finished pods are not endpoints', () => {
    const text = `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {name: h, namespace: x}, spec: {hostNetwork: true}, status: {podIP: 192.0.2.1}}
- {apiVersion: v1, kind: Pod, metadata: {name: done, namespace: x}, status: {phase: Succeeded}}
- {apiVersion: v1, kind: Pod, metadata: {name: run, namespace: x}, status: {phase: Running, podIP: 10.0.0.5}}
`;
    const m = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text }]));
    expect(m.endpoints.map((e) => e.id)).toEqual(['x/run']);
    expect(m.endpoints[0].labels).toEqual({ 'projectcalico.org/namespace': 'x', 'projectcalico.org/orchestrator': 'k8s' });
  });
});
