import { Construct } from 'constructs';
import { emitPolicies } from './emit';
import { publicIsolationSet } from './isolation/public-set';
import { IbmRegion, requireRegionFacts } from './region';

/** Props of {@link IbmPublicNetworkIsolation}. */
export interface IbmPublicNetworkIsolationProps {
  /** The cluster's region: its master and service addresses go into the policies. */
  readonly region: IbmRegion;
  /** Emit `allow-public-services` (workers reach IBM Cloud services; managed Istio ingress). @default false */
  readonly publicServices?: boolean;
  /** Emit `allow-public-services-pods` (pods reach IBM Cloud services). @default false */
  readonly publicServicesPods?: boolean;
  /** Emit `kube-system/allow-k8s-master-to-dashboard-via-vpn` (Kubernetes clusters only). @default true */
  readonly kubernetesDashboard?: boolean;
  /**
   * Emit the OpenShift-only policies `kube-system/allow-kube-system-to-olm`,
   * `openshift-ingress/allow-openshift-console` and `openshift-monitoring/allow-openshift-metrics`.
   * @default false
   */
  readonly openShift?: boolean;
}

/**
 * IBM's public network isolation policy set for a region (IBM-Cloud/kube-samples
 * `calico-policies/public-network-isolation/<region>/`): worker egress on the public interface is
 * limited to what the cluster needs, then `deny-all-outbound-public` (order 1850) denies the rest
 * before IKS's default `allow-all-outbound` (1900). Works together with {@link WorkerNodeDefaults}.
 *
 * Always emitted: `allow-egress-pods-public`, `allow-ibm-ports-public`,
 * `allow-public-service-endpoint`, `deny-all-outbound-public` and `kube-system/allow-konnectivity`.
 * The output equals IBM's documents as data (kinds, names, namespaces, orders, selectors, types
 * and rules in IBM's order).
 */
export class IbmPublicNetworkIsolation extends Construct {
  /** Names (`<namespace>/<name>` for namespaced ones) of the policies emitted. */
  public readonly policyNames: string[];

  constructor(scope: Construct, id: string, props: IbmPublicNetworkIsolationProps) {
    super(scope, id);
    const facts = requireRegionFacts(this.node.path, 'region', props.region);
    const templates = publicIsolationSet(facts, props);
    emitPolicies(this, templates);
    this.policyNames = templates.map(t => (t.namespace ? `${t.namespace}/${t.name}` : t.name));
  }
}
