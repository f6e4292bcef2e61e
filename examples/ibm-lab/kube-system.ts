import { Construct } from 'constructs';
import { InventoryNamespace, InventoryPod, PortProtocol, WorkerNode } from '../../lib';

/**
 * The part of kube-system the guestbook depends on, as inventory: the namespace and one cluster
 * DNS pod (`k8s-app: kube-dns`, as IKS labels CoreDNS), so that the DNS egress the guestbook's
 * default deny keeps open can be checked.
 */
export function labKubeSystem(scope: Construct, nodes: WorkerNode[]): void {
  new InventoryNamespace(scope, 'kube-system-namespace', { name: 'kube-system' });
  new InventoryPod(scope, 'pod-coredns', {
    name: 'coredns-1', namespace: 'kube-system', node: nodes[2], ip: '192.0.2.130',
    labels: { 'k8s-app': 'kube-dns' }, containerName: 'coredns', serviceAccountName: 'coredns',
    ports: [
      { name: 'dns', containerPort: 53, protocol: PortProtocol.UDP },
      { name: 'dns-tcp', containerPort: 53, protocol: PortProtocol.TCP },
    ],
  });
}
