/** API group/version strings of the resources this library models. */
export const K8S_NETWORKING_API_VERSION = 'networking.k8s.io/v1';
export const CALICO_API_VERSION = 'projectcalico.org/v3';
/** The apiVersion of Calico's CRDs (`kubectl get globalnetworkpolicies -o yaml` on clusters without the Calico API server). */
export const CALICO_CRD_API_VERSION = 'crd.projectcalico.org/v1';

/** The label kube-apiserver (1.21+) puts on every namespace: its name. */
export const K8S_NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A string-to-string map, used for labels and annotations. A type literal, not an interface with
 * an index signature: jsii takes the literal as a map of strings and refuses the interface.
 */
export type StringMap = { readonly [key: string]: string };

/** The metadata every resource carries. */
export interface ObjectMeta {
  /** Resource name: a DNS-1123 subdomain of at most 253 characters. */
  readonly name: string;
  /**
   * Namespace, for namespaced kinds only.
   * @default - none (cluster-scoped kinds must not set it)
   */
  readonly namespace?: string;
  /** @default - no labels */
  readonly labels?: StringMap;
  /** @default - no annotations */
  readonly annotations?: StringMap;
}

/** The label the Calico API server puts on every policy: its tier (`api/pkg/apis/projectcalico/v3` LabelTier). */
export const CALICO_TIER_LABEL = 'projectcalico.org/tier';
