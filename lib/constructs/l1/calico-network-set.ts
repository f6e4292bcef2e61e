import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, NetworkSetSpec } from '../../model/resources';
import { NamespacedResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoNetworkSet}. */
export interface CalicoNetworkSetProps {
  /** Name, namespace and labels of the resource. */
  readonly metadata: NamespacedResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: NetworkSetSpec;
}

/**
 * A Calico `projectcalico.org/v3` NetworkSet.
 *
 * Namespaced: takes the chart's namespace when metadata.namespace is omitted.
 */
export class CalicoNetworkSet extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: NetworkSetSpec;

  constructor(scope: Construct, id: string, props: CalicoNetworkSetProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'NetworkSet', clusterScoped: false, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'NetworkSet', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
