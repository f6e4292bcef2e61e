// CONTRACT STUB: implemented by the selector work (tokenizer.ts, parser.ts, ast.ts in this folder).
import { StringMap } from '../resources/meta';

/** Thrown when a selector does not parse: says where and what was expected. */
export class SelectorSyntaxError extends Error {
  constructor(readonly selector: string, readonly position: number, readonly expected: string) {
    super(`invalid selector ${JSON.stringify(selector)} at position ${position}: expected ${expected}`);
    this.name = 'SelectorSyntaxError';
  }
}

/** A parsed Calico selector. */
export class Selector {
  /** Parses Calico selector syntax; the empty string is `all()`. Throws SelectorSyntaxError. */
  public static parse(text: string): Selector {
    void text;
    throw new Error('not implemented');
  }
  private constructor() {}
  /** True when the labels satisfy the selector (Calico's absent-label semantics). */
  public matches(labels: StringMap): boolean {
    void labels;
    throw new Error('not implemented');
  }
  /** The canonical text: equal selectors print equally. */
  public toString(): string {
    throw new Error('not implemented');
  }
}
