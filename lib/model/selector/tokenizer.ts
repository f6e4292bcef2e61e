/**
 * Calico selector tokenizer, following libcalico-go/lib/selector/tokenizer:
 * - whitespace is only space and tab;
 * - string literals use '...' or "..." and have no escapes;
 * - the word operators (`in`, `not in`/`notin`, `contains`, `starts with`, `ends with`) are
 *   recognised only right after a label and need a word boundary after them;
 * - `has(label)`, `all()` and `global()` are single tokens (no space before the `(`);
 * - labels are runs of `[a-zA-Z0-9_./-]`, at most 512 characters.
 *
 * Instead of throwing, a lexical problem ends the token list with an ERROR token, so the parser can
 * report it with the context of what it expected there (a selector with an ERROR token never parses).
 */

/** The kinds of token. */
export enum TokenKind {
  LABEL = 'label',
  STRING = 'string',
  LBRACE = '{',
  RBRACE = '}',
  COMMA = ',',
  EQ = '==',
  NE = '!=',
  IN = 'in',
  NOT_IN = 'not in',
  CONTAINS = 'contains',
  STARTS_WITH = 'starts with',
  ENDS_WITH = 'ends with',
  NOT = '!',
  AND = '&&',
  OR = '||',
  LPAREN = '(',
  RPAREN = ')',
  HAS = 'has',
  ALL = 'all',
  GLOBAL = 'global',
  EOF = 'eof',
  ERROR = 'error',
}

/** One token of selector text. */
export interface Token {
  /** What the token is. */
  readonly kind: TokenKind;
  /** The label name (LABEL, HAS), the unquoted string (STRING), otherwise ''. */
  readonly value: string;
  /** 0-based offset of the token's first character (for EOF, the text length). */
  readonly position: number;
  /**
   * ERROR only: what was expected at `position`; '' when the parser's context should say it.
   */
  readonly expected: string;
}

/** Calico's tokenizer.MaxLabelLength. */
const MAX_LABEL_LENGTH = 512;

const SPACE = 0x20;
const TAB = 0x09;

/** True for the characters Calico allows in a label: [a-zA-Z0-9_./-]. */
function isLabelChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x2f || // /
    c === 0x2d // -
  );
}

/** Splits selector text into tokens; the last token is EOF, or ERROR on a lexical problem. */
export function tokenize(text: string): Token[] {
  return new Tokenizer(text).run();
}

class Tokenizer {
  private readonly tokens: Token[] = [];
  private pos = 0;

  constructor(private readonly text: string) {}

  public run(): Token[] {
    const text = this.text;
    for (;;) {
      this.skipWhitespace();
      const start = this.pos;
      if (start >= text.length) {
        this.push(TokenKind.EOF, '', start);
        return this.tokens;
      }
      const lastKind = this.tokens.length > 0 ? this.tokens[this.tokens.length - 1].kind : undefined;
      const ch = text[start];
      let ok: boolean;
      switch (ch) {
        case '(':
          ok = this.single(TokenKind.LPAREN);
          break;
        case ')':
          ok = this.single(TokenKind.RPAREN);
          break;
        case '{':
          ok = this.single(TokenKind.LBRACE);
          break;
        case '}':
          ok = this.single(TokenKind.RBRACE);
          break;
        case ',':
          ok = this.single(TokenKind.COMMA);
          break;
        case '"':
        case "'":
          ok = this.stringLiteral(ch);
          break;
        case '=':
          ok = this.pair('=', TokenKind.EQ, "'=='");
          break;
        case '&':
          ok = this.pair('&', TokenKind.AND, "'&&'");
          break;
        case '|':
          ok = this.pair('|', TokenKind.OR, "'||'");
          break;
        case '!':
          if (text[start + 1] === '=') {
            this.push(TokenKind.NE, '', start);
            this.pos += 2;
          } else {
            this.single(TokenKind.NOT);
          }
          ok = true;
          break;
        default:
          ok = lastKind === TokenKind.LABEL ? this.wordOperator() : this.word();
      }
      if (!ok) {
        return this.tokens;
      }
    }
  }

  private push(kind: TokenKind, value: string, position: number): void {
    this.tokens.push({ kind, value, position, expected: '' });
  }

