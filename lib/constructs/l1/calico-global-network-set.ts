import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, NetworkSetSpec } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoGlobalNetworkSet}. */
export interface CalicoGlobalNetworkSetProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: NetworkSetSpec;
}

/**
 * A Calico `projectcalico.org/v3` GlobalNetworkSet.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoGlobalNetworkSet extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: NetworkSetSpec;

  constructor(scope: Construct, id: string, props: CalicoGlobalNetworkSetProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkSet', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkSet', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
