import { ManifestError, loadYamlDocuments } from '../../../lib/model/parse';

describe('loadYamlDocuments', () => {
  test('multi-document YAML, skipping empty documents, keeps file positions', () => {
    const text = 'a: 1\n---\n---\n# only a comment\n---\nb: 2\n';
    expect(loadYamlDocuments(text, 'f.yaml')).toEqual([{ index: 0, doc: { a: 1 } }, { index: 3, doc: { b: 2 } }]);
  });

  test('kind: List is expanded; items share the list index', () => {
    const text = 'x: 0\n---\napiVersion: v1\nkind: List\nitems:\n- kind: A\n- kind: B\n';
    expect(loadYamlDocuments(text, 'f.yaml')).toEqual([
      { index: 0, doc: { x: 0 } }, { index: 1, doc: { kind: 'A' } }, { index: 1, doc: { kind: 'B' } },
    ]);
  });

  test('JSON documents and top-level JSON arrays', () => {
    expect(loadYamlDocuments('{"kind": "A", "spec": {"ports": [80]}}', 'f.json')).toEqual([{ index: 0, doc: { kind: 'A', spec: { ports: [80] } } }]);
    expect(loadYamlDocuments('[{"kind": "A"}, {"kind": "B"}]', 'f.json')).toEqual([{ index: 0, doc: { kind: 'A' } }, { index: 0, doc: { kind: 'B' } }]);
  });

  test('YAML 1.2 core schema: ranges, dates and yes stay strings; 0x is hex; comments ignored', () => {
    const [{ doc }] = loadYamlDocuments('p: 2040:2041 # a range\nd: 2018-12-11\ny: yes\nm: 0xffff0000\n', 'f.yaml');
    expect(doc).toEqual({ p: '2040:2041', d: '2018-12-11', y: 'yes', m: 0xffff0000 });
  });

  test('a List whose items is not a list is an error', () => {
    expect(() => loadYamlDocuments('kind: List\nitems: 3\n', 'f.yaml')).toThrow('f.yaml#0: items: expected a list of resources, got 3');
  });

  test('syntax errors name the file and line', () => {
    let err: unknown;
    try {
      loadYamlDocuments('a: 1\nb: [1, 2\n', 'dist/bad.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).location).toMatch(/^dist\/bad\.yaml:\d+$/);
    expect((err as ManifestError).message).toMatch(/^dist\/bad\.yaml:\d+: expected valid YAML or JSON, got ".+"$/);
  });
});
