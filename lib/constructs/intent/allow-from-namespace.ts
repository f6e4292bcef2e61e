import { Construct } from 'constructs';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { EngineChoiceProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { collectErrors } from './collect-errors';

/** Props of {@link AllowFromNamespace}. */
export interface AllowFromNamespaceProps extends EngineChoiceProps {
  /** The pods that receive the traffic. */
  readonly target: PolicyTarget;
  /** The namespace whose pods may connect. */
  readonly fromNamespace: string;
  /** The ports they may connect to. @default - all traffic */
  readonly ports?: Port[];
}

/**
 * Allows every pod of `fromNamespace` to connect to the target.
 *
 * Emits one ingress Allow rule from `Peer.namespace(fromNamespace)` (namespace matched by its
 * `kubernetes.io/metadata.name` label). Kubernetes NetworkPolicy when the target is namespaced and
 * the ports are TCP/UDP/SCTP; otherwise Calico at order {@link OrderBands.ALLOW}. Like every
 * allow, it isolates the target for ingress: traffic it does not allow needs another policy.
 */
export class AllowFromNamespace extends PolicyIntent {
  constructor(scope: Construct, id: string, props: AllowFromNamespaceProps) {
    super(scope, id);
    collectErrors(this, () => {
      const peer = Peer.namespace(props.fromNamespace);
      emitPolicy(this, {
        target: props.target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
        ingressTypes: true, egressTypes: false,
        ingress: [{ action: 'Allow', peers: [peer], ports: props.ports }], egress: [],
      });
    });
  }
}
