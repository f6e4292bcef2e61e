import { Construct } from 'constructs';
import { CLUSTER_NETWORK_POLICY_API_VERSION, ClusterNetworkPolicySpec, NetsecResource } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link KubeClusterNetworkPolicy}. */
export interface KubeClusterNetworkPolicyProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: ClusterNetworkPolicySpec;
}

/**
 * A sig-network `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy, which Calico 3.32 converts into its `kube-admin` (tier `Admin`) or `kube-baseline` (tier `Baseline`) tier.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one. Validated at synth with
 * the API's own rules (CRD schema and CEL).
 */
export class KubeClusterNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: ClusterNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: KubeClusterNetworkPolicyProps) {
    super(scope, id, { apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION, kind: 'ClusterNetworkPolicy', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION, kind: 'ClusterNetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
