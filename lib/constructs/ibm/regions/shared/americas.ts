/**
 * Address lists that IBM writes identically into the isolation policies of several regions of the
 * Americas (IBM-Cloud/kube-samples `calico-policies/`, commit 7057ed01e998): br-sao reuses us-south's
 * (US South) lists, ca-tor reuses us-east's (US East) lists, and the four share the US registry
 * nets. The lists are frozen.
 */

/**
 * The three subnets of IBM's "IBM Cloud Container Registry: US South & US East nets for your own
 * registry" (public). us-east and us-south list them before {@link US_REGISTRY_PUBLIC_HOSTS};
 * br-sao and ca-tor list them inside their own combined registry list.
 */
export const US_REGISTRY_PUBLIC_SUBNETS: readonly string[] = Object.freeze([
  '169.61.46.80/29',
  '169.61.135.160/29',
  '169.61.234.224/29',
]);

/** The six hosts of IBM's "US South & US East nets for your own registry" (public), in us-east's and us-south's order. */
export const US_REGISTRY_PUBLIC_HOSTS: readonly string[] = Object.freeze([
  '103.41.70.137/32',
  '103.41.70.138/32',
  '103.41.70.140/32',
  '103.41.70.145/32',
  '103.41.70.146/32',
  '103.41.70.148/32',
]);

/**
 * The same six hosts as {@link US_REGISTRY_PUBLIC_HOSTS}, in the order IBM writes them at the end of
 * br-sao's and ca-tor's public registry lists.
 */
export const US_REGISTRY_PUBLIC_HOSTS_SAO_TOR_ORDER: readonly string[] = Object.freeze([
  '103.41.70.140/32',
  '103.41.70.138/32',
  '103.41.70.137/32',
  '103.41.70.148/32',
  '103.41.70.146/32',
  '103.41.70.145/32',
]);

/**
 * IBM: "IBM Cloud Container Registry: US South registry subnets" (private; us-south, us-east, and
 * the first three entries of br-sao's and ca-tor's combined lists).
 */
export const US_SOUTH_REGISTRY_PRIVATE: readonly string[] = Object.freeze([
  '166.9.250.214/32',
  '166.9.250.246/32',
  '166.9.251.21/32',
]);

/** IBM: "IBM Cloud Monitoring with Sysdig: br-sao" (public; br-sao, and us-south as "br-sao subnets"). */
export const BR_SAO_MONITORING_PUBLIC: readonly string[] = Object.freeze([
  '163.107.66.98/32',
  '163.109.67.242/32',
  '169.57.141.43/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US South nets" (public; us-south, br-sao). */
export const US_SOUTH_LOGGING_PUBLIC: readonly string[] = Object.freeze([
  '169.47.224.74/32',
  '169.47.224.77/32',
  '169.48.237.107/32',
  '169.48.237.109/32',
  '169.60.166.44/32',
  '169.60.166.45/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US South nets", syslog over TCP (private; us-south, br-sao). */
export const US_SOUTH_SYSLOG_TCP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.12.15/32',
  '166.9.14.5/32',
  '166.9.16.14/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US South nets", syslog over UDP (private; us-south, br-sao). */
export const US_SOUTH_SYSLOG_UDP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.12.16/32',
  '166.9.14.6/32',
  '166.9.16.15/32',
]);

/** IBM: "IBM Cloud Monitoring with Sysdig: ca-tor" (public; ca-tor, and us-east as "ca-tor subnets"). */
export const CA_TOR_MONITORING_PUBLIC: readonly string[] = Object.freeze([
  '163.74.69.186/32',
  '158.85.94.130/32',
  '163.75.65.237/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US East nets" (public; us-east, ca-tor). */
export const US_EAST_LOGGING_PUBLIC: readonly string[] = Object.freeze([
  '169.47.43.67/32',
  '169.47.52.83/32',
  '169.60.95.75/32',
  '169.61.65.235/32',
  '169.62.55.212/32',
  '169.63.163.51/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US East nets", syslog over TCP (private; us-east, ca-tor). */
export const US_EAST_SYSLOG_TCP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.20.76/32',
  '166.9.22.38/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: US East nets", syslog over UDP (private; us-east, ca-tor). */
export const US_EAST_SYSLOG_UDP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.20.77/32',
  '166.9.22.39/32',
]);
