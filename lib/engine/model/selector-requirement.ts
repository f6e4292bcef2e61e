// Necessary conditions of a selector: labels every matching label set must carry (has(k)) or carry
// with one value (k == v). Used to index policies by selector (policy-index.ts): a policy whose
// selector requires `k == v` cannot select a label set without it. Only conditions that hold for
// EVERY label set the selector matches are returned; when in doubt, none (the policy stays unindexed).
import { Selector, SelectorNode, SelectorNodeKind, HasNode, LabelSetNode, LabelValueNode, NotNode } from '../../model/selector';

/** A label every matching label set has; with `value`, it has that value. */
export interface LabelRequirement {
  readonly key: string;
  /** @default - any value (the label is present) */
  readonly value?: string;
}

const has = (key: string): LabelRequirement => ({ key });
const eq = (key: string, value: string): LabelRequirement => ({ key, value });

/** `has(k)` for `in`/`not in` sets (one member: `k == v`). */
function setRequirement(node: LabelSetNode): LabelRequirement {
  return node.values.length === 1 ? eq(node.labelName, node.values[0]) : has(node.labelName);
}

/** True when requirement `r` holds wherever one of `list` holds (k == v implies has(k)). */
function implied(r: LabelRequirement, list: readonly LabelRequirement[]): boolean {
  return list.some((x) => x.key === r.key && (r.value === undefined || x.value === r.value));
}

/** The requirements common to every branch of an `||` (each branch's list is already necessary for it). */
function common(branches: readonly (readonly LabelRequirement[])[]): LabelRequirement[] {
  const [first, ...rest] = branches;
  const candidates = [...first, ...first.filter((r) => r.value !== undefined).map((r) => has(r.key))];
  const out: LabelRequirement[] = [];
  for (const r of candidates) {
    if (rest.every((b) => implied(r, b)) && !out.some((o) => o.key === r.key && o.value === r.value)) out.push(r);
  }
  return out;
}

/** Necessary conditions of `node` (of its negation when `negated`). */
function requirementsOf(node: SelectorNode, negated: boolean): LabelRequirement[] {
  switch (node.kind) {
    case SelectorNodeKind.HAS:
      return negated ? [] : [has((node as HasNode).labelName)];
    case SelectorNodeKind.EQUALS: {
      const n = node as LabelValueNode;
      return negated ? [] : [eq(n.labelName, n.value)];
    }
    case SelectorNodeKind.NOT_EQUALS: {
      // true when absent; its negation `!(k != v)` holds only when k is present with value v
      const n = node as LabelValueNode;
      return negated ? [eq(n.labelName, n.value)] : [];
    }
    case SelectorNodeKind.CONTAINS:
    case SelectorNodeKind.STARTS_WITH:
    case SelectorNodeKind.ENDS_WITH:
      return negated ? [] : [has((node as LabelValueNode).labelName)];
    case SelectorNodeKind.IN:
      return negated ? [] : [setRequirement(node as LabelSetNode)];
    case SelectorNodeKind.NOT_IN:
      // true when absent; its negation holds only when k is present with one of the values
      return negated ? [setRequirement(node as LabelSetNode)] : [];
    case SelectorNodeKind.NOT:
      return requirementsOf((node as NotNode).operand, !negated);
    case SelectorNodeKind.AND:
      // a && b: both hold (all requirements); !(a && b) = !a || !b: only what every branch requires
      return negated ? common(node.operands.map((o) => requirementsOf(o, true))) : node.operands.flatMap((o) => requirementsOf(o, false));
    case SelectorNodeKind.OR:
      return negated ? node.operands.flatMap((o) => requirementsOf(o, true)) : common(node.operands.map((o) => requirementsOf(o, false)));
    default:
      // all(), global() and any kind added later: no requirement
      return [];
  }
}

/** Conditions every label set the selector matches satisfies (empty: none known, e.g. `all()`, `!has(k)`). */
export function selectorRequirements(selector: Selector): readonly LabelRequirement[] {
  return requirementsOf(selector.root, false);
}
