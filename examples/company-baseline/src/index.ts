// The company's baseline for a team namespace: every team chart starts from it.
import { Construct } from 'constructs';
import { DefaultDeny, DenyCidr, PolicyTarget, TrafficDirection } from 'cdk8s-netsec';

/** Address blocks no team workload may talk to (example: a range the security team blocks). */
export const BLOCKED_CIDRS = ['203.0.113.224/27'];

/** Props of {@link TeamBaseline}. */
export interface TeamBaselineProps {
  /** The team's namespace. */
  readonly namespace: string;
}

/**
 * A team namespace's baseline: default deny of ingress and egress with DNS to kube-dns allowed,
 * and the blocked CIDRs denied both ways before any allow (in the `netsec-deny` tier, which each
 * chart using this construct carries, so every team chart applies on its own).
 */
export class TeamBaseline extends Construct {
  constructor(scope: Construct, id: string, props: TeamBaselineProps) {
    super(scope, id);
    const target = PolicyTarget.namespace(props.namespace);
    new DefaultDeny(this, 'default-deny', { target, allowDns: true });
    new DenyCidr(this, 'blocked', { target, cidrs: BLOCKED_CIDRS, direction: TrafficDirection.BOTH });
  }
}
