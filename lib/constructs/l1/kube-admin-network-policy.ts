import { Construct } from 'constructs';
import { ADMIN_POLICY_V1ALPHA1_API_VERSION, AdminNetworkPolicySpec, NetsecResource } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link KubeAdminNetworkPolicy}. */
export interface KubeAdminNetworkPolicyProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: AdminNetworkPolicySpec;
}

/**
 * A sig-network `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy: cluster guardrails that Calico 3.31 converts into its `adminnetworkpolicy` tier (priority as the order, Allow, Deny or Pass).
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one. Validated at synth with
 * the API's own rules (CRD schema and CEL).
 */
export class KubeAdminNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: AdminNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: KubeAdminNetworkPolicyProps) {
    super(scope, id, { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'AdminNetworkPolicy', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'AdminNetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
