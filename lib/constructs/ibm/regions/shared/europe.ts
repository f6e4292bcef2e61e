/**
 * Address lists that IBM writes identically into the isolation policies of several European
 * regions (IBM-Cloud/kube-samples `calico-policies/`, commit 7057ed01e998). eu-es reuses most of
 * eu-de's (EU Central) service lists. Entry comments are IBM's; the lists are frozen.
 */

/** IBM: "Required net for clusters in Europe: ams01" (`allow-sys-mgmt-private` of eu-de, eu-es, eu-gb). */
export const EUROPE_SYS_MGMT: readonly string[] = Object.freeze([
  '10.2.64.0/20',
]);

/** IBM: "Nets for EU Central zones" (`allow-sys-mgmt-private` of eu-de and eu-es). */
export const EU_CENTRAL_SYS_MGMT: readonly string[] = Object.freeze([
  '10.3.128.0/20', // ams03
  '10.3.80.0/20', // fra02
  '10.201.112.0/20', // fra04
  '10.201.128.0/20', // fra05
  '10.3.144.0/20', // mil01
  '10.2.144.0/20', // par01
  '10.200.96.0/20', // osl01
]);

/** IBM: "IBM Cloud Container Registry: EU Central nets for your own registry" (public; eu-de, eu-es). */
export const EU_CENTRAL_REGISTRY_PUBLIC: readonly string[] = Object.freeze([
  '149.81.79.152/29',
  '161.156.93.16/29',
  '169.50.58.104/29',
  '103.41.70.147/32',
  '103.41.70.149/32',
  '103.41.70.150/32',
  '103.41.70.153/32',
  '103.41.70.154/32',
  '103.41.70.156/32',
]);

/**
 * IBM Cloud Monitoring public endpoints of eu-de, the whole `monitoring` list of eu-de and eu-es:
 * IBM's "IBM Cloud Monitoring with Sysdig: eu-de" (https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints),
 * then "backup pools IBM Cloud Monitoring with Sysdig: EU Central nets".
 */
export const EU_DE_MONITORING_PUBLIC: readonly string[] = Object.freeze([
  '149.81.77.78/32',
  '161.156.102.206/32',
  '159.122.102.38/32',
  // backup pools
  '149.81.96.226/32',
  '149.81.96.229/32',
  '158.177.136.58/32',
  '158.177.136.59/32',
  '161.156.75.98/32',
  '161.156.75.99/32',
]);

/**
 * IBM: "IBM Log Analysis with LogDNA: EU Central nets", then "New IP addresses added on 1/19/2023"
 * (public; eu-de, eu-es; eu-de adds the CIDR blocks of 7/26/2023).
 */
export const EU_CENTRAL_LOGGING_PUBLIC: readonly string[] = Object.freeze([
  '149.81.86.66/32',
  '149.81.86.68/32',
  '158.177.129.34/32',
  '158.177.129.36/32',
  '161.156.89.11/32',
  '161.156.89.12/32',
  // New IP addresses added on 1/19/2023
  '158.177.133.235/32',
  '161.156.28.220/32',
  '149.81.169.206/32',
]);

/** IBM: "IBM Cloud Container Registry: EU Central registry subnets" (private; eu-de, eu-es). */
export const EU_CENTRAL_REGISTRY_PRIVATE: readonly string[] = Object.freeze([
  '166.9.248.76/32',
  '166.9.248.105/32',
  '166.9.248.136/32',
]);

/**
 * IBM: "IBM Cloud Monitoring ingest: eu-de", the first three entries
 * (https://cloud.ibm.com/docs/monitoring?topic=monitoring-endpoints#endpoints_ingestion_private).
 * eu-es lists them too: "The eu-de IPs were put here to support services in the eu-es region which
 * were available before Monitoring was deployed to eu-es".
 */
export const EU_DE_MONITORING_INGEST_PRIVATE: readonly string[] = Object.freeze([
  '166.9.28.71/32',
  '166.9.30.53/32',
  '166.9.32.51/32',
]);

/**
 * IBM: "IBM Log Analysis with LogDNA: eu-de" (https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-endpoints),
 * then "New IP addresses added on 1/20/2023" (private; eu-de, eu-es).
 */
export const EU_DE_LOGGING_PRIVATE: readonly string[] = Object.freeze([
  '166.9.28.2/32',
  '166.9.28.3/32',
  '166.9.30.231/32',
  '166.9.30.238/32',
  '166.9.32.21/32',
  '166.9.32.7/32',
  // New IP addresses added on 1/20/2023
  '166.9.30.45/32',
  '166.9.28.159/32',
  '166.9.32.117/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: EU DE nets", syslog over TCP (private; eu-de, eu-es). */
export const EU_DE_SYSLOG_TCP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.28.5/32',
  '166.9.32.23/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: EU DE nets", syslog over UDP (private; eu-de, eu-es). */
export const EU_DE_SYSLOG_UDP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.28.7/32',
  '166.9.32.24/32',
]);
