/** Which set of IKS default host policies {@link WorkerNodeDefaults} reproduces. */
export enum WorkerNodeDefaultsGeneration {
  /**
   * The 2018 classic set: public host endpoints only, with `allow-all-outbound`, `allow-icmp`,
   * `allow-kubelet-port` (TCP 10250 in), `allow-node-port-dnat`, `allow-sys-mgmt` and `allow-vrrp`.
   */
  CLASSIC_2018 = 'CLASSIC_2018',
  /**
   * The current set: `allow-bigfix-port` (TCP 52311 in) instead of `allow-kubelet-port`, plus a
   * private-interface host endpoint per worker and `allow-all-private-default`.
   */
  CURRENT = 'CURRENT',
}
