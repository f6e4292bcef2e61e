import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, FelixConfigurationSpec } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoFelixConfiguration}. */
export interface CalicoFelixConfigurationProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: FelixConfigurationSpec;
}

/**
 * A Calico `projectcalico.org/v3` FelixConfiguration.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoFelixConfiguration extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: FelixConfigurationSpec;

  constructor(scope: Construct, id: string, props: CalicoFelixConfigurationProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'FelixConfiguration', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'FelixConfiguration', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
