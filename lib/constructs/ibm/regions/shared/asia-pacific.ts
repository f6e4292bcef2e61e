/**
 * Address lists that IBM writes identically into the isolation policies of several Asia Pacific
 * regions (IBM-Cloud/kube-samples `calico-policies/`, commit 7057ed01e998): jp-osa reuses jp-tok's
 * (AP North) lists, and jp-tok, jp-osa and au-syd share the AP South registry nets. The lists are
 * frozen.
 */

/**
 * The six subnets of IBM's "IBM Cloud Container Registry: AP North, AP South nets for your own
 * registry" (public): AP North's three, then AP South's three (au-syd lists AP South's in another
 * order). jp-tok and jp-osa.
 */
export const AP_NORTH_SOUTH_REGISTRY_PUBLIC_SUBNETS: readonly string[] = Object.freeze([
  '128.168.71.64/29',
  '161.202.146.80/29',
  '165.192.71.216/29',
  '130.198.88.128/29',
  '135.90.66.48/29',
  '168.1.1.240/29',
]);

/** The six hosts of IBM's "IBM Cloud Container Registry: AP South nets for your own registry" (public; au-syd, jp-tok, jp-osa). */
export const AP_SOUTH_REGISTRY_PUBLIC_HOSTS: readonly string[] = Object.freeze([
  '103.41.70.135/32',
  '103.41.70.139/32',
  '103.41.70.141/32',
  '103.41.70.142/32',
  '103.41.70.157/32',
  '103.41.70.158/32',
]);

/**
 * The hosts of IBM's "AP North, AP South nets for your own registry" (public): AP North's three,
 * then {@link AP_SOUTH_REGISTRY_PUBLIC_HOSTS}. jp-tok and jp-osa.
 */
export const AP_NORTH_SOUTH_REGISTRY_PUBLIC_HOSTS: readonly string[] = Object.freeze([
  '103.41.70.143/32',
  '103.41.70.151/32',
  '103.41.70.155/32',
  ...AP_SOUTH_REGISTRY_PUBLIC_HOSTS,
]);

/** AP North's part of IBM's "IBM Cloud Container Registry: AP North, AP South registry subnets" (private; jp-tok, jp-osa). */
export const AP_NORTH_REGISTRY_PRIVATE: readonly string[] = Object.freeze([
  '166.9.249.104/32',
  '166.9.249.157/32',
  '166.9.249.168/32',
]);

/** IBM: "IBM Cloud Container Registry: AP South registry subnets" (private; au-syd, jp-tok, jp-osa). */
export const AP_SOUTH_REGISTRY_PRIVATE: readonly string[] = Object.freeze([
  '166.9.244.106/32',
  '166.9.244.136/32',
  '166.9.244.170/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: AP North nets" (public; jp-tok, jp-osa). */
export const AP_NORTH_LOGGING_PUBLIC: readonly string[] = Object.freeze([
  '128.168.70.51/32',
  '128.168.70.53/32',
  '161.202.67.2/32',
  '161.202.93.253/32',
  '165.192.69.122/32',
  '165.192.71.226/32',
  '169.38.128.164/32',
  '169.38.82.170/32',
  '169.56.70.102/32',
  '169.56.70.98/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: JP Tok nets", syslog over TCP (private; jp-tok, jp-osa). */
export const JP_TOK_SYSLOG_TCP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.40.23/32',
  '166.9.42.26/32',
  '166.9.46.8/32',
  '166.9.60.9/32',
]);

/** IBM: "IBM Log Analysis with LogDNA: JP Tok nets", syslog over UDP (private; jp-tok, jp-osa). */
export const JP_TOK_SYSLOG_UDP_PRIVATE: readonly string[] = Object.freeze([
  '166.9.40.24/32',
  '166.9.42.27/32',
  '166.9.46.9/32',
  '166.9.60.10/32',
]);
