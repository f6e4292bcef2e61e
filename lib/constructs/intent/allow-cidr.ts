import { Construct } from 'constructs';
import { Port } from '../vocabulary/port';
import { cidrPeers } from './cidr-peers';
import { EngineChoiceProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { IntentRule } from './rules';
import { TrafficDirection } from './traffic-direction';
import { collectErrors } from './collect-errors';

/** Props of {@link AllowCidr}. */
export interface AllowCidrProps extends EngineChoiceProps {
  /** The pods (or host endpoints) the traffic goes to or comes from. */
  readonly target: PolicyTarget;
  /** The address blocks, e.g. `['203.0.113.0/24']` (network form, no host bits). */
  readonly cidrs: string[];
  /** Traffic from the CIDRs (INGRESS), to them (EGRESS) or both. @default TrafficDirection.INGRESS */
  readonly direction?: TrafficDirection;
  /** The ports allowed. @default - all traffic */
  readonly ports?: Port[];
}

/**
 * Allows traffic between the target and the given address blocks.
 *
 * Emits Allow rules with one peer per CIDR (Kubernetes `ipBlock`, Calico `nets`) in the chosen
 * directions. Kubernetes NetworkPolicy when the target is namespaced and the ports are
 * TCP/UDP/SCTP; otherwise Calico at order {@link OrderBands.ALLOW}.
 */
export class AllowCidr extends PolicyIntent {
  constructor(scope: Construct, id: string, props: AllowCidrProps) {
    super(scope, id);
    collectErrors(this, () => {
      const direction = props.direction ?? TrafficDirection.INGRESS;
      const rule: IntentRule = { action: 'Allow', peers: cidrPeers(props.cidrs), ports: props.ports };
      const ingress = direction !== TrafficDirection.EGRESS;
      const egress = direction !== TrafficDirection.INGRESS;
      emitPolicy(this, {
        target: props.target, name: props.name, forceCalico: props.forceCalico ?? false, order: OrderBands.ALLOW,
        ingressTypes: ingress, egressTypes: egress,
        ingress: ingress ? [rule] : [], egress: egress ? [rule] : [],
      });
    });
  }
}
