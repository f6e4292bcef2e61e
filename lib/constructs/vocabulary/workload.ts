// A workload whose pods policies select or name as peers: the shape cdk8s-plus's workloads
// (Deployment, StatefulSet, DaemonSet, Job) have, so they are passed as they are.
import { ApiObjectMetadataDefinition } from 'cdk8s';
import { IConstruct } from 'constructs';
import { LabelSelectorRequirement } from '../../model/resources';
import { LabelSelector } from './label-selector';

/**
 * A workload with a pod selector and a namespace, e.g. a cdk8s-plus `Deployment`,
 * `StatefulSet`, `DaemonSet` or `Job`.
 */
export interface IPodWorkload extends IConstruct {
  /** The labels the workload's pod selector requires (cdk8s-plus: `Deployment.matchLabels`). */
  readonly matchLabels: { [key: string]: string };
  /** The expressions of the workload's pod selector (cdk8s-plus: `Deployment.matchExpressions`). */
  readonly matchExpressions: LabelSelectorRequirement[];
  /** The workload's metadata; its namespace is the pods' namespace. */
  readonly metadata: ApiObjectMetadataDefinition;
}

/** The workload's pods: its namespace and pod selector, checked. Internal. */
export interface WorkloadPods {
  readonly namespace: string;
  readonly selector: LabelSelector;
}

function expression(where: string, r: LabelSelectorRequirement): LabelSelector {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return LabelSelector.labelIn(r.key, values);
    case 'NotIn': return LabelSelector.labelNotIn(r.key, values);
    case 'Exists': return LabelSelector.labelExists(r.key);
    case 'DoesNotExist': return LabelSelector.labelDoesNotExist(r.key);
    default:
      throw new Error(`${where}: matchExpressions operator ${JSON.stringify(r.operator)} is invalid; allowed: In, NotIn, Exists, DoesNotExist`);
  }
}

/**
 * The pods of `workload`; `factory` names the call in errors (`PolicyTarget.workload(shop/web)`).
 * A workload must have a namespace (a namespaced Chart or metadata.namespace) and a pod selector.
 */
export function workloadPods(factory: string, workload: IPodWorkload): WorkloadPods {
  const where = `${factory}(${workload.node.path})`;
  const namespace = workload.metadata.namespace;
  if (namespace === undefined || namespace === '') {
    throw new Error(`${where}: the workload has no namespace, so its pods' namespace is unknown; `
      + 'allowed: a workload in a Chart with a namespace, or with metadata.namespace');
  }
  const selector = workload.matchExpressions.reduce((s, r) => s.and(expression(where, r)), LabelSelector.of(workload.matchLabels));
  if (selector.isEmpty()) {
    throw new Error(`${where}: the workload's pod selector is empty and would select every pod of ${JSON.stringify(namespace)}; `
      + 'allowed: a workload that selects its pods by label (cdk8s-plus does unless select is false)');
  }
  return { namespace, selector };
}
