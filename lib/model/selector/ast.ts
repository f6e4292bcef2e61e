/**
 * The Calico selector AST, following libcalico-go/lib/selector/parser/ast.go: the node types, their
 * evaluation (with Calico's absent-label semantics) and their canonical text. Nodes are immutable.
 */
import { compareCodePoints } from './code-point-order';
import { StringMap } from '../resources/meta';

/** What a node is, so that code walking the tree can switch on it. */
export enum SelectorNodeKind {
  /** `all()`: matches everything. */
  ALL = 'all',
  /** `global()`: matches everything here; its meaning comes from the namespaceSelector rewrite. */
  GLOBAL = 'global',
  /** `has(label)` */
  HAS = 'has',
  /** `label == "v"` */
  EQUALS = 'equals',
  /** `label != "v"` (true when the label is absent) */
  NOT_EQUALS = 'notEquals',
  /** `label contains "v"` */
  CONTAINS = 'contains',
  /** `label starts with "v"` */
  STARTS_WITH = 'startsWith',
  /** `label ends with "v"` */
  ENDS_WITH = 'endsWith',
  /** `label in {...}` */
  IN = 'in',
  /** `label not in {...}` (true when the label is absent) */
  NOT_IN = 'notIn',
  /** `!operand` */
  NOT = 'not',
  /** `(a && b && ...)` */
  AND = 'and',
  /** `(a || b || ...)` */
  OR = 'or',
}

const NO_OPERANDS: readonly SelectorNode[] = [];

/** The value of a label, or undefined when absent. Ignores inherited properties such as `constructor`. */
function labelValue(labels: StringMap, name: string): string | undefined {
  const value: unknown = labels[name];
  return typeof value === 'string' ? value : undefined;
}

