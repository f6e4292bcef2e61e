// Every address of the lab. Only documentation ranges (RFC 5737), so that the kernel tests can
// build the lab for real: public IPs from 203.0.113.0/24, private IPs from 198.51.100.0/24, pod
// IPs from 192.0.2.0/24.

/** One worker of the lab. */
export interface LabWorker {
  readonly name: string;
  readonly publicIp: string;
  readonly privateIp: string;
  /** The worker's pod address block (Calico IPAM gives each node its own block). */
  readonly podBlock: string;
}

/** The three workers. Each has a /26 of pod addresses, as Calico IPAM's per-node blocks. */
export const LAB_WORKERS: readonly LabWorker[] = [
  { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11', podBlock: '192.0.2.0/26' },
  { name: 'worker-2', publicIp: '203.0.113.12', privateIp: '198.51.100.12', podBlock: '192.0.2.64/26' },
  { name: 'worker-3', publicIp: '203.0.113.13', privateIp: '198.51.100.13', podBlock: '192.0.2.128/26' },
];

/** The pods' range: the lab's IPPool (IBM classic clusters use 172.30.0.0/16; the lab keeps to documentation addresses). */
export const POD_CIDR = '192.0.2.0/24';

/** The admins' network on the private side: the only source SSH is allowed from. */
export const ADMIN_CIDR = '198.51.100.128/25';

/** A block of the internet the guestbook must never talk to (in or out). */
export const DENIED_CIDR = '203.0.113.224/27';

/** The NodePort the frontend is published on (inside the NodePort range 30000-32767). */
export const FRONTEND_NODE_PORT = 30080;

/**
 * The frontend's IBM classic LoadBalancer address: a portable public IP, held by keepalived on one
 * edge worker and moved between them with VRRP (the `allow-vrrp` policy lets VRRP through).
 */
export const FRONTEND_LB_IP = '203.0.113.50';

/**
 * The backend Service's cluster IP (kube-apiserver allocates one from the service range when none is
 * given; the lab fixes it so that its checks and kernel tests can name it).
 */
export const BACKEND_CLUSTER_IP = '198.51.100.100';

/** The guestbook's namespace. */
export const GUESTBOOK_NAMESPACE = 'guestbook';

/** A block of the internet no pod may send to (the platform's guardrail, Admin tier), except its delegated part. */
export const GUARDED_CIDR = '203.0.113.128/26';

/** The part of {@link GUARDED_CIDR} the platform hands down to the namespace owners (Pass). */
export const DELEGATED_CIDR = '203.0.113.128/28';
