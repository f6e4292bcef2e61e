import { AndNode, HasNode, LabelSetNode, LabelValueNode, SelectorNode } from './ast';
import { parseSelector } from './parser';
import { makeUniqueId } from './unique-id';
import { StringMap } from '../resources/meta';

/**
 * A parsed Calico selector: parse once, then `matches` many times (no allocation per evaluation).
 */
export class Selector {
  /** Parses Calico selector syntax; empty or whitespace-only text is `all()`. Throws SelectorSyntaxError. */
  public static parse(text: string): Selector {
    return new Selector(parseSelector(text));
  }

  /** The selector `all()`, which matches every set of labels. */
  public static all(): Selector {
    return ALL;
  }

  private canonical: string | undefined;
  private id: string | undefined;
  private keys: string[] | undefined;

  private constructor(
    /** The root of the AST; walk it to find e.g. `global()` or the label comparisons. */
    public readonly root: SelectorNode,
  ) {}

  /** True when the labels satisfy the selector (Calico's absent-label semantics). */
  public matches(labels: StringMap): boolean {
    return this.root.evaluate(labels);
  }

  /** The canonical text (Calico's Selector.String()): equal selectors print equally. */
  public toString(): string {
    if (this.canonical === undefined) {
      this.canonical = this.root.toString();
    }
    return this.canonical;
  }

  /** Calico's UniqueID(): `hash.MakeUniqueID("s", canonical)`, e.g. the IP set ID `s:<base64url SHA-224>`. */
  public get uniqueId(): string {
    if (this.id === undefined) {
      this.id = makeUniqueId('s', this.toString());
    }
    return this.id;
  }

  /** The label keys the selector refers to, sorted and without duplicates. */
  public labelKeys(): string[] {
    if (this.keys === undefined) {
      const found = new Set<string>();
      this.root.walk((node) => {
        if (node instanceof HasNode || node instanceof LabelValueNode || node instanceof LabelSetNode) {
          found.add(node.labelName);
        }
      });
      this.keys = [...found].sort();
    }
    return [...this.keys];
  }

  /** A copy with `prefix` put before every label key (Calico's PrefixVisitor, e.g. `pcns.`). */
  public withLabelPrefix(prefix: string): Selector {
    return new Selector(this.root.withLabelPrefix(prefix));
  }

  /** `(a) && (b)`: the two roots as the operands of one `&&` node, as Calico parses that text. */
  public static and(a: Selector, b: Selector): Selector {
    return new Selector(new AndNode([a.root, b.root]));
  }
}

const ALL = Selector.parse('');

/**
 * The canonical text of `(a) && (b)`, where an empty (or whitespace-only) selector stands for
 * `all()`: e.g. `selectorAnd("a == 'x'", '')` is `(a == "x" && all())`. Throws SelectorSyntaxError
 * naming whichever part does not parse.
 */
export function selectorAnd(a: string, b: string): string {
  return Selector.and(Selector.parse(a), Selector.parse(b)).toString();
}
