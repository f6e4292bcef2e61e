// Parses selectors once per text; parse errors become InputErrors naming where the selector was.
import { Selector, SelectorSyntaxError } from '../../model/selector';
import { CALICO_NAMESPACE_NAME_LABEL } from '../../model/convert';
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
 * The selector a namespaceSelector is matched as, against namespace labels: `all()` means "in any
 * namespace" and `global()` "in no namespace", so Calico rewrites them to has()/!has() of the label
 * every namespace carries (its name). Works on the canonical text of an already parsed selector.
 */
export function namespaceSelectorText(selector: Selector): string {
  return selector.toString()
    .split('all()').join(`has(${CALICO_NAMESPACE_NAME_LABEL})`)
    .split('global()').join(`!has(${CALICO_NAMESPACE_NAME_LABEL})`);
}

/** A namespaceSelector compiled to run against namespace labels (see namespaceSelectorText). */
export function compileNamespaceSelector(text: string, where: string): Selector {
  return compileSelector(namespaceSelectorText(compileSelector(text, where)), where);
}
