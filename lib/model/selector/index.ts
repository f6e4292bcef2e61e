// Calico selectors: tokenizer.ts -> parser.ts -> ast.ts; selector.ts is the public entry point.
export { SelectorSyntaxError } from './errors';
export { Selector, selectorAnd } from './selector';
export {
  AllNode,
  AndNode,
  ContainsNode,
  EndsWithNode,
  EqualsNode,
  GlobalNode,
  HasNode,
  InSetNode,
  LabelSetNode,
  LabelValueNode,
  NotEqualsNode,
  NotInSetNode,
  NotNode,
  OrNode,
  SelectorNode,
  SelectorNodeKind,
  StartsWithNode,
} from './ast';
