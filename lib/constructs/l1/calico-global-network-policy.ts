import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, GlobalNetworkPolicySpec } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoGlobalNetworkPolicy}. */
export interface CalicoGlobalNetworkPolicyProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: GlobalNetworkPolicySpec;
}

/**
 * A Calico `projectcalico.org/v3` GlobalNetworkPolicy.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoGlobalNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: GlobalNetworkPolicySpec;

  constructor(scope: Construct, id: string, props: CalicoGlobalNetworkPolicyProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkPolicy', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
