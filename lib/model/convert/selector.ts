// Kubernetes label selector -> Calico selector text, as libcalico-go's k8sSelectorToCalico writes it.
import { K8sLabelSelector } from '../../model/resources';

/** The label Calico puts on every Kubernetes workload endpoint. */
const ORCHESTRATOR_TERM = "projectcalico.org/orchestrator == 'k8s'";

/**
 * A pod selector: the orchestrator term, then `k == 'v'` per matchLabels key (sorted by key), then
 * the matchExpressions in order. A missing selector still gives the orchestrator term.
 */
export function podSelectorToCalico(s: K8sLabelSelector | undefined): string {
  return [ORCHESTRATOR_TERM, ...selectorTerms(s)].join(' && ');
}

/** A namespace selector: `""` when missing, `all()` when empty, else the terms. */
export function namespaceSelectorToCalico(s: K8sLabelSelector | undefined): string {
  if (s === undefined) return '';
  const terms = selectorTerms(s);
  return terms.length === 0 ? 'all()' : terms.join(' && ');
}

function selectorTerms(s: K8sLabelSelector | undefined): string[] {
  if (s === undefined) return [];
  const terms: string[] = [];
  const labels = s.matchLabels ?? {};
  for (const key of Object.keys(labels).sort(compareStrings)) {
    terms.push(`${key} == '${labels[key]}'`);
  }
  for (const e of s.matchExpressions ?? []) {
    const values = (e.values ?? []).join("', '");
    switch (e.operator) {
      case 'In': terms.push(`${e.key} in { '${values}' }`); break;
      case 'NotIn': terms.push(`${e.key} not in { '${values}' }`); break;
      case 'Exists': terms.push(`has(${e.key})`); break;
      case 'DoesNotExist': terms.push(`! has(${e.key})`); break;
      default: break;
    }
  }
  return terms;
}

/** Byte-wise string order, as Go's sort.Strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
