// Parse errors: every selector Calico rejects (parser_test.go badSelectors and the tokenizer's
// error paths) must be rejected here, with the 0-based position and what was expected there.
import { Selector, SelectorSyntaxError } from '../../../lib/model/selector';

const OPERAND = "a label, has(label), all(), global(), '!' or '('";
const OPERATOR = 'an operator (==, !=, in, not in, contains, starts with, ends with)';
const STRING = 'a quoted string';
const CLOSE = "'&&', '||' or ')'";
const END = "'&&', '||' or the end of the selector";

function parseError(text: string): SelectorSyntaxError {
  try {
    Selector.parse(text);
  } catch (e) {
    if (e instanceof SelectorSyntaxError) {
      return e;
    }
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('selector parse errors', () => {
  test.each<[string, number, string]>([
    ['b == b', 5, STRING], // label == label
    ['b contains b', 11, STRING],
    ['b starts with b', 14, STRING],
    ['b ends with b', 12, STRING],
    ["'b1' == b", 0, OPERAND], // literal on the left
    ['b', 1, OPERATOR], // bare label
    ['a b', 2, OPERATOR],
    ['a ', 2, OPERATOR],
    ['a (', 2, OPERATOR],
    ['!', 1, OPERAND],
    ['foo == "bar" &', 13, "'&&'"],
    ['foo == "bar" |', 13, "'||'"],
    ['foo != ||', 7, STRING],
    ['foo in {"", ||', 12, "a quoted string or '}'"],
    ['foo in {"" "x"}', 11, "',' or '}'"],
    ['foo in {,}', 8, "a quoted string or '}'"],
    ['foo in ""', 7, "'{' to start a set of quoted strings"],
    ['"FOO', 4, 'a closing " for the string that starts at position 0'],
    [`"FOO'`, 5, 'a closing " for the string that starts at position 0'],
    ["'FOO", 4, "a closing ' for the string that starts at position 0"],
    ['(', 1, OPERAND],
    ['(a == "foo"', 11, CLOSE],
    ['(a == "foo" b', 12, CLOSE],
    [')', 0, OPERAND],
    ['()', 1, OPERAND],
    ['%', 0, OPERAND],
    ['a == "b" && %', 12, OPERAND],
    ['a == "b" || %', 12, OPERAND],
    ['a == %', 5, STRING],
    ['has(foo) &&', 11, OPERAND],
    ['has(foo) has(bar)', 9, END],
    ['all() )', 6, END],
    ['a == "x" b == "y"', 9, END],
    ['a = "x"', 2, "'=='"],
    ['a inx {"x"}', 2, OPERATOR],
    ['a not {"x"}', 2, OPERATOR],
    ['has (a)', 4, OPERATOR], // "has" + space is a label, then "(" is no operator
    ['all ()', 4, OPERATOR],
    ['has()', 4, 'a label name'],
    ['has(a', 5, "')' to close has("],
    ['all(x)', 4, "')' to close all("],
    ['global(', 7, "')' to close global("],
    ['a\n== "x"', 1, OPERATOR], // newline is not whitespace
    ['a == "x" &&\thas(b) ||\n', 21, OPERAND],
    ['a == "x" && !', 13, OPERAND],
  ])('%j fails at %d expecting %s', (text, position, expected) => {
    const err = parseError(text);
    expect(err.selector).toBe(text);
    expect(err.position).toBe(position);
    expect(err.expected).toBe(expected);
    expect(err.message).toContain(JSON.stringify(text));
    expect(err.message).toContain(`position ${position}`);
    expect(err.message).toContain(expected);
    expect(err.name).toBe('SelectorSyntaxError');
  });

  test('a label longer than 512 characters is rejected where it starts', () => {
    const err = parseError(`a == "x" && ${'k'.repeat(513)} == "v"`);
    expect(err.position).toBe(12);
    expect(err.expected).toBe('a label of at most 512 characters');
    expect(() => Selector.parse(`${'k'.repeat(512)} == "v"`)).not.toThrow();
  });

  test('the earliest problem wins over a later lexical one', () => {
    // The parser fails at "b" (position 5) before it reaches the lone "=" at position 11.
    const err = parseError('a == b && c = "x"');
    expect(err.position).toBe(5);
    expect(err.expected).toBe(STRING);
  });
});
