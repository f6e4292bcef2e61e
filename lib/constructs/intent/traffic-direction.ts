/** Which traffic of the target an intent governs. */
export enum TrafficDirection {
  /** Traffic coming into the target (the peer is the source). */
  INGRESS = 'INGRESS',
  /** Traffic leaving the target (the peer is the destination). */
  EGRESS = 'EGRESS',
  /** Both directions. */
  BOTH = 'BOTH',
}
