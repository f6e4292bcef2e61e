import { Construct } from 'constructs';
import { LabelSelector } from '../vocabulary/label-selector';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { IntentProblems, collectErrors } from './collect-errors';
import { GuardrailTier, egressPeer, emitGuardrail, guardrailPriority, guardrailProtocols } from './guardrail-rules';
import { IntentProps } from './intent-props';

/** Props of {@link GuardrailDenyCidr}. */
export interface GuardrailDenyCidrProps extends IntentProps {
  /** The address blocks no pod may send to, e.g. `['203.0.113.0/24']` (network form, 1-25 of them). */
  readonly cidrs: string[];
  /** Deny only these ports. @default - all traffic */
  readonly ports?: Port[];
  /** The namespaces the guardrail applies to. @default - every namespace */
  readonly namespaces?: LabelSelector;
  /** The tier: Admin (before the namespace policies) or Baseline (only where they did not decide). @default GuardrailTier.ADMIN */
  readonly tier?: GuardrailTier;
  /** Priority in the tier (0-1000, lower first). @default 30 */
  readonly priority?: number;
}

/**
 * A cluster guardrail: the pods of the namespaces may not send to the address blocks. In the
 * Admin tier it wins over every namespace policy's Allow; a {@link GuardrailDelegate} of lower
 * priority can still hand a part of it down to the namespace owners. One ClusterNetworkPolicy
 * with one egress Deny rule.
 */
export class GuardrailDenyCidr extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailDenyCidrProps) {
    super(scope, id);
    collectErrors(this, () => {
      const priority = guardrailPriority(props.priority ?? 30);
      if (props.cidrs.length === 0) throw new IntentProblems(['cidrs: is empty; allowed: 1-25 CIDRs']);
      const problems: string[] = [];
      const networks: string[] = [];
      props.cidrs.forEach((c, i) => {
        try {
          const peer = egressPeer(`cidrs[${i}]`, Peer.cidr(c));
          networks.push(...(peer.networks ?? []));
        } catch (e) {
          problems.push(e instanceof IntentProblems ? e.problems.join('; ') : `cidrs[${i}]: ${(e as Error).message}`);
        }
      });
      if (problems.length > 0) throw new IntentProblems(problems);
      emitGuardrail(this, 'Resource', props.name ?? id, {
        tier: props.tier ?? GuardrailTier.ADMIN, priority,
        subject: { namespaces: (props.namespaces ?? LabelSelector.all()).toKubernetes() },
        egress: [{ name: 'deny-cidrs', action: 'Deny', to: [{ networks }], protocols: guardrailProtocols('ports', props.ports) }],
      });
    });
  }
}
