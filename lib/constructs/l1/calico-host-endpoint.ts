import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, HostEndpointSpec } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoHostEndpoint}. */
export interface CalicoHostEndpointProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: HostEndpointSpec;
}

/**
 * A Calico `projectcalico.org/v3` HostEndpoint.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoHostEndpoint extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: HostEndpointSpec;

  constructor(scope: Construct, id: string, props: CalicoHostEndpointProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'HostEndpoint', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'HostEndpoint', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
