import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { EngineChoiceProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { collectErrors } from './collect-errors';

/** Props of {@link AllowFromPods}. */
export interface AllowFromPodsProps extends EngineChoiceProps {
  /** The pods that receive the traffic. */
  readonly target: PolicyTarget;
  /** The labels of the pods that may connect. */
  readonly fromPods: LabelSelector;
  /**
   * The namespace of the pods that may connect.
   * @default - the target's namespace (required for a cluster-wide target)
   */
  readonly fromNamespace?: string;
  /** The ports they may connect to. @default - all traffic */
  readonly ports?: Port[];
}

/**
 * Allows the pods matching `fromPods` to connect to the target: the `connections.allowFrom`
 * of this library (e.g. backend from frontend on `Port.tcp(8080)`).
 *
 * Emits one ingress Allow rule from `Peer.pods(fromPods, fromNamespace)`. Kubernetes
 * NetworkPolicy when the target is namespaced and the ports are TCP/UDP/SCTP; otherwise Calico
 * at order {@link OrderBands.ALLOW}, with the pod selector in Calico's conversion form
 * (`projectcalico.org/orchestrator == 'k8s' && ...`).
 */
export class AllowFromPods extends PolicyIntent {
  constructor(scope: Construct, id: string, props: AllowFromPodsProps) {
    super(scope, id);
    collectErrors(this, () => {
      const peer = Peer.pods(props.fromPods, props.fromNamespace);
      emitPolicy(this, {
        target: props.target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
        ingressTypes: true, egressTypes: false,
        ingress: [{ action: 'Allow', peers: [peer], ports: props.ports }], egress: [],
      });
    });
  }
}
