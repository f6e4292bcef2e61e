// Evaluation cases. Expected values follow the Evaluate methods of
// libcalico-go/lib/selector/parser/ast.go (several rows mirror its parser_test.go table):
// `!=` and `not in` are true when the label is absent; ==, in, contains, starts with and ends with
// are false when it is absent; all() and global() are true.
import { StringMap } from '../../../lib/model/resources/meta';
import { Selector } from '../../../lib/model/selector';

const NONE: StringMap = {};

const CASES: Array<[string, StringMap, boolean]> = [
  // == and both quote styles
  ['a == "b"', { a: 'b' }, true],
  ['a == "b"', { a: 'b', c: 'd' }, true],
  ["a == 'b'", { a: 'b' }, true],
  ['a=="b"', { a: 'c' }, false],
  ['a == "b"', NONE, false],
  ['a == "b"', { c: 'b' }, false],
  ['a == ""', { a: '' }, true],
  ['a == ""', NONE, false],
  ['a == "B"', { a: 'b' }, false],
  // != (absent label: true)
  ['a != "b"', { a: 'c' }, true],
  ['a != "b"', { a: 'b' }, false],
  ["a != 'b'", NONE, true],
  ['a != "b"', { c: 'b' }, true],
  // in / not in
  ['a in {"x", "y"}', { a: 'y' }, true],
  ['a in {"x", "y"}', { a: 'z' }, false],
  ['a in {"x", "y"}', NONE, false],
  ['a in {}', { a: '' }, false],
  [`a in {"'", '"', "c"}`, { a: '"' }, true],
  [`a in {"'", '"', "c"}`, { a: "'" }, true],
  ['a not in {"x", "y"}', { a: 'z' }, true],
  ['a not in {"x", "y"}', { a: 'x' }, false],
  ['a not in {"x", "y"}', NONE, true],
  ['a notin {}', { a: 'anything' }, true],
  ['a not in {}', NONE, true],
  ["a in {'x',}", { a: 'x' }, true],
  // has / !has
  ['has(a)', { a: '' }, true],
  ['has(a)', { b: 'a' }, false],
  ['!has(a)', { b: 'b' }, true],
  ['!has(a)', { a: 'b' }, false],
  ['! has( a )', { a: 'b' }, false],
  // contains / starts with / ends with (absent label: false)
  ['a contains "a"', { a: 'bab' }, true],
  ['a contains "a"', { a: 'b' }, false],
  ['a contains "a"', { b: 'aaa' }, false],
  ['a contains ""', { a: 'x' }, true],
  ['a contains ""', NONE, false],
  ['a starts with "ab"', { a: 'abc' }, true],
  ['a startswith "ab"', { a: 'cab' }, false],
  ['a starts with "ab"', NONE, false],
  ['a ends with "bc"', { a: 'abc' }, true],
  ['a endswith "bc"', { a: 'bca' }, false],
  ['a ends with "bc"', NONE, false],
  // all() / global() / empty
  ['', NONE, true],
  ['   ', { a: 'b' }, true],
  ['all()', NONE, true],
  [' all( ) ', { a: 'b' }, true],
  ['global()', NONE, true],
  ['global()', { a: 'b' }, true],
  ['!all()', NONE, false],
  // negation runs collapse
  ['!!has(a)', { a: 'x' }, true],
  ['!!has(b)', { a: 'x' }, false],
  ['!!! has(a)', { a: 'x' }, false],
  ['! !!has(a)', NONE, true],
  // ! binds to one operation, before && and ||
  ['!a in {"a"}', { a: 'b' }, true],
  ['!a == "a1" && b == "b1"', { a: 'a1', b: 'b1' }, false],
  ['!a == "a1" && b == "b1"', { a: 'a2', b: 'b1' }, true],
  ['!a == "a1" && b == "b1"', { b: 'b1' }, true],
  ['! a == "a1" || ! b == "b1"', { a: 'a1', b: 'b1' }, false],
  ['! a == "a1" || ! b == "b1"', { a: 'a1' }, true],
  // && and ||
  ['a == "b" && c == "d"', { a: 'b', c: 'd' }, true],
  ['a == "b" && c == "d"', { a: 'b', c: 'e' }, false],
  ['a == "b" && c == "d"', { a: 'b' }, false],
  ['a == "b" || c == "d"', { c: 'd' }, true],
  ['a == "b" || c == "d"', { a: 'e', c: 'e' }, false],
  ['a != "a1" || b != "b1"', { a: 'a1', b: 'b1' }, false],
  ['a != "a1" || b != "b1"', { a: 'a1' }, true],
  // precedence: && binds tighter than ||
  ['has(a) || has(b) && has(c)', { a: '1' }, true],
  ['has(a) || has(b) && has(c)', { b: '1' }, false],
  ['has(a) && has(b) || has(c)', { c: '1' }, true],
  ['has(a) && has(b) || has(c)', { a: '1' }, false],
  // parentheses override it
  ['(has(a) || has(b)) && has(c)', { a: '1' }, false],
  ['(has(a) || has(b)) && has(c)', { b: '1', c: '1' }, true],
  ['!(has(a) || has(b))', { c: '1' }, true],
  ['!(has(a) || has(b))', { b: '1' }, false],
  ['!(!has(a) || has(b))', { a: 'a' }, true],
  ['((((has(a)))))', { a: 'x' }, true],
  // label keys with the allowed punctuation; values are compared verbatim
  ['projectcalico.org/namespace == "kube-system"', { 'projectcalico.org/namespace': 'kube-system' }, true],
  ['k8s-app in {"kube-dns", "coredns"}', { 'k8s-app': 'coredns' }, true],
  ['ibm.role in { "worker_public", "master_public" }', { 'ibm.role': 'worker_public' }, true],
  ['a == "x y"', { a: 'x y' }, true],
  ['a == "ü"', { a: 'ü' }, true],
  // inherited object properties are not labels
  ['has(constructor)', NONE, false],
  ['toString != "x"', NONE, true],
  ['has(__proto__)', NONE, false],
];

describe('Selector.matches', () => {
  test('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES)('%j on %j is %p', (text, labels, expected) => {
    expect(Selector.parse(text).matches(labels)).toBe(expected);
  });

  test.each(CASES)('%j on %j is still %p after printing and re-parsing', (text, labels, expected) => {
    const reparsed = Selector.parse(Selector.parse(text).toString());
    expect(reparsed.matches(labels)).toBe(expected);
  });

  test('one selector evaluates many label sets', () => {
    const sel = Selector.parse('role in {"db", "web"} && env != "prod"');
    const pods: StringMap[] = [
      { role: 'db' },
      { role: 'db', env: 'prod' },
      { role: 'web', env: 'dev' },
      { role: 'cache' },
      {},
    ];
    expect(pods.map((p) => sel.matches(p))).toEqual([true, false, true, false, false]);
  });

  test('labels created without a prototype work', () => {
    const labels = Object.create(null) as Record<string, string>;
    labels.a = 'b';
    expect(Selector.parse('a == "b" && !has(c)').matches(labels)).toBe(true);
  });
});
