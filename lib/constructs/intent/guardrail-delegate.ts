import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { collectErrors } from './collect-errors';
import { emitGuardrail, guardrailPriority, peerRules } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailDelegate}. */
export interface GuardrailDelegateProps extends IntentProps {
  /** Traffic to these peers is handed down (pods with a namespace, namespaces, CIDRs). @default - no egress rule */
  readonly to?: IPeer[];
  /** Traffic from these peers is handed down (pods with a namespace, namespaces). @default - no ingress rule */
  readonly from?: IPeer[];
  /** Only these ports. @default - all traffic */
  readonly ports?: Port[];
  /** The namespaces whose owners decide. @default - every namespace */
  readonly namespaces?: LabelSelector;
  /** Priority in the Admin tier (0-1000, lower first): below the guardrails it exempts from. @default 20 */
  readonly priority?: number;
}

/**
 * A cluster guardrail that hands a decision down to the namespace owners: matching traffic
 * skips the rest of the Admin tier (action Pass), and the namespaces' own policies decide (then
 * the Baseline tier where none selects the pod). One ClusterNetworkPolicy in the Admin tier.
 */
export class GuardrailDelegate extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailDelegateProps) {
    super(scope, id);
    collectErrors(this, () => {
      const priority = guardrailPriority(props.priority ?? 20);
      const rules = peerRules('Pass', 'pass-to-namespace-owners', props.to ?? [], props.from ?? [], props.ports);
      emitGuardrail(this, 'Resource', props.name ?? id, {
        tier: 'Admin', priority, subject: { namespaces: (props.namespaces ?? LabelSelector.all()).toKubernetes() },
        ...rules,
      });
    });
  }
}
