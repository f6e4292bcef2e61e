// A sound (never wrong, sometimes unsure) test that one Calico selector implies another.
import { namespaceSelectorText } from '../../engine';
import { AllNode, AndNode, OrNode, Selector, SelectorNode } from '../../model/selector';
import { Memo, PairMemo } from './memo';

const parsed = new Memo<Selector | undefined>();
const implied = new PairMemo<boolean>();
const canonical = new WeakMap<SelectorNode, string>();

/** The parsed selector, or undefined when the text does not parse (validation reports that). */
function tryParseSelector(text: string | undefined): Selector | undefined {
  return parsed.get(text ?? '', () => {
    try {
      return Selector.parse(text ?? '');
    } catch {
      return undefined;
    }
  });
}

/**
 * True when every label set that `b` matches is also matched by `a`, proven from the structure:
 * `a` is all(), the two are equal, or `&&`/`||` operands prove it. False means "not proven".
 */
export function selectorImplies(b: string | undefined, a: string | undefined): boolean {
  return implied.get(b ?? '', a ?? '', () => {
    const sb = tryParseSelector(b);
    const sa = tryParseSelector(a);
    return sb !== undefined && sa !== undefined && nodeImplies(sb.root, sa.root);
  });
}

/** A namespaceSelector in the form it is matched in (the engine's rewrite of `all()` and `global()`). */
function namespaceForm(text: string): string {
  const s = tryParseSelector(text);
  return s === undefined ? text : namespaceSelectorText(s);
}

/** Like selectorImplies, for two namespaceSelectors (where `all()` does not match non-namespaced endpoints). */
export function namespaceSelectorImplies(b: string, a: string): boolean {
  // every namespaceSelector matches only endpoints in some namespace, which `all()` matches (`global()` excepted)
  if (selectsAll(a) && !b.includes('global()')) return true;
  return selectorImplies(namespaceForm(b), namespaceForm(a));
}

/** True for an empty or `all()` selector. */
export function selectsAll(text: string | undefined): boolean {
  const s = tryParseSelector(text);
  return s !== undefined && s.root instanceof AllNode;
}

/** The node's canonical text, computed once per node (nodes are immutable). */
function text(node: SelectorNode): string {
  let t = canonical.get(node);
  if (t === undefined) {
    t = node.toString();
    canonical.set(node, t);
  }
  return t;
}

function nodeImplies(b: SelectorNode, a: SelectorNode): boolean {
  if (a instanceof AllNode) return true;
  if (text(b) === text(a)) return true;
  if (a instanceof AndNode) return a.operands.every((op) => nodeImplies(b, op));
  if (b instanceof OrNode) return b.operands.every((op) => nodeImplies(op, a));
  if (b instanceof AndNode && b.operands.some((op) => nodeImplies(op, a))) return true;
  if (a instanceof OrNode) return a.operands.some((op) => nodeImplies(b, op));
  return false;
}
