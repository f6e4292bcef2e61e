// The selector text Felix groups policies by and hashes into policy-group chain names: the v1
// policy's Selector as the update processors write it (libcalico-go updateprocessors
// networkpolicyprocessor.go and globalnetworkpolicyprocessor.go, prefixAndAppendSelector in selectors.go).
import { Selector } from '../../model/selector';

const NAMESPACE_LABEL = 'projectcalico.org/namespace';
const SERVICE_ACCOUNT_LABEL = 'projectcalico.org/serviceaccount';
const NAMESPACE_LABEL_PREFIX = 'pcns.';
const SERVICE_ACCOUNT_LABEL_PREFIX = 'pcsa.';

/** prefixAndAppendSelector: `(current) && <added, parsed, labels prefixed>` (or the latter alone). */
function prefixAndAppend(current: string, added: string, prefix: string): string {
  if (added === '') return current;
  const prefixed = Selector.parse(added).withLabelPrefix(prefix).toString();
  return current === '' ? prefixed : `(${current}) && ${prefixed}`;
}

/** What Felix's v1 selector is made of. */
export interface FelixSelectorParts {
  readonly selector: string;
  readonly namespace?: string;
  readonly namespaceSelector?: string;
  readonly serviceAccountSelector?: string;
}

/**
 * A namespaced policy: its selector ANDed with `projectcalico.org/namespace == '<ns>'`, then the
 * service account selector (labels prefixed `pcsa.`). A global one: the namespace selector (`pcns.`,
 * every `all()` then read as `has(projectcalico.org/namespace)`), then the service account selector
 * (`all()` as `has(projectcalico.org/serviceaccount)`).
 */
export function felixPolicySelector(p: FelixSelectorParts): string {
  let sel = p.selector;
  const sa = p.serviceAccountSelector ?? '';
  if (p.namespace !== undefined) {
    const ns = `${NAMESPACE_LABEL} == '${p.namespace}'`;
    sel = sel === '' ? ns : `(${sel}) && ${ns}`;
    return prefixAndAppend(sel, sa, SERVICE_ACCOUNT_LABEL_PREFIX);
  }
  if ((p.namespaceSelector ?? '') !== '') {
    sel = prefixAndAppend(sel, p.namespaceSelector ?? '', NAMESPACE_LABEL_PREFIX).split('all()').join(`has(${NAMESPACE_LABEL})`);
  }
  if (sa !== '') sel = prefixAndAppend(sel, sa, SERVICE_ACCOUNT_LABEL_PREFIX).split('all()').join(`has(${SERVICE_ACCOUNT_LABEL})`);
  return sel;
}
