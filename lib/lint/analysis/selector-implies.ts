// A sound (never wrong, sometimes unsure) test that one Calico selector implies another.
import { AllNode, AndNode, OrNode, Selector, SelectorNode } from '../../model/selector';

/** The parsed selector, or undefined when the text does not parse (validation reports that). */
function tryParseSelector(text: string | undefined): Selector | undefined {
  try {
    return Selector.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/**
 * True when every label set that `b` matches is also matched by `a`, proven from the structure:
 * `a` is all(), the two are equal, or `&&`/`||` operands prove it. False means "not proven".
 */
export function selectorImplies(b: string | undefined, a: string | undefined): boolean {
  const sb = tryParseSelector(b);
  const sa = tryParseSelector(a);
  return sb !== undefined && sa !== undefined && nodeImplies(sb.root, sa.root);
}

/** True for an empty or `all()` selector. */
export function selectsAll(text: string | undefined): boolean {
  const s = tryParseSelector(text);
  return s !== undefined && s.root instanceof AllNode;
}

function nodeImplies(b: SelectorNode, a: SelectorNode): boolean {
  if (a instanceof AllNode) return true;
  if (b.toString() === a.toString()) return true;
  if (a instanceof AndNode) return a.operands.every((op) => nodeImplies(b, op));
  if (b instanceof OrNode) return b.operands.every((op) => nodeImplies(op, a));
  if (b instanceof AndNode && b.operands.some((op) => nodeImplies(op, a))) return true;
  if (a instanceof OrNode) return a.operands.some((op) => nodeImplies(b, op));
  return false;
}
