import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { collectErrors } from './collect-errors';
import { GuardrailTier, emitPeerGuardrail } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailDeny}. */
export interface GuardrailDenyProps extends IntentProps {
  /** Traffic to these peers is denied (pods with a namespace, namespaces, CIDRs). @default - no egress rule */
  readonly to?: IPeer[];
  /** Traffic from these peers is denied (pods with a namespace, namespaces). @default - no ingress rule */
  readonly from?: IPeer[];
  /** Only these ports. @default - all traffic */
  readonly ports?: Port[];
  /** The namespaces the guardrail applies to. @default - every namespace */
  readonly namespaces?: LabelSelector;
  /** The tier: Admin (wins over every namespace policy) or Baseline (only where none decided). @default GuardrailTier.ADMIN */
  readonly tier?: GuardrailTier;
  /** Priority in the tier (0-1000, lower first). @default 50 */
  readonly priority?: number;
}

/**
 * A cluster guardrail that denies traffic between the namespaces' pods and the peers. In the
 * Baseline tier it is the cluster's default for namespaces whose owners wrote no policy for the
 * traffic. One ClusterNetworkPolicy.
 */
export class GuardrailDeny extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailDenyProps) {
    super(scope, id);
    collectErrors(this, () => emitPeerGuardrail(this, id, props, 'Deny', 50));
  }
}
