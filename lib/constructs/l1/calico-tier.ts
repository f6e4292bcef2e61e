import { Construct } from 'constructs';
import { CALICO_API_VERSION, NetsecResource, TierSpec } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoTier}. */
export interface CalicoTierProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: TierSpec;
}

/**
 * A Calico `projectcalico.org/v3` Tier.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoTier extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: TierSpec;

  constructor(scope: Construct, id: string, props: CalicoTierProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'Tier', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'Tier', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
