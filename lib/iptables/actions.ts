// Felix's CombineMatchAndActionsForProtoRule: a rule's match plus its action, flow logs off.
import { MarkBits } from './marks';
import * as m from './match';
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
}

/**
 * Allow/Pass: set the accept/pass mark, then RETURN if set. Deny: set the drop mark, then DROP if
 * set. Log: LOG with the prefix (after the rate limit, if any) and continue. Throws for any other action.
 */
export function actionRules(action: string, match: readonly string[], s: ActionSettings): Rule[] {
  switch (action.toLowerCase()) {
    case 'allow':
      return [rule(match, m.setMark(s.marks.accept)), rule([m.markSet(s.marks.accept)], m.RETURN)];
    case 'pass':
    case 'next-tier':
      return [rule(match, m.setMark(s.marks.pass)), rule([m.markSet(s.marks.pass)], m.RETURN)];
    case 'deny':
      return [rule(match, m.setMark(s.marks.drop)), rule([m.markSet(s.marks.drop)], s.denyAction)];
    case 'log':
      // Felix combines its log match (the rate limit) with the rule's match, the limit first
      return [rule(s.logLimit === undefined ? match : [s.logLimit, ...match], m.logAction(s.logPrefix))];
    default:
      throw new Error(`rule action ${JSON.stringify(action)} is not one of Allow, Deny, Pass, Log`);
  }
}
