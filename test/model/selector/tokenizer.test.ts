// Tokenizer cases, worked out from the rules of libcalico-go/lib/selector/tokenizer/tokenizer.go
// (many inputs mirror its tokenizer_test.go table).
import { TokenKind, tokenize } from '../../../lib/model/selector/tokenizer';

const K = TokenKind;

/** [kind, value] pairs, dropping positions, for compact expectations. */
function kinds(text: string): Array<[TokenKind, string]> {
  return tokenize(text).map((t) => [t.kind, t.value]);
}

describe('selector tokenizer', () => {
  test.each<[string, Array<[TokenKind, string]>]>([
    ['a=="b"', [[K.LABEL, 'a'], [K.EQ, ''], [K.STRING, 'b'], [K.EOF, '']]],
    ['label == "value"', [[K.LABEL, 'label'], [K.EQ, ''], [K.STRING, 'value'], [K.EOF, '']]],
    ["a != 'b'", [[K.LABEL, 'a'], [K.NE, ''], [K.STRING, 'b'], [K.EOF, '']]],
    // A word operator is only an operator right after a label: the first "contains" is a label.
    ['contains contains "contains"', [[K.LABEL, 'contains'], [K.CONTAINS, ''], [K.STRING, 'contains'], [K.EOF, '']]],
    ['label contains"value"', [[K.LABEL, 'label'], [K.CONTAINS, ''], [K.STRING, 'value'], [K.EOF, '']]],
    ['label startswith "v"', [[K.LABEL, 'label'], [K.STARTS_WITH, ''], [K.STRING, 'v'], [K.EOF, '']]],
    ['label starts  with "v"', [[K.LABEL, 'label'], [K.STARTS_WITH, ''], [K.STRING, 'v'], [K.EOF, '']]],
    ['label starts\twith "v"', [[K.LABEL, 'label'], [K.STARTS_WITH, ''], [K.STRING, 'v'], [K.EOF, '']]],
    ['endswith ends with "v"', [[K.LABEL, 'endswith'], [K.ENDS_WITH, ''], [K.STRING, 'v'], [K.EOF, '']]],
    ['a notin"bar"&&!has(foo)||b in"c"', [
      [K.LABEL, 'a'], [K.NOT_IN, ''], [K.STRING, 'bar'], [K.AND, ''], [K.NOT, ''], [K.HAS, 'foo'],
      [K.OR, ''], [K.LABEL, 'b'], [K.IN, ''], [K.STRING, 'c'], [K.EOF, ''],
    ]],
    ['a  not  in  "bar"  &&  ! has( foo )  ||  b  in  c ', [
      [K.LABEL, 'a'], [K.NOT_IN, ''], [K.STRING, 'bar'], [K.AND, ''], [K.NOT, ''], [K.HAS, 'foo'],
      [K.OR, ''], [K.LABEL, 'b'], [K.IN, ''], [K.LABEL, 'c'], [K.EOF, ''],
    ]],
    ['a not in {"a","B"}', [
      [K.LABEL, 'a'], [K.NOT_IN, ''], [K.LBRACE, ''], [K.STRING, 'a'], [K.COMMA, ''], [K.STRING, 'B'],
      [K.RBRACE, ''], [K.EOF, ''],
    ]],
    ['a in{}', [[K.LABEL, 'a'], [K.IN, ''], [K.LBRACE, ''], [K.RBRACE, ''], [K.EOF, '']]],
    ['has(calico/k8s_NS-.1/role)', [[K.HAS, 'calico/k8s_NS-.1/role'], [K.EOF, '']]],
    ['all( )', [[K.ALL, ''], [K.EOF, '']]],
    ['global()', [[K.GLOBAL, ''], [K.EOF, '']]],
    ['(!has(a))', [[K.LPAREN, ''], [K.NOT, ''], [K.HAS, 'a'], [K.RPAREN, ''], [K.EOF, '']]],
    // Quotes: no escapes; the other quote character is ordinary inside a literal.
    [`a == "it's"`, [[K.LABEL, 'a'], [K.EQ, ''], [K.STRING, "it's"], [K.EOF, '']]],
    [`a == 'say "hi"'`, [[K.LABEL, 'a'], [K.EQ, ''], [K.STRING, 'say "hi"'], [K.EOF, '']]],
    [`a == ""`, [[K.LABEL, 'a'], [K.EQ, ''], [K.STRING, ''], [K.EOF, '']]],
    // "has" without "(" straight after it is just a label.
    ['has == "x"', [[K.LABEL, 'has'], [K.EQ, ''], [K.STRING, 'x'], [K.EOF, '']]],
    ['', [[K.EOF, '']]],
    [' \t ', [[K.EOF, '']]],
  ])('tokenizes %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  test('records 0-based positions; EOF sits at the text length', () => {
    const tokens = tokenize('  ab != "x" && has( c )');
    expect(tokens.map((t) => t.position)).toEqual([2, 5, 8, 12, 15, 23]);
  });

  test.each<[string, number, string]>([
    // Word operators need a word boundary after them.
    ['label starts foo "v"', 6, ''],
    ['label squiggles "v"', 6, ''],
    ['a inx', 2, ''],
    ['a containsx "v"', 2, ''],
    // A lone "=", "&" or "|" is an error at that character.
    ['a = "b"', 2, "'=='"],
    ['has(a) & has(b)', 7, "'&&'"],
    ['has(a) | has(b)', 7, "'||'"],
    // Unterminated strings are reported at the end of the text.
    ['a == "b', 7, 'a closing " for the string that starts at position 5'],
    [`a == 'b"`, 8, "a closing ' for the string that starts at position 5"],
    ['has( )', 5, 'a label name'],
    ['has(a b)', 6, "')' to close has("],
    ['global(x)', 7, "')' to close global("],
    // Newline is not whitespace for Calico.
    ['\nall()', 0, ''],
  ])('%j ends in an ERROR token at %d', (text, position, expected) => {
    const tokens = tokenize(text);
    const last = tokens[tokens.length - 1];
    expect(last).toEqual({ kind: K.ERROR, value: '', position, expected });
  });

  test('labels are limited to 512 characters', () => {
    expect(kinds(`${'k'.repeat(512)} == "v"`)[0]).toEqual([K.LABEL, 'k'.repeat(512)]);
    const tokens = tokenize(`${'k'.repeat(513)} == "v"`);
    expect(tokens).toEqual([{ kind: K.ERROR, value: '', position: 0, expected: 'a label of at most 512 characters' }]);
  });
});
