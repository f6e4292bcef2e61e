import { Construct } from 'constructs';
import { ADMIN_POLICY_V1ALPHA1_API_VERSION, BaselineAdminNetworkPolicySpec, NetsecResource } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link KubeBaselineAdminNetworkPolicy}. */
export interface KubeBaselineAdminNetworkPolicyProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: BaselineAdminNetworkPolicySpec;
}

/**
 * The cluster's one sig-network `policy.networking.k8s.io/v1alpha1` BaselineAdminNetworkPolicy (named `default`): the defaults that apply after every Kubernetes and Calico policy, which Calico 3.31 converts into its `baselineadminnetworkpolicy` tier.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one. Validated at synth with
 * the API's own rules (CRD schema and CEL).
 */
export class KubeBaselineAdminNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: BaselineAdminNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: KubeBaselineAdminNetworkPolicyProps) {
    super(scope, id, { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'BaselineAdminNetworkPolicy', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'BaselineAdminNetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
