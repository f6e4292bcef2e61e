import { Construct } from 'constructs';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { EngineChoiceProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { collectErrors } from './collect-errors';

/** Props of {@link AllowEgressTo}. */
export interface AllowEgressToProps extends EngineChoiceProps {
  /** The pods (or host endpoints) that send the traffic. */
  readonly target: PolicyTarget;
  /** Where they may connect to (at least one peer). */
  readonly to: IPeer[];
  /** The ports they may connect to. @default - all traffic */
  readonly ports?: Port[];
}

/**
 * Allows the target to connect to the given peers.
 *
 * Emits one egress Allow rule per peer and protocol. Kubernetes NetworkPolicy when the target is
 * namespaced and every peer and port is expressible there; otherwise Calico at order
 * {@link OrderBands.ALLOW}. It isolates the target for egress, so remember DNS (see
 * `DefaultDeny.allowDns`) when the target resolves names.
 */
export class AllowEgressTo extends PolicyIntent {
  constructor(scope: Construct, id: string, props: AllowEgressToProps) {
    super(scope, id);
    collectErrors(this, () => {
      if (props.to.length === 0) {
        throw new Error(`${this.node.path}: to is empty; allowed: at least one peer (Peer.anyIpv4() and Peer.anyIpv6() for anywhere)`);
      }
      emitPolicy(this, {
        target: props.target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
        ingressTypes: false, egressTypes: true,
        ingress: [], egress: [{ action: 'Allow', peers: props.to, ports: props.ports }],
      });
    });
  }
}
