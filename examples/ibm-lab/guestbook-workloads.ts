import { Construct } from 'constructs';
import {
  ExternalTrafficPolicy, IntOrString, InventoryNamespace, InventoryPod, KubeService, LoadBalancerService, NodePortService, Port, WorkerNode,
} from '../../lib';
import { BACKEND_CLUSTER_IP, FRONTEND_LB_IP, FRONTEND_NODE_PORT, GUESTBOOK_NAMESPACE } from './addresses';

/** One guestbook tier: its label, its named port and where its pods run. */
interface Tier {
  readonly tier: string;
  readonly portName: string;
  readonly port: number;
  /** [pod name, worker index, pod IP] for each pod. */
  readonly pods: readonly (readonly [string, number, string])[];
}

/** The guestbook's pods, spread over the three workers (IPs from each worker's pod block). */
const TIERS: readonly Tier[] = [
  { tier: 'frontend', portName: 'http', port: 8080, pods: [['frontend-1', 0, '192.0.2.10'], ['frontend-2', 1, '192.0.2.74']] },
  { tier: 'backend', portName: 'api', port: 9000, pods: [['backend-1', 0, '192.0.2.11'], ['backend-2', 2, '192.0.2.138']] },
  { tier: 'db', portName: 'postgres', port: 5432, pods: [['db-0', 1, '192.0.2.75']] },
];

/**
 * What runs in the cluster, for the engine: the guestbook namespace and its pods as inventory
 * (`inventory/<chart>.inventory.yaml`, not applied), plus the frontend's NodePort Service (applied), which
 * publishes the frontend's `http` port on every worker at {@link FRONTEND_NODE_PORT}, and its
 * LoadBalancer Service `frontend-lb` (applied) with its address {@link FRONTEND_LB_IP} (inventory), and
 * the backend's ClusterIP Service `backend` (applied) at {@link BACKEND_CLUSTER_IP}, port 80 to the
 * backend's `api` port, which the frontend calls.
 */
export function labGuestbookWorkloads(scope: Construct, nodes: WorkerNode[]): void {
  new InventoryNamespace(scope, 'guestbook-namespace', { name: GUESTBOOK_NAMESPACE, labels: { app: 'guestbook' } });
  for (const t of TIERS) {
    for (const [name, worker, ip] of t.pods) {
      new InventoryPod(scope, `pod-${name}`, {
        name, namespace: GUESTBOOK_NAMESPACE, node: nodes[worker], ip,
        labels: { app: 'guestbook', tier: t.tier },
        containerName: t.tier,
        ports: [{ name: t.portName, containerPort: t.port }],
      });
    }
  }
  new NodePortService(scope, 'frontend-service', {
    name: 'frontend',
    namespace: GUESTBOOK_NAMESPACE,
    labels: { app: 'guestbook', tier: 'frontend' },
    selector: { app: 'guestbook', tier: 'frontend' },
    ports: [{ name: 'http', port: Port.tcp(80), targetPort: IntOrString.fromString('http'), nodePort: FRONTEND_NODE_PORT }],
    // Local: the pod sees the client's own address (no SNAT), so address-based policies hold.
    externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
  });
  // The public entrance: an IBM classic LoadBalancer for the same pods. Its address is the cloud's
  // to assign, so it is inventory (status.loadBalancer.ingress); requestAddress asks for it.
  new LoadBalancerService(scope, 'frontend-lb-service', {
    name: 'frontend-lb',
    namespace: GUESTBOOK_NAMESPACE,
    labels: { app: 'guestbook', tier: 'frontend' },
    selector: { app: 'guestbook', tier: 'frontend' },
    ports: [{ name: 'http', port: Port.tcp(80), targetPort: IntOrString.fromString('http') }],
    externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    address: FRONTEND_LB_IP,
    requestAddress: true,
  });
  // Inside the cluster: the frontend reaches the backend by its Service; kube-proxy DNATs the
  // cluster IP and port 80 to a backend pod's api port (9000), which is what the policies see.
  new KubeService(scope, 'backend-service', {
    metadata: { name: 'backend', namespace: GUESTBOOK_NAMESPACE, labels: { app: 'guestbook', tier: 'backend' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: BACKEND_CLUSTER_IP,
      selector: { app: 'guestbook', tier: 'backend' },
      ports: [{ name: 'api', protocol: 'TCP', port: 80, targetPort: 'api' }],
    },
  });
}
