import { Construct } from 'constructs';
import { Port } from '../vocabulary/port';
import { cidrPeers } from './cidr-peers';
import { DENY_TIER_NAME, ensureDenyTier } from './deny-tier';
import { IntentProps } from './intent-props';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { IntentRule } from './rules';
import { TrafficDirection } from './traffic-direction';
import { collectErrors } from './collect-errors';

/** Props of {@link DenyCidr}. */
export interface DenyCidrProps extends IntentProps {
  /** The pods (or host endpoints) to protect. */
  readonly target: PolicyTarget;
  /** The address blocks to deny, e.g. `['198.51.100.0/24']` (network form, no host bits). */
  readonly cidrs: string[];
  /** Deny traffic from the CIDRs (INGRESS), to them (EGRESS) or both. */
  readonly direction: TrafficDirection;
  /** Deny only these ports. @default - all traffic */
  readonly ports?: Port[];
}

/**
 * Denies traffic between the target and the given address blocks, whatever other policies allow.
 *
 * Kubernetes NetworkPolicies cannot deny, so this is always a Calico policy (a NetworkPolicy for a
 * namespaced target, a GlobalNetworkPolicy otherwise) with Deny rules, placed in the tier
 * `netsec-deny` (created once in each chart that needs it, so each chart applies on its own:
 * order {@link OrderBands.DENY_TIER}, defaultAction Pass)
 * at order {@link OrderBands.DENY}. The tier is evaluated before the default tier, so the deny
 * wins over every allow there; traffic it does not deny is passed on untouched. In the default
 * tier instead, a policy that only denies would make Calico drop everything else at the end of
 * the tier for the selected endpoints.
 */
export class DenyCidr extends PolicyIntent {
  constructor(scope: Construct, id: string, props: DenyCidrProps) {
    super(scope, id);
    collectErrors(this, () => {
      const rule: IntentRule = { action: 'Deny', peers: cidrPeers(props.cidrs), ports: props.ports };
      const ingress = props.direction !== TrafficDirection.EGRESS;
      const egress = props.direction !== TrafficDirection.INGRESS;
      const tier = ensureDenyTier(this);
      emitPolicy(this, {
        target: props.target, name: props.name, forceCalico: true, order: OrderBands.DENY, tier: DENY_TIER_NAME,
        ingressTypes: ingress, egressTypes: egress,
        ingress: ingress ? [rule] : [], egress: egress ? [rule] : [],
      });
      this.resource.node.addDependency(tier);
    });
  }
}
