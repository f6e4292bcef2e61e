/**
 * Addresses and ports that are the same in every region's isolation set
 * (IBM-Cloud/kube-samples `calico-policies/`, commit 7057ed01e998).
 */

/** The master API server and etcd local proxy subnet (ports 2040-2041). */
export const LOCAL_PROXY_NET = '172.20.0.0/24';
/** The default classic pod CIDR. IBM: use the cluster's pod CIDR if it was customised. */
export const CLASSIC_POD_CIDR = '172.30.0.0/16';
/** The RFC 1918 private ranges that pods may not reach on the private network. */
export const RFC1918_NETS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
/** The local proxy port range. */
export const LOCAL_PROXY_PORTS = '2040:2041';
/** The port range the masters' service endpoints use towards workers and pods. */
export const MASTER_PORT_RANGE = '20000:32767';
