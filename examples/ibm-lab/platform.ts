import { Construct } from 'constructs';
import {
  AllowSsh, IbmPublicNetworkIsolation, IbmRegion, Port, RestrictNodePorts, WorkerNode, WorkerNodeDefaults,
} from '../../lib';
import { ADMIN_CIDR, FRONTEND_NODE_PORT } from './addresses';

/**
 * The cluster-wide layer, in the order IBM's docs teach it:
 *
 * 1. `WorkerNodeDefaults`: the host endpoints and default policies IKS creates (current
 *    generation), and the FelixConfiguration whose failsafe ports leave SSH out.
 * 2. `AllowSsh`: SSH only on the private interface, only from the admins' network.
 * 3. `IbmPublicNetworkIsolation` for us-south: the workers' public egress limited to what the
 *    cluster needs.
 * 4. `RestrictNodePorts`: the public NodePort range closed (preDNAT) except the frontend's.
 */
export function labPlatform(scope: Construct, nodes: WorkerNode[]): void {
  new WorkerNodeDefaults(scope, 'defaults', { nodes });
  new AllowSsh(scope, 'allow-ssh-admin', { sourceCidrs: [ADMIN_CIDR] });
  new IbmPublicNetworkIsolation(scope, 'public-isolation', { region: IbmRegion.US_SOUTH });
  new RestrictNodePorts(scope, 'deny-nodeports', { allowedPorts: [Port.tcp(FRONTEND_NODE_PORT)] });
}