  /** Ends the token list with an ERROR token; returns false so callers can `return this.fail(...)`. */
  private fail(position: number, expected: string): boolean {
    this.tokens.push({ kind: TokenKind.ERROR, value: '', position, expected });
    return false;
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== SPACE && c !== TAB) {
        return;
      }
      this.pos++;
    }
  }

  private single(kind: TokenKind): boolean {
    this.push(kind, '', this.pos);
    this.pos++;
    return true;
  }

  /** A two-character operator made of the same character twice (`==`, `&&`, `||`). */
  private pair(second: string, kind: TokenKind, expected: string): boolean {
    const start = this.pos;
    if (this.text[start + 1] !== second) {
      return this.fail(start, expected);
    }
    this.push(kind, '', start);
    this.pos += 2;
    return true;
  }

  private stringLiteral(quote: string): boolean {
    const start = this.pos;
    const close = this.text.indexOf(quote, start + 1);
    if (close < 0) {
      return this.fail(this.text.length, `a closing ${quote} for the string that starts at position ${start}`);
    }
    this.push(TokenKind.STRING, this.text.slice(start + 1, close), start);
    this.pos = close + 1;
    return true;
  }

  /** After a label: one of the word operators, else an error the parser words as "expected an operator". */
  private wordOperator(): boolean {
    const start = this.pos;
    const kind =
      this.cutWords(['contains']) ? TokenKind.CONTAINS
        : this.cutWords(['starts', 'with']) ? TokenKind.STARTS_WITH
          : this.cutWords(['ends', 'with']) ? TokenKind.ENDS_WITH
            : this.cutWords(['not', 'in']) ? TokenKind.NOT_IN
              : this.cutWords(['in']) ? TokenKind.IN
                : undefined;
    if (kind === undefined) {
      return this.fail(start, '');
    }
    this.push(kind, '', start);
    return true;
  }

  /**
   * Consumes the words (spaces/tabs allowed between them, also none: `notin`, `startswith`) when
   * they are followed by a word boundary; otherwise consumes nothing and returns false.
   */
  private cutWords(words: readonly string[]): boolean {
    const text = this.text;
    let p = this.pos;
    for (let w = 0; w < words.length; w++) {
      if (!text.startsWith(words[w], p)) {
        return false;
      }
      p += words[w].length;
      if (w < words.length - 1) {
        while (p < text.length && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) {
          p++;
        }
      }
    }
    if (p < text.length && isLabelChar(text.charCodeAt(p))) {
      return false;
    }
    this.pos = p;
    return true;
  }

  /** Not after a label: `has(label)`, `all()`, `global()` or a label. */
  private word(): boolean {
    const text = this.text;
    const start = this.pos;
    if (text.startsWith('has(', start)) {
      this.pos += 4;
      this.skipWhitespace();
      const label = this.label('a label name');
      if (label === undefined) {
        return false;
      }
      return this.closeParen(TokenKind.HAS, label, start, 'has(');
    }
    if (text.startsWith('all(', start)) {
      this.pos += 4;
      return this.closeParen(TokenKind.ALL, '', start, 'all(');
    }
    if (text.startsWith('global(', start)) {
      this.pos += 7;
      return this.closeParen(TokenKind.GLOBAL, '', start, 'global(');
    }
    // Not a label either: the parser's context says what would fit here.
    const label = this.label('');
    if (label === undefined) {
      return false;
    }
    this.push(TokenKind.LABEL, label, start);
    return true;
  }

  /** Skips whitespace, then requires `)` and emits the token. */
  private closeParen(kind: TokenKind, value: string, start: number, opener: string): boolean {
    this.skipWhitespace();
    if (this.text[this.pos] !== ')') {
      return this.fail(this.pos, `')' to close ${opener}`);
    }
    this.pos++;
    this.push(kind, value, start);
    return true;
  }

  /**
   * Consumes a label; on failure pushes an ERROR token (saying `whenMissing` if there is no label
   * character at all) and returns undefined.
   */
  private label(whenMissing: string): string | undefined {
    const text = this.text;
    const start = this.pos;
    let p = start;
    while (p < text.length && isLabelChar(text.charCodeAt(p))) {
      p++;
    }
    if (p === start) {
      this.fail(start, whenMissing);
      return undefined;
    }
    if (p - start > MAX_LABEL_LENGTH) {
      this.fail(start, `a label of at most ${MAX_LABEL_LENGTH} characters`);
      return undefined;
    }
    this.pos = p;
    return text.slice(start, p);
  }
}
