import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { collectErrors } from './collect-errors';
import { GuardrailTier, emitPeerGuardrail } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailAllow}. */
export interface GuardrailAllowProps extends IntentProps {
  /** Traffic to these peers is always allowed (pods with a namespace, namespaces, CIDRs). @default - no egress rule */
  readonly to?: IPeer[];
  /** Traffic from these peers is always allowed (pods with a namespace, namespaces). @default - no ingress rule */
  readonly from?: IPeer[];
  /** Only these ports. @default - all traffic */
  readonly ports?: Port[];
  /** The namespaces the guardrail applies to. @default - every namespace */
  readonly namespaces?: LabelSelector;
  /** The tier: Admin (no namespace policy can close it) or Baseline (only where no namespace policy decided). @default GuardrailTier.ADMIN */
  readonly tier?: GuardrailTier;
  /** Priority in the tier (0-1000, lower first): before the guardrails that would deny the same traffic. @default 15 */
  readonly priority?: number;
}

/**
 * A cluster guardrail that always allows traffic between the namespaces' pods and the peers, for
 * example "the monitoring namespace can always scrape every namespace": in the Admin tier an
 * Accept decides before any namespace policy, so the namespace owners cannot close it. One
 * ClusterNetworkPolicy.
 */
export class GuardrailAllow extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailAllowProps) {
    super(scope, id);
    collectErrors(this, () => emitPeerGuardrail(this, id, props, 'Accept', 15));
  }
}
