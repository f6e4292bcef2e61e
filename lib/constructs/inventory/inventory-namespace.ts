import { Construct } from 'constructs';
import { INVENTORY_ANNOTATION, StringMap } from '../../model/resources';
import { checkDns1123Label } from '../vocabulary/names';
import { K8S_NAMESPACE_NAME_LABEL as NAMESPACE_NAME_LABEL } from '../../model/resources';
import { ClusterScopedObject } from './cluster-scoped-object';
import { checkedLabels } from './labels';

/** Props of {@link InventoryNamespace}. */
export interface InventoryNamespaceProps {
  /** The namespace name (a DNS-1123 label). */
  readonly name: string;
  /**
   * Labels of the namespace. `kubernetes.io/metadata.name` is always set to `name`, as the API
   * server does, so that `Peer.namespace(name)` selects it.
   * @default - none besides kubernetes.io/metadata.name
   */
  readonly labels?: StringMap;
}

/**
 * A namespace of the cluster, declared as inventory so that the synthesised output alone is
 * enough for `netsec check`, `netsec table` and `netsec plan` (namespace selectors need the
 * namespace's labels).
 *
 * Emits a `v1 Namespace` shaped like `kubectl get namespace -o yaml` output, annotated
 * `netsec.io/inventory: "true"`: NetsecApp writes it to `inventory/<chart>.inventory.yaml`, not to the files
 * you apply. It never carries a namespace, whatever the chart's namespace.
 */
export class InventoryNamespace extends Construct {
  /** The namespace name. */
  public readonly name: string;
  /** The namespace labels, including `kubernetes.io/metadata.name`. */
  public readonly labels: StringMap;

  constructor(scope: Construct, id: string, props: InventoryNamespaceProps) {
    super(scope, id);
    const path = this.node.path;
    checkDns1123Label(path, 'name', props.name);
    const labels = checkedLabels(path, 'labels', props.labels);
    const given = labels[NAMESPACE_NAME_LABEL];
    if (given !== undefined && given !== props.name) {
      throw new Error(`${path}: labels.${NAMESPACE_NAME_LABEL}: ${JSON.stringify(given)} differs from the name `
        + `${JSON.stringify(props.name)}; allowed: the namespace name (or leave it out: it is set for you)`);
    }
    this.name = props.name;
    this.labels = { ...labels, [NAMESPACE_NAME_LABEL]: props.name };
    new ClusterScopedObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: this.name, labels: this.labels, annotations: { [INVENTORY_ANNOTATION]: 'true' } },
    });
  }
}
