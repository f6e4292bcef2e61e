// The engine's entry points for documents that are already plain data, container ports in the
// inventory model and the namespaceSelector rewrite.
import {
  EngineDocument, buildEngineModel, namespaceSelectorText, parseEngineDocuments, parseEngineInputs,
} from '../../lib/engine';
import { ManifestError } from '../../lib/model/parse';
import { Selector } from '../../lib/model/selector';

const POLICY = {
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' },
  spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] },
};
const NAMESPACE = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x', labels: { team: 't' } } };
const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' }, status: { addresses: [{ type: 'InternalIP', address: '198.51.100.1' }] } };
const DEPLOYMENT = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' } };

/** A pod with the given containers and init containers. */
function pod(name: string, containers: unknown[], initContainers?: unknown[], extra: { [k: string]: unknown } = {}): { [k: string]: unknown } {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'x' },
    spec: { nodeName: 'w1', containers, ...(initContainers ? { initContainers } : {}), ...extra },
    status: { phase: 'Running', podIP: '192.0.2.10' },
  };
}

describe('parseEngineDocuments', () => {
  test('reads plain documents as parseEngineInputs reads the same documents written as YAML/JSON text', () => {
    const web = pod('web', [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }]);
    const documents: EngineDocument[] = [
      { file: 'a.yaml', documentIndex: 0, doc: DEPLOYMENT },
      { file: 'a.yaml', documentIndex: 1, doc: POLICY },
      { file: 'inv.json', documentIndex: 0, doc: NAMESPACE },
      { file: 'inv.json', documentIndex: 0, doc: NODE },
      { file: 'inv.json', documentIndex: 0, doc: web },
    ];
    const viaText = parseEngineInputs([
      { file: 'a.yaml', text: `${JSON.stringify(DEPLOYMENT)}\n---\n${JSON.stringify(POLICY)}\n` },
      { file: 'inv.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [NAMESPACE, NODE, web] }) },
    ]);
    const inputs = parseEngineDocuments(documents);
    expect(inputs).toEqual(viaText);
    // worked out by hand: the policy is document 1 of a.yaml, the ConfigMap (document 0) is skipped
    expect(inputs.resources.map((r) => `${r.file}#${r.documentIndex} ${r.resource.kind}`)).toEqual(['a.yaml#1 NetworkPolicy']);
    expect(inputs.notes).toEqual(['a.yaml#0: skipped v1/ConfigMap (not a kind the engine reads)']);
    // kube-apiserver adds the name label to every namespace
    expect(inputs.namespaces).toEqual([{ name: 'x', labels: { team: 't', 'kubernetes.io/metadata.name': 'x' } }]);
    expect(inputs.nodes).toEqual([{ name: 'w1', labels: {}, addresses: [{ type: 'InternalIP', address: '198.51.100.1' }] }]);
    expect(inputs.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['x/web']);
  });

  test('a malformed document names its file, document index and field', () => {
    const bad = { ...POLICY, spec: { podSelector: {}, ingress: [{ ports: [{ port: [1] }] }] } };
    let err: unknown;
    try {
      parseEngineDocuments([{ file: 'm.yaml', documentIndex: 3, doc: bad }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).location).toBe('m.yaml#3');
    expect((err as ManifestError).field).toContain('spec.ingress[0].ports[0].port');
  });

  test('it does not change the documents it reads', () => {
    const doc = pod('web', [{ name: 'c', ports: [{ containerPort: 80 }] }]);
    const before = JSON.stringify(doc);
    parseEngineDocuments([{ file: 'f', documentIndex: 0, doc }]);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('container ports in the inventory model', () => {
  test('every port of every container and init container, named or not; TCP by default', () => {
    const doc = pod('web', [
      { name: 'app', ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 9090 }] },
      { name: 'dns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] },
    ], [{ name: 'init', ports: [{ name: 'boot', containerPort: 7000, protocol: 'SCTP' }, { containerPort: 7001 }] }]);
    const [p] = parseEngineDocuments([{ file: 'c.yaml', documentIndex: 0, doc }]).pods;
    expect(p.containerPorts).toEqual([
      { name: 'http', protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 9090 }, { name: 'dns', protocol: 'UDP', port: 53 },
      { name: 'boot', protocol: 'SCTP', port: 7000 }, { protocol: 'TCP', port: 7001 },
    ]);
    // named ports (what rules resolve) stay those of the regular containers, as on Calico's workload endpoint
    expect(p.namedPorts).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }, { name: 'dns', protocol: 'UDP', port: 53 }]);
  });

  test('the built model keeps every pod with its ports, also those that are not workload endpoints', () => {
    const m = buildEngineModel(parseEngineDocuments([
      { file: 'c.yaml', documentIndex: 0, doc: pod('host', [{ name: 'c', ports: [{ containerPort: 9100 }] }], undefined, { hostNetwork: true }) },
      { file: 'c.yaml', documentIndex: 0, doc: pod('web', [{ name: 'c', ports: [{ containerPort: 80 }] }]) },
    ]));
    expect(m.endpoints.map((e) => e.id)).toEqual(['x/web']);
    expect(m.pods.map((p) => [p.name, p.containerPorts.map((c) => c.port)])).toEqual([['host', [9100]], ['web', [80]]]);
  });

  test('a bad init container port names the field', () => {
    const doc = pod('web', [{ name: 'c' }], [{ name: 'i', ports: [{ containerPort: 80, protocol: 'HTTP' }] }]);
    expect(() => parseEngineDocuments([{ file: 'c.yaml', documentIndex: 2, doc }]))
      .toThrow('c.yaml#2: spec.initContainers[0].ports[0].protocol: expected TCP, UDP or SCTP, got "HTTP"');
  });
});

describe('namespaceSelectorText', () => {
  test.each([
    ['all()', 'has(projectcalico.org/name)'],
    ['global()', '!has(projectcalico.org/name)'],
    ["team == 'a' || global()", "team == \"a\" || !has(projectcalico.org/name)"],
  ])('%s is matched as %s', (text, expected) => {
    // compare canonical forms, so that only the meaning counts
    expect(Selector.parse(namespaceSelectorText(Selector.parse(text))).toString()).toBe(Selector.parse(expected).toString());
  });

  test('a selector without all() or global() is unchanged', () => {
    const s = Selector.parse("team in { 'a', 'b' } && has(env)");
    expect(namespaceSelectorText(s)).toBe(s.toString());
  });
});
