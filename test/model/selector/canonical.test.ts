// Canonical printing and unique IDs. Expected strings follow collectFragments in
// libcalico-go/lib/selector/parser/ast.go: `"` quotes unless the value contains `"`; && and || groups
// in parentheses; `!` glued to its operand; sets sorted and de-duplicated. The three unique IDs are
// the ones pinned in Calico's parser_test.go canonicalisationTests.
import { Selector } from '../../../lib/model/selector';

describe('canonical selector text', () => {
  test.each<[string, string]>([
    ['', 'all()'],
    [' \t', 'all()'],
    [' all() ', 'all()'],
    [' (all() )', 'all()'],
    ['global( )', 'global()'],
    ['! (has( b)||! has(a ))', '!(has(b) || !has(a))'],
    ['! (a == "b"&&! c != "d")', '!(a == "b" && !c != "d")'],
    ["a=='x'", 'a == "x"'],
    [`a == "'"`, `a == "'"`],
    [`a == '"'`, `a == '"'`],
    [`a contains '"'`, `a contains '"'`],
    [`a contains "'"`, `a contains "'"`],
    [`a startswith '"'`, `a starts with '"'`],
    [`a endswith "'"`, `a ends with "'"`],
    [`a!='"'`, `a != '"'`],
    ["a   starts \t with 'x'", 'a starts with "x"'],
    ['a in {"d"}', 'a in {"d"}'],
    ['a in {"d", "a", "b"}', 'a in {"a", "b", "d"}'],
    ['a in {"z", "z", "x", "y", "x", "a"}', 'a in {"a", "x", "y", "z"}'],
    ["a in {'x',}", 'a in {"x"}'],
    ['a in{}', 'a in {}'],
    ['a notin {"b","a"}', 'a not in {"a", "b"}'],
    [`a in {'"', "'"}`, `a in {'"', "'"}`], // " (0x22) sorts before ' (0x27)
    ['a in {"b", "B", "a", "10", "9"}', 'a in {"10", "9", "B", "a", "b"}'], // byte order
    // Go sorts by UTF-8 bytes (code points): U+FF21 before U+1F600, unlike UTF-16 code units.
    ['a in {"\u{1F600}", "\uFF21"}', 'a in {"\uFF21", "\u{1F600}"}'],
    ['!!has(a)', 'has(a)'],
    ['!!!has(a)', '!has(a)'],
    ['!(a == "b")', '!a == "b"'],
    ['has(a) && has(b) && has(c)', '(has(a) && has(b) && has(c))'],
    ['has(a) || has(b) && has(c)', '(has(a) || (has(b) && has(c)))'],
    ['(has(a) || has(b)) && has(c)', '((has(a) || has(b)) && has(c))'],
    // Calico keeps explicit nesting; it does not flatten.
    ['(has(a) && has(b)) && has(c)', '((has(a) && has(b)) && has(c))'],
    ['((has(a)))', 'has(a)'],
    [
      "!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))",
      '!(!((k == "v" && has(t)) || all()) && a in {"b", "c"})',
    ],
  ])('%j prints as %j', (text, canonical) => {
    const sel = Selector.parse(text);
    expect(sel.toString()).toBe(canonical);
    expect(`${sel}`).toBe(canonical);
    // The canonical form is a fixed point.
    expect(Selector.parse(canonical).toString()).toBe(canonical);
  });

  test.each<[string, string]>([
    ["a=='x'", 'a == "x"'],
    ['a in {"y","x","y"}', "a in { 'x', 'y' }"],
    ['!!a != "v"', 'a!="v"'],
    ['has(a)&&b in {}', '( has( a ) && b in { } )'],
    ['x startswith "p"', "x starts  with 'p'"],
    ['', 'all()'],
  ])('%j and %j are the same selector', (a, b) => {
    const sa = Selector.parse(a);
    const sb = Selector.parse(b);
    expect(sa.toString()).toBe(sb.toString());
    expect(sa.uniqueId).toBe(sb.uniqueId);
  });

  test.each<[string, string]>([
    ['a == "x"', 'a != "x"'],
    ['a in {"x"}', 'a not in {"x"}'],
    ['has(a) && has(b)', 'has(b) && has(a)'], // operand order is kept
    ['all()', 'global()'],
  ])('%j and %j differ', (a, b) => {
    expect(Selector.parse(a).toString()).not.toBe(Selector.parse(b).toString());
    expect(Selector.parse(a).uniqueId).not.toBe(Selector.parse(b).uniqueId);
  });

  test.each<[string, string]>([
    ['', 's:5y5I3VdRZfDU01O--xXAPx2yxCQQqMf0M6IWug'],
    [' (all() )', 's:5y5I3VdRZfDU01O--xXAPx2yxCQQqMf0M6IWug'],
    ['! (has( b)||! has(a ))', 's:Iss0uCleLYv1GSv_pNm7hAO58kE9jAx1NKyG3Q'],
    ['! (a == "b"&&! c != "d")', 's:lh3haoY1ikTRkd4UZu0nWSaIBknYLPJLX16d-w'],
  ])('unique ID of %j is Calico\'s %s', (text, id) => {
    expect(Selector.parse(text).uniqueId).toBe(id);
  });
});
