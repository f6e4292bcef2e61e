import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { INVENTORY_ANNOTATION, StringMap } from '../../model/resources';
import { requireIp } from '../vocabulary/require';
import { checkDns1123Label, checkDns1123Subdomain } from '../vocabulary/names';
import { InventoryContainerPort, checkedContainerPorts } from './container-port';
import { checkedLabels } from './labels';

/** The worker a pod runs on, as a `WorkerNode` gives it. */
export interface IWorkerNode {
  /** The Kubernetes node name (`spec.nodeName`). */
  readonly name: string;
  /** The node's private IP (`status.hostIP`). */
  readonly privateIp: string;
}

/** Props of {@link InventoryPod}. */
export interface InventoryPodProps {
  /** The pod name (a DNS-1123 subdomain). */
  readonly name: string;
  /** The pod's namespace (a DNS-1123 label); declare it with an `InventoryNamespace` too. */
  readonly namespace: string;
  /** The pod's labels, which policy selectors match. @default - none */
  readonly labels?: StringMap;
  /** The worker the pod runs on (`spec.nodeName`, and `status.hostIP` is its private IP). */
  readonly node: IWorkerNode;
  /** The pod's IP address (`status.podIP`). */
  readonly ip: string;
  /** The ports of the pod's container; named ones resolve `Port.named(..)` rules. @default - none */
  readonly ports?: InventoryContainerPort[];
  /** The container's name. @default 'main' */
  readonly containerName?: string;
  /** The container's image. @default - no image field */
  readonly image?: string;
  /** The pod's service account (`spec.serviceAccountName`). @default 'default' */
  readonly serviceAccountName?: string;
}

/**
 * A running pod of the cluster, declared as inventory so that the synthesised output alone is
 * enough for `netsec check`, `netsec table` and `netsec plan`: the engine makes it a Calico
 * workload endpoint with its labels, namespace, node, IP and named ports.
 *
 * Emits a `v1 Pod` shaped like `kubectl get pod -o yaml` output (`spec.nodeName`,
 * `spec.serviceAccountName`, one container with its `ports`, `status.phase: Running`,
 * `status.hostIP`, `status.podIP` and `status.podIPs`), annotated `netsec.io/inventory: "true"`:
 * NetsecApp writes it to `inventory/<chart>.inventory.yaml`, not to the files you apply.
 */
export class InventoryPod extends Construct {
  /** The pod name. */
  public readonly name: string;
  /** The pod's namespace. */
  public readonly namespace: string;
  /** The pod's labels. */
  public readonly labels: StringMap;
  /** The name of the worker the pod runs on. */
  public readonly nodeName: string;
  /** The pod's IP address. */
  public readonly ip: string;

  constructor(scope: Construct, id: string, props: InventoryPodProps) {
    super(scope, id);
    const path = this.node.path;
    checkDns1123Subdomain(path, 'name', props.name);
    checkDns1123Label(path, 'namespace', props.namespace);
    requireIp(path, 'ip', props.ip);
    const containerName = props.containerName ?? 'main';
    checkDns1123Label(path, 'containerName', containerName);
    const serviceAccountName = props.serviceAccountName ?? 'default';
    checkDns1123Subdomain(path, 'serviceAccountName', serviceAccountName);
    if (props.image !== undefined && props.image.trim() === '') {
      throw new Error(`${path}: image: empty image; allowed: an image reference, or leave it out`);
    }
    const ports = checkedContainerPorts(path, props.ports ?? []);
    this.name = props.name;
    this.namespace = props.namespace;
    this.labels = checkedLabels(path, 'labels', props.labels);
    this.nodeName = props.node.name;
    this.ip = props.ip;

    new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: this.name,
        namespace: this.namespace,
        ...(Object.keys(this.labels).length > 0 ? { labels: this.labels } : {}),
        annotations: { [INVENTORY_ANNOTATION]: 'true' },
      },
      spec: {
        nodeName: this.nodeName,
        serviceAccountName,
        containers: [{
          name: containerName,
          ...(props.image !== undefined ? { image: props.image } : {}),
          ...(ports.length > 0 ? { ports } : {}),
        }],
      },
      status: {
        phase: 'Running',
        hostIP: props.node.privateIp,
        podIP: this.ip,
        podIPs: [{ ip: this.ip }],
      },
    });
  }
}
