import { Construct } from 'constructs';
import { StringMap } from '../../model/resources';
import { ClusterScopedObject } from '../inventory/cluster-scoped-object';
import { IWorkerNode } from '../inventory/inventory-pod';
import { INVENTORY_ANNOTATION, PRIVATE_INTERFACE_ANNOTATION, PUBLIC_INTERFACE_ANNOTATION } from './inventory';
import { requireInterfaceName, requireIp, requireNodeName } from '../vocabulary/require';

/** Props of {@link WorkerNode}. */
export interface WorkerNodeProps {
  /** The node name, as Kubernetes and Calico know it (`kubectl get nodes`, `calicoctl get nodes`). */
  readonly name: string;
  /** Labels of the Kubernetes Node. `kubernetes.io/hostname` is always set to `name`. @default - none besides kubernetes.io/hostname */
  readonly labels?: StringMap;
  /** The public network interface. @default 'eth1' (IBM Cloud classic workers) */
  readonly publicInterface?: string;
  /** The private network interface. @default 'eth0' (IBM Cloud classic workers) */
  readonly privateInterface?: string;
  /** The worker's public IP address (on `publicInterface`). */
  readonly publicIp: string;
  /** The worker's private IP address (on `privateInterface`). */
  readonly privateIp: string;
}

/**
 * A worker node of an IBM Cloud Kubernetes Service classic cluster, so that charts know their
 * nodes (host endpoints, iptables plans).
 *
 * It emits an inventory `v1 Node` object: `metadata.name`, the labels (with
 * `kubernetes.io/hostname`), the annotations `netsec.io/inventory: "true"` and the interface names
 * (`netsec.io/public-interface`, `netsec.io/private-interface`), and `status.addresses` with
 * `InternalIP` = private IP, `ExternalIP` = public IP and `Hostname` = name. The Node describes the
 * cluster; it is not meant to be applied.
 */
export class WorkerNode extends Construct implements IWorkerNode {
  /** The node name. */
  public readonly name: string;
  /** The node labels, including `kubernetes.io/hostname`. */
  public readonly labels: StringMap;
  /** The public interface name. */
  public readonly publicInterface: string;
  /** The private interface name. */
  public readonly privateInterface: string;
  /** The public IP address. */
  public readonly publicIp: string;
  /** The private IP address. */
  public readonly privateIp: string;

  constructor(scope: Construct, id: string, props: WorkerNodeProps) {
    super(scope, id);
    const path = this.node.path;
    requireNodeName(path, 'name', props.name);
    requireIp(path, 'publicIp', props.publicIp);
    requireIp(path, 'privateIp', props.privateIp);
    this.publicInterface = props.publicInterface ?? 'eth1';
    this.privateInterface = props.privateInterface ?? 'eth0';
    requireInterfaceName(path, 'publicInterface', this.publicInterface);
    requireInterfaceName(path, 'privateInterface', this.privateInterface);
    if (this.publicInterface === this.privateInterface) {
      throw new Error(`${path}: privateInterface: ${JSON.stringify(this.privateInterface)} is also the publicInterface; `
        + 'allowed: two different interface names (IBM: public eth1, private eth0)');
    }
    for (const [key, value] of Object.entries(props.labels ?? {})) {
      if (typeof value !== 'string') {
        throw new Error(`${path}: labels.${key}: invalid label value ${JSON.stringify(value)}; allowed: a string`);
      }
    }
    this.name = props.name;
    this.publicIp = props.publicIp;
    this.privateIp = props.privateIp;
    this.labels = { ...props.labels, 'kubernetes.io/hostname': props.name };

    new ClusterScopedObject(this, 'Node', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: this.name,
        labels: this.labels,
        annotations: {
          [INVENTORY_ANNOTATION]: 'true',
          [PUBLIC_INTERFACE_ANNOTATION]: this.publicInterface,
          [PRIVATE_INTERFACE_ANNOTATION]: this.privateInterface,
        },
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: this.privateIp },
          { type: 'ExternalIP', address: this.publicIp },
          { type: 'Hostname', address: this.name },
        ],
      },
    });
  }
}

