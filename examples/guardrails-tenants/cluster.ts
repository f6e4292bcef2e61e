import { Construct } from 'constructs';
import { InventoryNamespace, InventoryPod, PortProtocol, WorkerNode } from '../../lib';

/** The tenant label of the namespaces, and the tenants. */
export const TENANT_LABEL = 'tenant';
export const TENANTS = ['a', 'b', 'c'];

/** The pods of the example, with their addresses (192.0.2.0/24, documentation addresses). */
export const PODS = {
  webA: { namespace: 'tenant-a', name: 'web-a', ip: '192.0.2.10', labels: { app: 'web' } },
  apiB: { namespace: 'tenant-b', name: 'api-b', ip: '192.0.2.20', labels: { app: 'api' } },
  jobC: { namespace: 'tenant-c', name: 'job-c', ip: '192.0.2.30', labels: { app: 'job' } },
  prometheus: { namespace: 'monitoring', name: 'prometheus-0', ip: '192.0.2.40', labels: { app: 'prometheus' } },
  coredns: { namespace: 'kube-system', name: 'coredns-1', ip: '192.0.2.50', labels: { 'k8s-app': 'kube-dns' } },
} as const;

/**
 * The cluster as inventory: one worker, the namespaces `tenant-a`, `tenant-b` and `tenant-c`
 * (label `tenant: a`, `b`, `c`), `monitoring` and `kube-system`, one pod in each.
 */
export function tenantsCluster(scope: Construct): void {
  const node = new WorkerNode(scope, 'worker-1', { name: 'worker-1', publicIp: '203.0.113.21', privateIp: '198.51.100.21' });
  for (const t of TENANTS) new InventoryNamespace(scope, `ns-tenant-${t}`, { name: `tenant-${t}`, labels: { [TENANT_LABEL]: t } });
  new InventoryNamespace(scope, 'ns-monitoring', { name: 'monitoring' });
  new InventoryNamespace(scope, 'ns-kube-system', { name: 'kube-system' });
  for (const [id, p] of Object.entries(PODS)) {
    new InventoryPod(scope, `pod-${id}`, {
      name: p.name, namespace: p.namespace, ip: p.ip, labels: { ...p.labels }, node,
      ports: id === 'coredns'
        ? [{ name: 'dns', containerPort: 53, protocol: PortProtocol.UDP }, { name: 'dns-tcp', containerPort: 53, protocol: PortProtocol.TCP }]
        : [{ name: 'http', containerPort: 8080 }],
    });
  }
}
