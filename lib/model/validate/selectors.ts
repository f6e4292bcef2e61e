import { Selector, SelectorSyntaxError } from '../selector';
import { Issues, report } from './issue';

const SELECTOR_ALLOWED = "Calico selector syntax, e.g. app == 'web' && has(tier)";

/**
 * Checks Calico selector syntax. `global()` is only meaningful as an EntityRule namespaceSelector
 * (and then alone), as Calico's validator says.
 */
export function checkSelector(issues: Issues, field: string, text: string | undefined, globalAllowed: boolean): void {
  if (text === undefined) return;
  try {
    Selector.parse(text);
  } catch (e) {
    if (!(e instanceof SelectorSyntaxError)) throw e;
    report(issues, field, text, `invalid selector: expected ${e.expected} at position ${e.position}`, SELECTOR_ALLOWED);
    return;
  }
  if (text.includes('global()') && !(globalAllowed && text.trim() === 'global()')) {
    report(issues, field, text, globalAllowed ? 'global() cannot be combined with other selectors'
      : 'global() can only be used in an EntityRule namespaceSelector', globalAllowed ? 'global() alone' : 'a selector without global()');
  }
}
