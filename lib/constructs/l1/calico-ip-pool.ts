import { Construct } from 'constructs';
import { CALICO_API_VERSION, IpPoolSpec, NetsecResource } from '../../model/resources';
import { ClusterResourceMetadata } from './metadata';
import { NetsecApiObject } from './netsec-api-object';

/** Props of {@link CalicoIpPool}. */
export interface CalicoIpPoolProps {
  /** Name and labels of the resource. */
  readonly metadata: ClusterResourceMetadata;
  /** The resource spec, as typed model data. */
  readonly spec: IpPoolSpec;
}

/**
 * A Calico `projectcalico.org/v3` IPPool: the range pods take addresses from, its encapsulation
 * (`ipipMode`, `vxlanMode`) and `natOutgoing`. A pool with ipipMode other than Never turns on the
 * IP-in-IP host rules in every node's plan, a pool with vxlanMode other than Never the VXLAN host
 * rules of its IP version; natOutgoing adds the masquerade rule to
 * every node's nat table.
 *
 * Cluster-scoped: never carries a namespace, even in a chart that has one.
 */
export class CalicoIpPool extends NetsecApiObject {
  /** The resource spec as given. */
  public readonly spec: IpPoolSpec;

  constructor(scope: Construct, id: string, props: CalicoIpPoolProps) {
    super(scope, id, { apiVersion: CALICO_API_VERSION, kind: 'IPPool', clusterScoped: true, metadata: props.metadata });
    this.spec = props.spec;
  }

  /** The resource as typed model data, with its final metadata. */
  public toResource(): NetsecResource {
    return { apiVersion: CALICO_API_VERSION, kind: 'IPPool', metadata: this.resourceMetadata(), spec: this.spec };
  }
}
