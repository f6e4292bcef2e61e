// Felix's CombineMatchAndActionsForProtoRule: a rule's match plus its action, flow logs off.
import { MarkBits } from './marks';
import * as m from './match';
import { Rule, rule } from './rule';

/** Settings that change how actions render. */
export interface ActionSettings {
  readonly marks: MarkBits;
  /** Felix LogPrefix. */
  readonly logPrefix: string;
  /** `--jump DROP` or `--jump REJECT` (IptablesFilterDenyAction). */
  readonly denyAction: string;
}

/**
 * Allow/Pass: set the accept/pass mark, then RETURN if set. Deny: set the drop mark, then DROP if
 * set. Log: LOG with the prefix and continue. Throws for any other action.
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
      return [rule(match, m.logAction(s.logPrefix))];
    default:
      throw new Error(`rule action ${JSON.stringify(action)} is not one of Allow, Deny, Pass, Log`);
  }
}
