import { Construct } from 'constructs';
import { WorkerNode } from '../../lib';
import { LAB_WORKERS } from './addresses';

/**
 * The three workers of the lab, as IBM Cloud classic workers: public interface eth1, private
 * interface eth0 (the WorkerNode defaults). Each emits an inventory Node.
 */
export function labNodes(scope: Construct): WorkerNode[] {
  return LAB_WORKERS.map((w) => new WorkerNode(scope, w.name, {
    name: w.name,
    publicIp: w.publicIp,
    privateIp: w.privateIp,
    labels: { 'ibm-cloud.kubernetes.io/worker-pool-name': 'default', 'topology.kubernetes.io/zone': 'dal10' },
  }));
}
