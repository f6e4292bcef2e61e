// The rest of the public contract: all(), root/AST access, labelKeys(), selectorAnd(), withLabelPrefix().
import {
  AndNode,
  EqualsNode,
  GlobalNode,
  InSetNode,
  NotNode,
  Selector,
  SelectorNode,
  SelectorNodeKind,
  SelectorSyntaxError,
  selectorAnd,
} from '../../../lib/model/selector';

function kindsIn(sel: Selector): SelectorNodeKind[] {
  const kinds: SelectorNodeKind[] = [];
  sel.root.walk((n: SelectorNode) => kinds.push(n.kind));
  return kinds;
}

describe('Selector API', () => {
  test('all() matches everything and prints all()', () => {
    const all = Selector.all();
    expect(all.toString()).toBe('all()');
    expect(all.matches({})).toBe(true);
    expect(all.matches({ x: 'y' })).toBe(true);
    expect(all.root.kind).toBe(SelectorNodeKind.ALL);
    expect(Selector.parse('').root.kind).toBe(SelectorNodeKind.ALL);
  });

  test('root exposes the AST', () => {
    const sel = Selector.parse('!a == "b" && c in {"y", "x"}');
    expect(sel.root).toBeInstanceOf(AndNode);
    const [first, second] = sel.root.operands;
    expect(first).toBeInstanceOf(NotNode);
    expect((first as NotNode).operand).toBeInstanceOf(EqualsNode);
    expect((first as NotNode).operand).toMatchObject({ labelName: 'a', value: 'b' });
    expect(second).toBeInstanceOf(InSetNode);
    expect((second as InSetNode).values).toEqual(['x', 'y']);
  });

  test('walk visits every node depth first, so global() can be found anywhere', () => {
    const sel = Selector.parse('has(a) || !(global() && b == "c")');
    expect(kindsIn(sel)).toEqual([
      SelectorNodeKind.OR,
      SelectorNodeKind.HAS,
      SelectorNodeKind.NOT,
      SelectorNodeKind.AND,
      SelectorNodeKind.GLOBAL,
      SelectorNodeKind.EQUALS,
    ]);
    let hasGlobal = false;
    sel.root.walk((n) => {
      hasGlobal = hasGlobal || n instanceof GlobalNode;
    });
    expect(hasGlobal).toBe(true);
  });

  test.each<[string, string[]]>([
    ['', []],
    ['all() && global()', []],
    ['z == "1" && a != "2" || has(m) && a in {"x"}', ['a', 'm', 'z']],
    ['!has(k8s-app) || k8s-app not in {} && x contains "" && y starts with "" && w ends with ""', ['k8s-app', 'w', 'x', 'y']],
  ])('labelKeys of %j', (text, keys) => {
    const sel = Selector.parse(text);
    expect(sel.labelKeys()).toEqual(keys);
    // The caller gets a copy.
    sel.labelKeys().push('mutated');
    expect(sel.labelKeys()).toEqual(keys);
  });

  test.each<[string, string, string]>([
    ["a == 'x'", 'b == "y"', '(a == "x" && b == "y")'],
    ["a == 'x'", '', '(a == "x" && all())'],
    ['', '  ', '(all() && all())'],
    // Each side keeps its own grouping, as Calico parses "(a) && (b)".
    ['has(a) && has(b)', 'has(c) || has(d)', '((has(a) && has(b)) && (has(c) || has(d)))'],
    ['!has(a)', '!!has(b)', '(!has(a) && has(b))'],
  ])('selectorAnd(%j, %j) is %j', (a, b, expected) => {
    expect(selectorAnd(a, b)).toBe(expected);
    // Same as parsing the combined text.
    const left = a.trim() === '' ? 'all()' : a;
    const right = b.trim() === '' ? 'all()' : b;
    expect(Selector.parse(`(${left}) && (${right})`).toString()).toBe(expected);
  });

  test('selectorAnd reports the part that does not parse', () => {
    expect(() => selectorAnd('a == "x"', 'b ==')).toThrow(SelectorSyntaxError);
    try {
      selectorAnd('a == "x"', 'b ==');
    } catch (e) {
      expect((e as SelectorSyntaxError).selector).toBe('b ==');
      expect((e as SelectorSyntaxError).position).toBe(4);
    }
  });

  test('withLabelPrefix prefixes every label, like Calico\'s PrefixVisitor', () => {
    const sel = Selector.parse("!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))");
    const prefixed = sel.withLabelPrefix('pcns.');
    expect(prefixed.toString()).toBe('!(!((pcns.k == "v" && has(pcns.t)) || all()) && pcns.a in {"b", "c"})');
    const simple = Selector.parse("a in {'b'} && !has(t)").withLabelPrefix('pcns.');
    expect(simple.matches({ 'pcns.a': 'b' })).toBe(true);
    expect(simple.matches({ a: 'b' })).toBe(false);
    expect(simple.matches({ 'pcns.a': 'b', 'pcns.t': '' })).toBe(false);
    // The original is unchanged.
    expect(sel.toString()).toBe('!(!((k == "v" && has(t)) || all()) && a in {"b", "c"})');
    expect(Selector.parse('x != "1" && y not in {"2"} && z contains "3" && p starts with "4" && q ends with "5"')
      .withLabelPrefix('v/').labelKeys()).toEqual(['v/p', 'v/q', 'v/x', 'v/y', 'v/z']);
  });

  test('uniqueId is stable across calls and has the s: prefix', () => {
    const sel = Selector.parse('a == "b"');
    expect(sel.uniqueId).toBe(sel.uniqueId);
    expect(sel.uniqueId).toMatch(/^s:[A-Za-z0-9_-]{38}$/);
  });
});
