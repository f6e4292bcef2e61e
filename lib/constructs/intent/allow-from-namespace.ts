import { Construct } from 'constructs';
import { NetsecApiObject } from '../l1/netsec-api-object';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { EngineChoiceProps } from './intent-props';
import { OrderBands } from './order-bands';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';

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
  public readonly resource: NetsecApiObject;
  public readonly usesCalico: boolean;

  constructor(scope: Construct, id: string, props: AllowFromNamespaceProps) {
    super(scope, id);
    const peer = this.guard(() => Peer.namespace(props.fromNamespace));
    const emitted = this.emit({
      target: props.target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
      ingressTypes: true, egressTypes: false,
      ingress: [{ action: 'Allow', peers: [peer], ports: props.ports }], egress: [],
    });
    this.resource = emitted.resource;
    this.usesCalico = emitted.usesCalico;
  }
}
