/** Where a NodePort or LoadBalancer Service sends traffic that arrives from outside the cluster. */
export enum ExternalTrafficPolicy {
  /**
   * Any ready backend of the cluster; traffic forwarded to another node is SNATed to the arrival
   * node's address, so the backend sees the node, not the client (Kubernetes' default).
   */
  CLUSTER = 'Cluster',
  /**
   * Only the arrival node's own backends (nodes without one drop the traffic); the backend sees
   * the client's address, so address-based policies hold.
   */
  LOCAL = 'Local',
}
