/**
 * Address lists that IBM writes identically into the isolation policies of every region
 * (IBM-Cloud/kube-samples `calico-policies/`, commit 7057ed01e998). The region records spread them
 * into their own arrays; the lists here are frozen.
 */

/**
 * The IBM Cloud infrastructure management subnets that IBM requires in every cluster, whatever the
 * region: IBM's "Required nets for all clusters: dal01, dal10, wdc04", the first four entries of
 * `allow-sys-mgmt-private` in every region. IBM does not publish the nets of its default
 * `allow-sys-mgmt`; these are the only management subnets IBM publishes as needed everywhere, so
 * they are the default of `WorkerNodeDefaults`.
 */
export const IKS_REQUIRED_SYS_MGMT_CIDRS: readonly string[] = Object.freeze([
  '10.0.64.0/19',
  '10.200.80.0/20',
  '10.3.160.0/20',
  '10.201.0.0/20',
]);

/** Master proxy address (`allow-ibm-ports-*`, port 443). IBM: "For clusters created <3 years ago". */
export const MASTER_PROXY_IP = '172.21.0.1/32';

/**
 * Master proxy address of older clusters. IBM: "For clusters created >3 years ago"; listed only in
 * the regions that had clusters then.
 */
export const MASTER_PROXY_LEGACY_IP = '10.10.10.1/32';

/** Public registry nets, IBM's "IBM Cloud Container Registry: Global registry" (every region). */
export const GLOBAL_REGISTRY_PUBLIC: readonly string[] = Object.freeze([
  '169.60.98.80/29',
  '169.62.37.240/29',
  '169.63.104.232/29',
  '169.47.153.160/28',
  '103.41.69.127/32',
  '103.41.69.114/32',
  '103.41.69.115/32',
]);

/**
 * Private registry subnets, IBM's "IBM Cloud Container Registry: Global (US East) registry subnets"
 * (every region; jp-osa's `allow-private-services` lists them in another order).
 */
export const GLOBAL_REGISTRY_PRIVATE: readonly string[] = Object.freeze([
  '166.9.251.49/32',
  '166.9.251.82/32',
  '166.9.251.113/32',
]);
