/**
 * Recursive-descent parser for Calico selectors, following libcalico-go/lib/selector/parser/parser.go:
 * `||` binds loosest, then `&&`, then the operations (a run of leading `!` collapses to one or no
 * negation). `(a && b) && c` keeps its nesting, as in Calico, so it prints `((a && b) && c)`.
 */
import {
  AllNode,
  AndNode,
  ContainsNode,
  EndsWithNode,
  EqualsNode,
  GlobalNode,
  HasNode,
  InSetNode,
  NotEqualsNode,
  NotInSetNode,
  NotNode,
  OrNode,
  SelectorNode,
  StartsWithNode,
} from './ast';
import { SelectorSyntaxError } from './errors';
import { Token, TokenKind, tokenize } from './tokenizer';

const EXPECT_OPERAND = "a label, has(label), all(), global(), '!' or '('";
const EXPECT_OPERATOR = 'an operator (==, !=, in, not in, contains, starts with, ends with)';
const EXPECT_STRING = 'a quoted string';
const EXPECT_SET = "'{' to start a set of quoted strings";
const EXPECT_SET_MEMBER = "a quoted string or '}'";
const EXPECT_SET_NEXT = "',' or '}'";
const EXPECT_CLOSE_PAREN = "'&&', '||' or ')'";
const EXPECT_END = "'&&', '||' or the end of the selector";

/** Parses selector text into its AST; empty or whitespace-only text is `all()`. Throws SelectorSyntaxError. */
export function parseSelector(text: string): SelectorNode {
  if (text.length > MAX_SELECTOR_LENGTH) {
    throw new SelectorSyntaxError(text.slice(0, 40), MAX_SELECTOR_LENGTH, `a selector of at most ${MAX_SELECTOR_LENGTH} characters (got ${text.length})`);
  }
  const tokens = tokenize(text);
  checkNesting(text, tokens);
  return new Parser(text, tokens).parseRoot();
}

/** Selectors longer than this are refused (Calico's own are a few hundred characters at most). */
const MAX_SELECTOR_LENGTH = 65536;
/** Parentheses and negations nested deeper than this are refused, before any recursion. */
const MAX_SELECTOR_DEPTH = 128;

/** Refuses nesting deeper than MAX_SELECTOR_DEPTH (each `(` and each `!` counts), with its position. */
function checkNesting(text: string, tokens: readonly Token[]): void {
  let parens = 0;
  let nots = 0;
  for (const t of tokens) {
    if (t.kind === TokenKind.LPAREN) parens++;
    else if (t.kind === TokenKind.RPAREN) parens--;
    if (t.kind === TokenKind.NOT) nots++;
    else if (t.kind !== TokenKind.LPAREN) nots = 0;
    if (parens + nots > MAX_SELECTOR_DEPTH) {
      throw new SelectorSyntaxError(text.length > 80 ? `${text.slice(0, 77)}...` : text, t.position,
        `parentheses and negations nested at most ${MAX_SELECTOR_DEPTH} deep`);
    }
  }
}

class Parser {
  private index = 0;

  constructor(private readonly text: string, private readonly tokens: readonly Token[]) {}

  public parseRoot(): SelectorNode {
    if (this.peek().kind === TokenKind.EOF) {
      return new AllNode();
    }
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== TokenKind.EOF) {
      this.fail(rest, EXPECT_END);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  /** Returns the current token and moves past it (never past EOF or ERROR). */
  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== TokenKind.EOF && token.kind !== TokenKind.ERROR) {
      this.index++;
    }
    return token;
  }

  /** Throws; a tokenizer ERROR token's own expectation, when it has one, wins over the context's. */
  private fail(token: Token, expected: string): never {
    const what = token.kind === TokenKind.ERROR && token.expected !== '' ? token.expected : expected;
    throw new SelectorSyntaxError(this.text, token.position, what);
  }

  private parseOr(): SelectorNode {
    const operands = [this.parseAnd()];
    while (this.peek().kind === TokenKind.OR) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : new OrNode(operands);
  }

  private parseAnd(): SelectorNode {
    const operands = [this.parseOperation()];
    while (this.peek().kind === TokenKind.AND) {
      this.next();
      operands.push(this.parseOperation());
    }
    return operands.length === 1 ? operands[0] : new AndNode(operands);
  }

  private parseOperation(): SelectorNode {
    let negated = false;
    while (this.peek().kind === TokenKind.NOT) {
      this.next();
      negated = !negated;
    }
    const node = this.parseTerm();
    return negated ? new NotNode(node) : node;
  }

  private parseTerm(): SelectorNode {
    const token = this.next();
    switch (token.kind) {
      case TokenKind.HAS:
        return new HasNode(token.value);
      case TokenKind.ALL:
        return new AllNode();
      case TokenKind.GLOBAL:
        return new GlobalNode();
      case TokenKind.LABEL:
        return this.parseComparison(token.value);
      case TokenKind.LPAREN: {
        const inner = this.parseOr();
        const close = this.next();
        if (close.kind !== TokenKind.RPAREN) {
          this.fail(close, EXPECT_CLOSE_PAREN);
        }
        return inner;
      }
      default:
        return this.fail(token, EXPECT_OPERAND);
    }
  }

  private parseComparison(label: string): SelectorNode {
    const operator = this.next();
    switch (operator.kind) {
      case TokenKind.EQ:
        return new EqualsNode(label, this.parseString());
      case TokenKind.NE:
        return new NotEqualsNode(label, this.parseString());
      case TokenKind.CONTAINS:
        return new ContainsNode(label, this.parseString());
      case TokenKind.STARTS_WITH:
        return new StartsWithNode(label, this.parseString());
      case TokenKind.ENDS_WITH:
        return new EndsWithNode(label, this.parseString());
      case TokenKind.IN:
        return new InSetNode(label, this.parseSet());
      case TokenKind.NOT_IN:
        return new NotInSetNode(label, this.parseSet());
      default:
        return this.fail(operator, EXPECT_OPERATOR);
    }
  }

  private parseString(): string {
    const token = this.next();
    if (token.kind !== TokenKind.STRING) {
      this.fail(token, EXPECT_STRING);
    }
    return token.value;
  }

  /** `{}`, `{"a"}`, `{"a", "b"}`; a trailing comma is accepted, as in Calico. */
  private parseSet(): string[] {
    const open = this.next();
    if (open.kind !== TokenKind.LBRACE) {
      this.fail(open, EXPECT_SET);
    }
    const values: string[] = [];
    let expected = EXPECT_SET_MEMBER;
    while (this.peek().kind === TokenKind.STRING) {
      values.push(this.next().value);
      expected = EXPECT_SET_NEXT;
      if (this.peek().kind !== TokenKind.COMMA) {
        break;
      }
      this.next();
      expected = EXPECT_SET_MEMBER;
    }
    const close = this.next();
    if (close.kind !== TokenKind.RBRACE) {
      this.fail(close, expected);
    }
    return values;
  }
}
