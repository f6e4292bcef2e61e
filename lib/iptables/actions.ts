// Felix's CombineMatchAndActionsForProtoRule: a rule's match plus its action, and with flow logs on
// the NFLOG rule before the action (v3.32.1 felix/rules/policy.go).
import { MarkBits } from './marks';
import * as m from './match';
import { NflogVerdict, nflogAction, ruleNflogPrefix } from './nflog';
import { Rule, rule } from './rule';

/** Settings that change how actions render. */
export interface ActionSettings {
  readonly marks: MarkBits;
  /** Felix LogPrefix. */
  readonly logPrefix: string;
  /** The `-m limit` match of Log rules (LogActionRateLimit), if any. @default - none */
  readonly logLimit?: string;
  /** `--jump DROP` or `--jump REJECT` (IptablesFilterDenyAction). */
  readonly denyAction: string;
  /** Flow logs on (FlowLogsEnabled): Allow, Pass and Deny rules NFLOG before their action. @default false */
  readonly flowLogs?: boolean;
}

/** The rule a flow-log NFLOG names: its owner, direction, index and the owner's ID (policy ID or profile name). */
export interface FlowLogRule {
  readonly owner: 'policy' | 'profile';
  readonly dir: 'ingress' | 'egress';
  readonly index: number;
  readonly id: string;
}

/**
 * Allow/Pass: set the accept/pass mark, then RETURN if set. Deny: set the drop mark, then DROP if
 * set. With `flowLog` (flow logs on and the rule's policy tracked), an NFLOG on the mark comes between
 * the two. Log: LOG with the prefix (after the rate limit, if any) and continue, never an NFLOG.
 * Throws for any other action.
 */
export function actionRules(action: string, match: readonly string[], s: ActionSettings, flowLog?: FlowLogRule): Rule[] {
  const marked = (mark: number, verdict: NflogVerdict, final: string): Rule[] => [
    rule(match, m.setMark(mark)),
    ...(flowLog ? [rule([m.markSet(mark)], nflogAction(flowLog.dir, ruleNflogPrefix(verdict, flowLog.owner, flowLog.dir, flowLog.index, flowLog.id)))] : []),
    rule([m.markSet(mark)], final),
  ];
  switch (action.toLowerCase()) {
    case 'allow':
      return marked(s.marks.accept, 'A', m.RETURN);
    case 'pass':
    case 'next-tier':
      return marked(s.marks.pass, 'P', m.RETURN);
    case 'deny':
      return marked(s.marks.drop, 'D', s.denyAction);
    case 'log':
      // Felix combines its log match (the rate limit) with the rule's match, the limit first
      return [rule(s.logLimit === undefined ? match : [s.logLimit, ...match], m.logAction(s.logPrefix))];
    default:
      throw new Error(`rule action ${JSON.stringify(action)} is not one of Allow, Deny, Pass, Log`);
  }
}
