/**
 * The address lists of one IBM Cloud region that IBM's network isolation policies need.
 *
 * Everything else in those policies (ports, selectors, orders, the pod and service CIDRs) is the same
 * in every region and lives in the rule templates. The facts are data, one file per region
 * (`regions/<region>.json`), written by `scripts/ibm-regions.ts` from IBM-Cloud/kube-samples
 * `calico-policies/` (commit 7057ed01e998); list order is IBM's, because the policies reproduce
 * IBM's documents exactly.
 */
export interface IbmRegionFacts {
  /** The region name, e.g. `us-south`. */
  readonly name: string;
  /** Public IPs of the cluster masters of the region (public service endpoint). */
  readonly publicControlPlaneNets: string[];
  /** Private IPs of the cluster masters of the region (private service endpoint). */
  readonly privateControlPlaneNets: string[];
  /** Addresses of the master API server and etcd local proxy (port 443). */
  readonly masterProxyNets: string[];
  /** IBM Cloud classic infrastructure (SoftLayer) management subnets that must reach the workers. */
  readonly sysMgmtNets: string[];
  /** Public endpoints of IBM Cloud services (used by the optional `allow-public-services*` policies). */
  readonly publicServices: IbmPublicServiceNets;
  /** Private endpoints of IBM Cloud services (used by the optional `allow-private-services*` policies). */
  readonly privateServices: IbmPrivateServiceNets;
  /**
   * Lists that IBM writes in a different order in `allow-private-services-pods`; the addresses are
   * the same as in `privateServices`.
   * @default - the same order as `privateServices`
   */
  readonly privateServicesPodsOrder?: IbmPrivateServiceNetsOrder;
}

/** Public IBM Cloud service endpoints of a region. */
export interface IbmPublicServiceNets {
  /** IBM Cloud Container Registry (TCP 443 and 4443). */
  readonly registry: string[];
  /** IBM Cloud Monitoring (TCP 6443). */
  readonly monitoring: string[];
  /** IBM Log Analysis (TCP 443 and 80). */
  readonly logging: string[];
}

/** Private IBM Cloud service endpoints of a region. */
export interface IbmPrivateServiceNets {
  /** IBM Cloud Container Registry (TCP 443 and 4443). */
  readonly registry: string[];
  /** IBM Cloud Monitoring ingestion (TCP 6443). */
  readonly monitoringIngest: string[];
  /** IBM Cloud Monitoring REST API (TCP 443). */
  readonly monitoringApi: string[];
  /** IBM Log Analysis (TCP 80 and 443). */
  readonly logging: string[];
  /** IBM Log Analysis syslog over TCP (514 and 6514). */
  readonly loggingSyslogTcp: string[];
  /** IBM Log Analysis syslog over UDP (514). */
  readonly loggingSyslogUdp: string[];
}

/** Reordered copies of some private service lists, in the order of IBM's `allow-private-services-pods`. */
export interface IbmPrivateServiceNetsOrder {
  /**
   * The addresses of `privateServices.registry` in the pods policy's order.
   * @default - `privateServices.registry`
   */
  readonly registry?: string[];
  /**
   * The addresses of `privateServices.logging` in the pods policy's order.
   * @default - `privateServices.logging`
   */
  readonly logging?: string[];
}
