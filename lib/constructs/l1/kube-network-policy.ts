import { Construct } from 'constructs';
import { K8S_NETWORKING_API_VERSION, NetsecResource, K8sNetworkPolicySpec } from '../../model/resources';
import { NamespacedResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link KubeNetworkPolicy}. */
export interface KubeNetworkPolicyProps {
  /** Name, namespace and labels of the resource. */
  readonly metadata: NamespacedResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: K8sNetworkPolicySpec;
}

/**
 * A Kubernetes `networking.k8s.io/v1` NetworkPolicy.
 *
 * Namespaced: takes the chart's namespace when metadata.namespace is omitted.
 */
export class KubeNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: K8sNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: KubeNetworkPolicyProps) {
    super(scope, id, { apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', clusterScoped: false, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
