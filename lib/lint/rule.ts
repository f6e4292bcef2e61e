// What a lint rule is: one entry with its stable id, name, severity, rationale and check.
import { LintContext } from './context';
import { LintFinding, LintRuleInfo } from './types';

/** A lint rule: its catalogue entry and the check that finds its problems. */
export interface LintRule extends LintRuleInfo {
  /** Every finding of this rule in the run. */
  readonly check: (ctx: LintContext) => LintFinding[];
}

/** One rule entry. */
export function defineLintRule(
  id: string, name: string, severity: LintRuleInfo['severity'], rationale: string, check: (ctx: LintContext) => LintFinding[],
): LintRule {
  return { id, name, severity, rationale, check };
}
