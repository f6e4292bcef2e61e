import * as yaml from 'js-yaml';
import { ManifestError, loadYamlDocuments } from '../../../lib/model/parse';
import { parseJsonFile } from '../../../lib/model/parse/json';

/** True when the file is JSON but left to the YAML loader (a repeated key). */
const hasDuplicateKey = (text: string): boolean => {
  JSON.parse(text); // the cases below are all valid JSON
  return parseJsonFile(text) === undefined;
};

describe('JSON files read with JSON.parse', () => {
  test('a key twice in one object is found, also when escaped; equal keys in different objects are not', () => {
    expect(hasDuplicateKey('{"a": 1, "a": 2}')).toBe(true);
    expect(hasDuplicateKey('{"a": 1, "\\u0061": 2}')).toBe(true);
    expect(hasDuplicateKey('{"x": ["a", {"b": 1, "c": {"b": 3}, "b": 2}]}')).toBe(true);
    expect(hasDuplicateKey('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}')).toBe(false);
    // a value that looks like a key (an escaped quote, then a colon) is not one
    expect(hasDuplicateKey('{"k": "a\\": 1, \\"k", "v": "k"}')).toBe(false);
    expect(hasDuplicateKey('["a", "a"]')).toBe(false);
    // a string ending in an escaped backslash ends at the next quote
    expect(hasDuplicateKey('{"a\\\\": 1, "a\\\\": 2}')).toBe(true);
    expect(hasDuplicateKey('{"x": "\\\\", "y": "x", "z": 1}')).toBe(false);
  });

  test('only one JSON object or array without repeated keys takes the fast path', () => {
    expect(parseJsonFile(' \n{"kind": "Pod", "n": [1, 2]}\n')).toEqual({ value: { kind: 'Pod', n: [1, 2] } });
    expect(parseJsonFile('[]')).toEqual({ value: [] });
    expect(parseJsonFile('kind: Pod\n')).toBeUndefined();
    expect(parseJsonFile('"a string"')).toBeUndefined();
    expect(parseJsonFile('{"a": 1}\n---\n{"b": 2}\n')).toBeUndefined();
    expect(parseJsonFile('{a: 1}')).toBeUndefined();
    expect(parseJsonFile('{"a": 1, "a": 2}')).toBeUndefined();
  });

  test('the same documents as the YAML loader (js-yaml, core schema) reads from the same JSON', () => {
    const text = '{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Pod", "metadata": {"name": "p\\u00e9", "labels": {}},'
      + ' "spec": {"n": [0, -0.5, 1e3, 2E-2, 12345678901234567890], "t": true, "f": false, "z": null, "s": "a\\tb\\n\\"c\\"", "l": []}}]}';
    const viaYaml = yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA });
    expect(viaYaml).toHaveLength(1);
    const items = (viaYaml[0] as { items: unknown[] }).items;
    expect(loadYamlDocuments(text, 'f.json')).toEqual(items.map((doc) => ({ index: 0, doc })));
    expect(loadYamlDocuments(text, 'f.json')[0].doc).toEqual({
      kind: 'Pod', metadata: { name: 'p\u00e9', labels: {} },
      spec: { n: [0, -0.5, 1000, 0.02, 12345678901234567890], t: true, f: false, z: null, s: 'a\tb\n"c"', l: [] },
    });
  });

  test('a JSON file with a key twice is refused as the YAML loader refuses it, naming file and line', () => {
    let err: unknown;
    try {
      loadYamlDocuments('{\n"kind": "NetworkPolicy",\n"spec": {"podSelector": {}, "podSelector": {"matchLabels": {"a": "b"}}}\n}\n', 'dist/dup.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).message).toMatch(/^dist\/dup\.json:3: expected valid YAML or JSON, got "duplicated mapping key"$/);
  });
});
