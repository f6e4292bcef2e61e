import { Construct } from 'constructs';
import { CalicoHostEndpoint } from '../l1';
import { IBM_ROLE_LABEL, WORKER_PRIVATE, WORKER_PUBLIC } from './roles';
import { WorkerNode } from './worker-node';

/**
 * The host endpoint IKS creates for a worker's public interface: `<node>-worker-public`, label
 * `ibm.role: worker_public`, the public interface and the public IP.
 */
export function publicHostEndpoint(scope: Construct, node: WorkerNode): CalicoHostEndpoint {
  return new CalicoHostEndpoint(scope, `${node.name}-worker-public`, {
    metadata: { name: `${node.name}-worker-public`, labels: { [IBM_ROLE_LABEL]: WORKER_PUBLIC } },
    spec: { node: node.name, interfaceName: node.publicInterface, expectedIPs: [node.publicIp] },
  });
}

/**
 * The host endpoint for a worker's private interface: `<node>-worker-private`, label
 * `ibm.role: worker_private`, the private interface and the private IP (the shape of IBM's
 * `generic-privatehostendpoint.yaml`).
 */
export function privateHostEndpoint(scope: Construct, node: WorkerNode): CalicoHostEndpoint {
  return new CalicoHostEndpoint(scope, `${node.name}-worker-private`, {
    metadata: { name: `${node.name}-worker-private`, labels: { [IBM_ROLE_LABEL]: WORKER_PRIVATE } },
    spec: { node: node.name, interfaceName: node.privateInterface, expectedIPs: [node.privateIp] },
  });
}

/** Throws when two nodes share a name (their host endpoints would collide). */
export function requireDistinctNodes(path: string, field: string, nodes: WorkerNode[]): void {
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (seen.has(n.name)) {
      throw new Error(`${path}: ${field}[${i}]: duplicate node name ${JSON.stringify(n.name)}; allowed: each node once`);
    }
    seen.add(n.name);
  });
}
