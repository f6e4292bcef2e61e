import { StringMap } from '../../model/resources';

/** Metadata of a namespaced resource (Kubernetes or Calico NetworkPolicy, Calico NetworkSet). */
export interface NamespacedResourceMetadata {
  /** The resource name. Always explicit and stable: no generated hash suffix is added. */
  readonly name: string;
  /** The namespace. @default - the chart's namespace; none when the chart has none */
  readonly namespace?: string;
  /** Labels, merged over the chart's labels. @default - only the chart's labels */
  readonly labels?: StringMap;
  /** @default - no annotations */
  readonly annotations?: StringMap;
}

/** Metadata of a cluster-scoped Calico resource: it never carries a namespace. */
export interface ClusterResourceMetadata {
  /** The resource name. Always explicit and stable: no generated hash suffix is added. */
  readonly name: string;
  /** Labels, merged over the chart's labels. @default - only the chart's labels */
  readonly labels?: StringMap;
  /** @default - no annotations */
  readonly annotations?: StringMap;
}
