import { Construct } from 'constructs';
import { EngineChoiceProps } from './intent-props';
import { kubeDnsEgressRule } from './kube-dns';
import { OrderBands } from './order-bands';
import { emitPolicy } from './emit-policy';
import { PolicyIntent } from './policy-intent';
import { PolicyTarget } from './policy-target';
import { collectErrors } from './collect-errors';

/** Props of {@link DefaultDeny}. */
export interface DefaultDenyProps extends EngineChoiceProps {
  /** What to isolate: `PolicyTarget.namespace('shop')`, `PolicyTarget.allNamespaces()`, ... */
  readonly target: PolicyTarget;
  /** Deny ingress not allowed by another policy. @default true */
  readonly ingress?: boolean;
  /** Deny egress not allowed by another policy. @default true */
  readonly egress?: boolean;
  /**
   * Still allow egress to the cluster DNS (pods `k8s-app: kube-dns` in `kube-system`, UDP and
   * TCP 53), so that name resolution keeps working. Needs `egress`.
   * @default false
   */
  readonly allowDns?: boolean;
}

/**
 * Denies all traffic of the target that no other policy allows.
 *
 * Emits one policy that selects the target and lists the denied directions in its types, with no
 * rules (only the DNS allow when `allowDns` is set). A selected endpoint is then isolated: in
 * Kubernetes, only what some NetworkPolicy allows gets through; in Calico, a packet no policy of
 * the tier allows is dropped at the end of the tier.
 *
 * - A namespace target gives a Kubernetes NetworkPolicy (`podSelector: {}`), or a Calico
 *   NetworkPolicy with `forceCalico`.
 * - `PolicyTarget.allNamespaces()` and host endpoint targets give a Calico GlobalNetworkPolicy.
 *
 * Calico order: {@link OrderBands.DEFAULT_DENY} (last). Having no deny rule, its order does not
 * change what other policies allow.
 */
export class DefaultDeny extends PolicyIntent {
  constructor(scope: Construct, id: string, props: DefaultDenyProps) {
    super(scope, id);
    collectErrors(this, () => {
      const ingress = props.ingress ?? true;
      const egress = props.egress ?? true;
      if (props.allowDns && !egress) {
        throw new Error(`${this.node.path}: allowDns is true but egress is false; allowed: allowDns only when egress is denied`);
      }
      emitPolicy(this, {
        target: props.target,
        name: props.name,
        forceCalico: props.forceCalico ?? false,
        order: OrderBands.DEFAULT_DENY,
        ingressTypes: ingress,
        egressTypes: egress,
        ingress: [],
        egress: props.allowDns ? [kubeDnsEgressRule()] : [],
      });
    });
  }
}
