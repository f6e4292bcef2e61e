import { Construct } from 'constructs';
import { ClusterNetworkPolicyEgressRule, ClusterNetworkPolicyIngressRule } from '../../model/resources';
import { LabelSelector } from '../vocabulary/label-selector';
import { IPeer } from '../vocabulary/peer-types';
import { Port } from '../vocabulary/port';
import { IntentProblems, collectErrors } from './collect-errors';
import { egressPeer, emitGuardrail, guardrailPriority, guardrailProtocols, ingressPeer } from './guardrail-rules';
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
      const to = props.to ?? [];
      const from = props.from ?? [];
      if (to.length === 0 && from.length === 0) throw new IntentProblems(['to, from: both empty; allowed: at least one peer in to or from']);
      const protocols = guardrailProtocols('ports', props.ports);
      const egress: ClusterNetworkPolicyEgressRule[] = to.length > 0
        ? [{ name: 'pass-to-namespace-owners', action: 'Pass', to: to.map((p, i) => egressPeer(`to[${i}]`, p)), protocols }] : [];
      const ingress: ClusterNetworkPolicyIngressRule[] = from.length > 0
        ? [{ name: 'pass-to-namespace-owners', action: 'Pass', from: from.map((p, i) => ingressPeer(`from[${i}]`, p)), protocols }] : [];
      emitGuardrail(this, 'Resource', props.name ?? id, {
        tier: 'Admin', priority, subject: { namespaces: (props.namespaces ?? LabelSelector.all()).toKubernetes() },
        ...(ingress.length > 0 ? { ingress } : {}), ...(egress.length > 0 ? { egress } : {}),
      });
    });
  }
}
