import { K8sLabelSelector } from '../../model/resources';
import { LabelSelector } from '../vocabulary/label-selector';
import { checkDns1123Label } from '../vocabulary/names';
import { IPodWorkload, workloadPods } from '../vocabulary/workload';

/** Options of {@link PolicyTarget.allNamespaces}. */
export interface AllNamespacesOptions {
  /**
   * Namespaces left out, so that cluster-wide intents do not cut off the cluster's own plumbing.
   * @default ['kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator']
   */
  readonly excludedNamespaces?: string[];
}

/** Internal shape of a target. */
interface TargetInit {
  readonly description: string;
  readonly namespace?: string;
  readonly selector: LabelSelector;
  readonly hostEndpoints: boolean;
  readonly excludedNamespaces: readonly string[];
}

const DEFAULT_EXCLUDED = ['kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator'];

/**
 * What an intent applies to: pods of one namespace (expressible in Kubernetes), pods of every
 * namespace, or Calico host endpoints (both need a Calico GlobalNetworkPolicy).
 */
export class PolicyTarget {
  /** Every pod of the namespace. */
  public static namespace(name: string): PolicyTarget {
    return PolicyTarget.namespaced(`PolicyTarget.namespace(${JSON.stringify(name)})`, name, LabelSelector.all());
  }

  /** The pods of `namespace` whose labels match `selector`. */
  public static pods(namespace: string, selector: LabelSelector): PolicyTarget {
    return PolicyTarget.namespaced(`PolicyTarget.pods(${JSON.stringify(namespace)}, ${JSON.stringify(selector.toString())})`, namespace, selector);
  }

  /**
   * The pods of a workload, e.g. a cdk8s-plus `Deployment`: its namespace and pod selector.
   * The workload must have a namespace (a namespaced Chart or metadata.namespace).
   */
  public static workload(workload: IPodWorkload): PolicyTarget {
    const { namespace, selector } = workloadPods('PolicyTarget.workload', workload);
    return PolicyTarget.namespaced(`PolicyTarget.workload(${workload.node.path})`, namespace, selector);
  }

  /** The pods of every namespace except the excluded ones. Needs Calico (GlobalNetworkPolicy). */
  public static allNamespaces(options: AllNamespacesOptions = {}): PolicyTarget {
    const excluded = options.excludedNamespaces ?? DEFAULT_EXCLUDED;
    const description = 'PolicyTarget.allNamespaces()';
    for (const ns of excluded) checkDns1123Label(description, 'excludedNamespaces entry', ns);
    return new PolicyTarget({ description, selector: LabelSelector.all(), hostEndpoints: false, excludedNamespaces: excluded });
  }

  /**
   * Calico host endpoints (node interfaces) whose labels match `selector`, e.g.
   * `LabelSelector.of({ 'ibm.role': 'worker_public' })`. Needs Calico (GlobalNetworkPolicy).
   * The selector must require at least one label: a GlobalNetworkPolicy selector `all()` would
   * select every pod of the cluster as well as every host endpoint.
   */
  public static hostEndpoints(selector: LabelSelector): PolicyTarget {
    const description = `PolicyTarget.hostEndpoints(${JSON.stringify(selector.toString())})`;
    if (selector.isEmpty()) {
      throw new Error(`${description}: an empty selector selects every pod as well as every host endpoint; `
        + "allowed: a selector that requires at least one host endpoint label, e.g. LabelSelector.of({ 'ibm.role': 'worker_public' })");
    }
    return new PolicyTarget({ description, selector, hostEndpoints: true, excludedNamespaces: [] });
  }

  private static namespaced(what: string, namespace: string, selector: LabelSelector): PolicyTarget {
    checkDns1123Label(what, 'namespace', namespace);
    return new PolicyTarget({ description: what, namespace, selector, hostEndpoints: false, excludedNamespaces: [] });
  }

  private constructor(private readonly init: TargetInit) {}

  /** The namespace of a namespaced target. @default - none: the target is cluster-wide */
  public get namespaceName(): string | undefined {
    return this.init.namespace;
  }

  /** True for host endpoint targets. */
  public get isHostEndpoints(): boolean {
    return this.init.hostEndpoints;
  }

  /** The factory call that made this target, for messages. */
  public toString(): string {
    return this.init.description;
  }

  /** The Kubernetes podSelector of a namespaced target. */
  public toKubernetesPodSelector(): K8sLabelSelector {
    return this.init.selector.toKubernetes();
  }

  /** The Calico `selector` of the policy: pods (with the orchestrator term) or host endpoints. */
  public toCalicoSelector(): string {
    if (this.init.hostEndpoints) return this.init.selector.toCalico();
    const base = this.init.selector.toCalicoPods();
    if (this.init.excludedNamespaces.length === 0) return base;
    const set = this.init.excludedNamespaces.map((ns) => `'${ns}'`).join(', ');
    return `${base} && projectcalico.org/namespace not in { ${set} }`;
  }
}