/** Calico quotes with `"` unless the value contains `"` (a literal cannot contain both quotes). */
function quote(value: string): string {
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

/** A node of a parsed selector. */
export abstract class SelectorNode {
  /** What this node is. */
  public abstract readonly kind: SelectorNodeKind;

  /** True when the labels satisfy this node. */
  public abstract evaluate(labels: StringMap): boolean;

  /** Appends this node's canonical text (Calico's collectFragments) to `out`. */
  public abstract appendCanonical(out: string[]): void;

  /** A copy with `prefix` put before every label name (Calico's PrefixVisitor). */
  public abstract withLabelPrefix(prefix: string): SelectorNode;

  /** The operands of `!`, `&&` and `||`; empty for the other nodes. */
  public get operands(): readonly SelectorNode[] {
    return NO_OPERANDS;
  }

  /** Calls `visit` on this node and then, depth first, on every node below it. */
  public walk(visit: (node: SelectorNode) => void): void {
    visit(this);
    for (const operand of this.operands) {
      operand.walk(visit);
    }
  }

  /** The canonical text of this node. */
  public toString(): string {
    const out: string[] = [];
    this.appendCanonical(out);
    return out.join('');
  }
}

/** `all()`, also what the empty selector parses to. */
export class AllNode extends SelectorNode {
  public readonly kind = SelectorNodeKind.ALL;
  public evaluate(_labels: StringMap): boolean {
    return true;
  }
  public appendCanonical(out: string[]): void {
    out.push('all()');
  }
  public withLabelPrefix(_prefix: string): SelectorNode {
    return this;
  }
}

/** `global()`: evaluates to true; the namespaceSelector rewrite gives it its meaning. */
export class GlobalNode extends SelectorNode {
  public readonly kind = SelectorNodeKind.GLOBAL;
  public evaluate(_labels: StringMap): boolean {
    return true;
  }
  public appendCanonical(out: string[]): void {
    out.push('global()');
  }
  public withLabelPrefix(_prefix: string): SelectorNode {
    return this;
  }
}

/** `has(label)` */
export class HasNode extends SelectorNode {
  public readonly kind = SelectorNodeKind.HAS;
  constructor(public readonly labelName: string) {
    super();
  }
  public evaluate(labels: StringMap): boolean {
    return labelValue(labels, this.labelName) !== undefined;
  }
  public appendCanonical(out: string[]): void {
    out.push('has(', this.labelName, ')');
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new HasNode(prefix + this.labelName);
  }
}

/** A comparison of one label with one string value. */
export abstract class LabelValueNode extends SelectorNode {
  constructor(public readonly labelName: string, public readonly value: string) {
    super();
  }
  /** The operator as Calico prints it, with its surrounding spaces. */
  protected abstract readonly operatorText: string;
  public appendCanonical(out: string[]): void {
    out.push(this.labelName, this.operatorText, quote(this.value));
  }
}

/** `label == "v"`: false when the label is absent. */
export class EqualsNode extends LabelValueNode {
  public readonly kind = SelectorNodeKind.EQUALS;
  protected readonly operatorText = ' == ';
  public evaluate(labels: StringMap): boolean {
    return labelValue(labels, this.labelName) === this.value;
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new EqualsNode(prefix + this.labelName, this.value);
  }
}

/** `label != "v"`: TRUE when the label is absent. */
export class NotEqualsNode extends LabelValueNode {
  public readonly kind = SelectorNodeKind.NOT_EQUALS;
  protected readonly operatorText = ' != ';
  public evaluate(labels: StringMap): boolean {
    return labelValue(labels, this.labelName) !== this.value;
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new NotEqualsNode(prefix + this.labelName, this.value);
  }
}

/** `label contains "v"`: false when the label is absent. */
export class ContainsNode extends LabelValueNode {
  public readonly kind = SelectorNodeKind.CONTAINS;
  protected readonly operatorText = ' contains ';
  public evaluate(labels: StringMap): boolean {
    const actual = labelValue(labels, this.labelName);
    return actual !== undefined && actual.includes(this.value);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new ContainsNode(prefix + this.labelName, this.value);
  }
}

/** `label starts with "v"`: false when the label is absent. */
export class StartsWithNode extends LabelValueNode {
  public readonly kind = SelectorNodeKind.STARTS_WITH;
  protected readonly operatorText = ' starts with ';
  public evaluate(labels: StringMap): boolean {
    const actual = labelValue(labels, this.labelName);
    return actual !== undefined && actual.startsWith(this.value);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new StartsWithNode(prefix + this.labelName, this.value);
  }
}

/** `label ends with "v"`: false when the label is absent. */
export class EndsWithNode extends LabelValueNode {
  public readonly kind = SelectorNodeKind.ENDS_WITH;
  protected readonly operatorText = ' ends with ';
  public evaluate(labels: StringMap): boolean {
    const actual = labelValue(labels, this.labelName);
    return actual !== undefined && actual.endsWith(this.value);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new EndsWithNode(prefix + this.labelName, this.value);
  }
}

/** A test of one label against a set of values; the values are kept sorted and unique, as Calico does. */
export abstract class LabelSetNode extends SelectorNode {
  /** The set members, sorted by code point (Go's byte order) without duplicates. */
  public readonly values: readonly string[];
  protected readonly members: ReadonlySet<string>;
  /** The operator as Calico prints it (`in` or `not in`). */
  protected abstract readonly operatorText: string;

  constructor(public readonly labelName: string, values: readonly string[]) {
    super();
    this.members = new Set(values);
    this.values = Object.freeze([...this.members].sort(compareCodePoints));
  }

  public appendCanonical(out: string[]): void {
    out.push(this.labelName, ' ', this.operatorText, ' {');
    for (let i = 0; i < this.values.length; i++) {
      if (i > 0) {
        out.push(', ');
      }
      out.push(quote(this.values[i]));
    }
    out.push('}');
  }
}

/** `label in {"a", "b"}`: false when the label is absent. */
export class InSetNode extends LabelSetNode {
  public readonly kind = SelectorNodeKind.IN;
  protected readonly operatorText = 'in';
  public evaluate(labels: StringMap): boolean {
    const actual = labelValue(labels, this.labelName);
    return actual !== undefined && this.members.has(actual);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new InSetNode(prefix + this.labelName, this.values);
  }
}

/** `label not in {"a", "b"}`: TRUE when the label is absent. */
export class NotInSetNode extends LabelSetNode {
  public readonly kind = SelectorNodeKind.NOT_IN;
  protected readonly operatorText = 'not in';
  public evaluate(labels: StringMap): boolean {
    const actual = labelValue(labels, this.labelName);
    return actual === undefined || !this.members.has(actual);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new NotInSetNode(prefix + this.labelName, this.values);
  }
}

/** `!operand`, printed without parentheses of its own (`!a == "b"`), as Calico does. */
export class NotNode extends SelectorNode {
  public readonly kind = SelectorNodeKind.NOT;
  private readonly operandList: readonly SelectorNode[];
  constructor(public readonly operand: SelectorNode) {
    super();
    this.operandList = [operand];
  }
  public get operands(): readonly SelectorNode[] {
    return this.operandList;
  }
  public evaluate(labels: StringMap): boolean {
    return !this.operand.evaluate(labels);
  }
  public appendCanonical(out: string[]): void {
    out.push('!');
    this.operand.appendCanonical(out);
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new NotNode(this.operand.withLabelPrefix(prefix));
  }
}

/** `&&` or `||` over two or more operands, printed in parentheses. */
abstract class JunctionNode extends SelectorNode {
  protected readonly operandList: readonly SelectorNode[];
  /** The joiner as Calico prints it, with its surrounding spaces. */
  protected abstract readonly joinText: string;
  constructor(operands: readonly SelectorNode[]) {
    super();
    if (operands.length === 0) {
      throw new Error('selector && / || node: operands must not be empty');
    }
    this.operandList = Object.freeze([...operands]);
  }
  public get operands(): readonly SelectorNode[] {
    return this.operandList;
  }
  public appendCanonical(out: string[]): void {
    out.push('(');
    for (let i = 0; i < this.operandList.length; i++) {
      if (i > 0) {
        out.push(this.joinText);
      }
      this.operandList[i].appendCanonical(out);
    }
    out.push(')');
  }
}

/** `(a && b && ...)`: true when every operand is. */
export class AndNode extends JunctionNode {
  public readonly kind = SelectorNodeKind.AND;
  protected readonly joinText = ' && ';
  public evaluate(labels: StringMap): boolean {
    const operands = this.operandList;
    for (let i = 0; i < operands.length; i++) {
      if (!operands[i].evaluate(labels)) {
        return false;
      }
    }
    return true;
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new AndNode(this.operands.map((o) => o.withLabelPrefix(prefix)));
  }
}

/** `(a || b || ...)`: true when any operand is. */
export class OrNode extends JunctionNode {
  public readonly kind = SelectorNodeKind.OR;
  protected readonly joinText = ' || ';
  public evaluate(labels: StringMap): boolean {
    const operands = this.operandList;
    for (let i = 0; i < operands.length; i++) {
      if (operands[i].evaluate(labels)) {
        return true;
      }
    }
    return false;
  }
  public withLabelPrefix(prefix: string): SelectorNode {
    return new OrNode(this.operands.map((o) => o.withLabelPrefix(prefix)));
  }
}
