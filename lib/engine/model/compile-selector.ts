// Parses selectors once per text; parse errors become InputErrors naming where the selector was.
import { Selector, SelectorSyntaxError } from '../../model/selector';
import { InputError } from '../input/errors';

const cache = new Map<string, Selector>();

/** The parsed selector for the text (cached); `where` names the file, document and field for errors. */
export function compileSelector(text: string, where: string): Selector {
  let s = cache.get(text);
  if (s === undefined) {
    try {
      s = Selector.parse(text);
    } catch (e) {
      if (e instanceof SelectorSyntaxError) throw new InputError(`${where}: ${e.message}`);
      throw e;
    }
    if (cache.size > 50000) cache.clear();
    cache.set(text, s);
  }
  return s;
}

/**
 * A namespaceSelector made to run against namespace labels: `all()` means "in any namespace" and
 * `global()` means "in no namespace" (Calico rewrites them to has()/!has() of the namespace label).
 */
export function compileNamespaceSelector(text: string, where: string): Selector {
  const canonical = compileSelector(text, where).toString();
  const rewritten = canonical
    .split('all()').join('has(projectcalico.org/name)')
    .split('global()').join('!has(projectcalico.org/name)');
  return compileSelector(rewritten, where);
}
