import { Construct } from 'constructs';
import { K8S_NETWORKING_API_VERSION, NetsecResource, K8sNetworkPolicySpec } from '../../model/resources';
import { KubeNetworkPolicySpec } from './kube-network-policy-spec';
import { kubeSpecToModel } from './kube-spec-conversion';
import { NamespacedResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link KubeNetworkPolicy}. */
export interface KubeNetworkPolicyProps {
  /** Name, namespace and labels of the resource. */
  readonly metadata: NamespacedResourceMetadata;
  /** The resource spec; ports are `IntOrString`s, as in cdk8s's generated `KubeNetworkPolicy`. */
  readonly spec: KubeNetworkPolicySpec;
}

/**
 * A Kubernetes `networking.k8s.io/v1` NetworkPolicy.
 *
 * Namespaced: takes the chart's namespace when metadata.namespace is omitted.
 */
export class KubeNetworkPolicy extends NetsecApiObject {
  /** The resource spec as model data (ports as text, e.g. `'8080'`). */
  public readonly spec: K8sNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: KubeNetworkPolicyProps) {
    super(scope, id, { apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', clusterScoped: false, metadata: props.metadata });
    const problems: string[] = [];
    this.spec = kubeSpecToModel(props.spec, problems);
    const messages = problems.map((p) => `${this.node.path}: ${p}`);
    this.node.addValidation({ validate: () => messages });
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
