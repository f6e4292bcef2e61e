import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, CalicoPolicySpec } from '../../model/resources';
import { NamespacedResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoNetworkPolicy}. */
export interface CalicoNetworkPolicyProps {
  /** Name, namespace and labels of the resource. */
  readonly metadata: NamespacedResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: CalicoPolicySpec;
}

/**
 * A Calico `projectcalico.org/v3` NetworkPolicy.
 *
 * Namespaced: takes the chart's namespace when metadata.namespace is omitted.
 */
export class CalicoNetworkPolicy extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: CalicoPolicySpec;

  constructor(scope: Construct, id: string, props: CalicoNetworkPolicyProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'NetworkPolicy', clusterScoped: false, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'NetworkPolicy', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
