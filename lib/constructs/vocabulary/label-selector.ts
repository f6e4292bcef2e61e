import { compareStrings, namespaceSelectorToCalico, podSelectorToCalico } from '../../model/convert';
import { K8sLabelSelector, LabelSelectorRequirement, StringMap } from '../../model/resources';
import { checkLabelKey, checkLabelValue } from './names';

/** One matchExpressions entry, as held by {@link LabelSelector}. Internal. */
interface Expression {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/**
 * A typed label selector: label equalities ANDed with set expressions.
 *
 * It renders to a Kubernetes `LabelSelector` (`matchLabels` + `matchExpressions`) and to a Calico
 * selector string in the form Calico's own Kubernetes conversion produces (libcalico-go
 * `k8sSelectorToCalico`): equalities first, sorted by key (`k == 'v'`), then the expressions in the
 * order given (`k in { 'a', 'b' }`, `k not in { 'a' }`, `has(k)`, `! has(k)`), joined with ` && `.
 *
 * @example
 * LabelSelector.of({ app: 'web' }).and(LabelSelector.labelIn('tier', ['frontend', 'edge']))
 */
export class LabelSelector {
  /** Selects everything: no labels required. */
  public static all(): LabelSelector {
    return new LabelSelector(new Map(), []);
  }

  /** Selects objects carrying every one of the given labels (`matchLabels`). */
  public static of(labels: { [key: string]: string }): LabelSelector {
    const map = new Map<string, string>();
    for (const [key, value] of Object.entries(labels)) {
      checkLabelKey('LabelSelector.of', key);
      checkLabelValue('LabelSelector.of', key, value);
      map.set(key, value);
    }
    return new LabelSelector(map, []);
  }

  /** Selects objects whose label `key` has one of `values` (operator `In`). */
  public static labelIn(key: string, values: string[]): LabelSelector {
    return LabelSelector.expression('LabelSelector.labelIn', key, 'In', values);
  }

  /** Selects objects whose label `key` is absent or has none of `values` (operator `NotIn`). */
  public static labelNotIn(key: string, values: string[]): LabelSelector {
    return LabelSelector.expression('LabelSelector.labelNotIn', key, 'NotIn', values);
  }

  /** Selects objects that carry the label `key`, whatever its value (operator `Exists`). */
  public static labelExists(key: string): LabelSelector {
    return LabelSelector.expression('LabelSelector.labelExists', key, 'Exists', []);
  }

  /** Selects objects that do not carry the label `key` (operator `DoesNotExist`). */
  public static labelDoesNotExist(key: string): LabelSelector {
    return LabelSelector.expression('LabelSelector.labelDoesNotExist', key, 'DoesNotExist', []);
  }

  private static expression(where: string, key: string, operator: string, values: string[]): LabelSelector {
    checkLabelKey(where, key);
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues && values.length === 0) {
      throw new Error(`${where}: label ${JSON.stringify(key)} has an empty value list; allowed: at least one value`);
    }
    for (const v of values) checkLabelValue(where, key, v);
    return new LabelSelector(new Map(), [{ key, operator, values: [...values] }]);
  }

  private constructor(
    private readonly labels: ReadonlyMap<string, string>,
    private readonly expressions: readonly Expression[],
  ) {}

  /** A selector that requires both this selector and `other`. */
  public and(other: LabelSelector): LabelSelector {
    const labels = new Map(this.labels);
    for (const [key, value] of other.labels) {
      const existing = labels.get(key);
      if (existing !== undefined && existing !== value) {
        throw new Error(`LabelSelector.and: label ${JSON.stringify(key)} would have to equal both ${JSON.stringify(existing)} `
          + `and ${JSON.stringify(value)}, which nothing matches; allowed: one value per label key (use labelIn for alternatives)`);
      }
      labels.set(key, value);
    }
    return new LabelSelector(labels, [...this.expressions, ...other.expressions]);
  }

  /** True when the selector requires nothing, so it selects everything. */
  public isEmpty(): boolean {
    return this.labels.size === 0 && this.expressions.length === 0;
  }

  /** The Kubernetes form; `{}` selects everything. */
  public toKubernetes(): K8sLabelSelector {
    const matchLabels: { [key: string]: string } = {};
    for (const key of this.sortedKeys()) matchLabels[key] = this.labels.get(key) ?? '';
    const matchExpressions: LabelSelectorRequirement[] = this.expressions.map((e) =>
      (e.values.length > 0 ? { key: e.key, operator: e.operator, values: [...e.values] } : { key: e.key, operator: e.operator }));
    return {
      ...(this.labels.size > 0 ? { matchLabels: matchLabels as StringMap } : {}),
      ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
    };
  }

  /**
   * The Calico selector over plain labels (namespaces, host endpoints, network sets), as Calico
   * converts a Kubernetes namespace selector. An empty selector renders as `all()`.
   */
  public toCalico(): string {
    return namespaceSelectorToCalico(this.toKubernetes());
  }

  /**
   * The Calico selector for Kubernetes pods: `projectcalico.org/orchestrator == 'k8s'` first, then
   * the terms, exactly as Calico converts a Kubernetes `podSelector`.
   */
  public toCalicoPods(): string {
    return podSelectorToCalico(this.toKubernetes());
  }

  /** The Calico form, for messages. */
  public toString(): string {
    return this.toCalico();
  }

  private sortedKeys(): string[] {
    return [...this.labels.keys()].sort(compareStrings);
  }
}
