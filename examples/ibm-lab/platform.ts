import { Construct } from 'constructs';
import {
  AllowSsh, CalicoIpPool, IbmPublicNetworkIsolation, IbmRegion, Port, RestrictNodePorts, WorkerNode, WorkerNodeDefaults,
} from '../../lib';
import { ADMIN_CIDR, FRONTEND_NODE_PORT, POD_CIDR } from './addresses';

/**
 * The cluster-wide layer, in the order IBM's docs teach it:
 *
 * 1. `WorkerNodeDefaults`: the host endpoints and default policies IKS creates (current
 *    generation), and the FelixConfiguration whose failsafe ports leave SSH out.
 * 2. `AllowSsh`: SSH only on the private interface, only from the admins' network.
 * 3. `IbmPublicNetworkIsolation` for us-south: the workers' public egress limited to what the
 *    cluster needs.
 * 4. `RestrictNodePorts`: the public NodePort range closed (preDNAT) except the frontend's.
 * 5. The pods' IPPool as IBM classic clusters have it: IP-in-IP always, outgoing NAT. Its ipipMode
 *    puts Felix's IP-in-IP host rules in every worker's plan (accept from the workers, drop the rest).
 */
export function labPlatform(scope: Construct, nodes: WorkerNode[]): void {
  new WorkerNodeDefaults(scope, 'defaults', { nodes });
  new AllowSsh(scope, 'allow-ssh-admin', { sourceCidrs: [ADMIN_CIDR] });
  new IbmPublicNetworkIsolation(scope, 'public-isolation', { region: IbmRegion.US_SOUTH });
  new RestrictNodePorts(scope, 'deny-nodeports', { allowedPorts: [Port.tcp(FRONTEND_NODE_PORT)] });
  new CalicoIpPool(scope, 'pod-pool', {
    metadata: { name: 'default-ipv4-ippool' },
    spec: { cidr: POD_CIDR, ipipMode: 'Always', natOutgoing: true, blockSize: 26, nodeSelector: 'all()' },
  });
}
