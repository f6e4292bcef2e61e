import { Construct } from 'constructs';
import { emitPolicies } from './emit';
import { privateHostEndpoint, requireDistinctNodes } from './host-endpoints';
import { privateIsolationSet } from './isolation/private-set';
import { IbmRegion, requireRegionFacts } from './region';
import { WorkerNode } from './worker-node';

/** Props of {@link IbmPrivateNetworkIsolation}. */
export interface IbmPrivateNetworkIsolationProps {
  /** The cluster's region: its master, management and service addresses go into the policies. */
  readonly region: IbmRegion;
  /** Emit `allow-private-services` (workers reach private IBM Cloud service endpoints). @default false */
  readonly privateServices?: boolean;
  /** Emit `allow-private-services-pods` (pods reach private IBM Cloud service endpoints). @default false */
  readonly privateServicesPods?: boolean;
  /**
   * OpenShift 3.11 clusters only: emit a private host endpoint `<node>-worker-private` for each of
   * these workers (IBM's `generic-privatehostendpoint.yaml`). On other clusters IKS creates them
   * (and so does `WorkerNodeDefaults` in the current generation: do not use both for one node).
   * @default - none
   */
  readonly openShift311HostEndpoints?: WorkerNode[];
}

/**
 * IBM's private network isolation policy set for a region (IBM-Cloud/kube-samples
 * `calico-policies/private-network-isolation/<region>/`): traffic on the workers' private
 * interface is limited to the cluster's own workers and pods, IBM infrastructure, DNS and the
 * master, and `deny-all-private-default` (order 99900) denies the rest.
 *
 * Always emitted: `allow-all-workers-private`, `allow-egress-pods-private`,
 * `allow-ibm-ports-private`, `allow-icmp-private`, `allow-private-service-endpoint`,
 * `allow-sys-mgmt-private`, `allow-vrrp-private` and `deny-all-private-default`. The output equals
 * IBM's documents as data.
 */
export class IbmPrivateNetworkIsolation extends Construct {
  /** Names of the policies emitted. */
  public readonly policyNames: string[];

  constructor(scope: Construct, id: string, props: IbmPrivateNetworkIsolationProps) {
    super(scope, id);
    const path = this.node.path;
    const facts = requireRegionFacts(path, 'region', props.region);
    const nodes = props.openShift311HostEndpoints ?? [];
    requireDistinctNodes(path, 'openShift311HostEndpoints', nodes);
    const templates = privateIsolationSet(facts, props);
    for (const node of nodes) privateHostEndpoint(this, node);
    emitPolicies(this, templates);
    this.policyNames = templates.map(t => t.name);
  }
}
