// NS013: Allow rules with an HTTP match, which Felix programs as L3/L4 rules only.
import { httpMatchNote } from '../../engine';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

/** NS013: every enforced ingress rule with an `http` match. */
function httpMatchNotEnforced(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    (p.ingress ?? []).forEach((rule, i) => {
      if (!rule.http) return;
      out.push(finding(HTTP_MATCH_NOT_ENFORCED, `${policyLabel(p)}: ingress rule ${i}: ${httpMatchNote(rule.http)}`,
        policyLocation(p, `${ruleField(p, 'ingress', i)}.http`)));
    });
  }
  return out;
}

/** NS013. */
export const HTTP_MATCH_NOT_ENFORCED = defineLintRule('NS013', 'http-match-not-enforced', 'warning',
  "Felix programs a rule's HTTP match nowhere: without application layer policy the rule allows every request its L3/L4 fields match.",
  httpMatchNotEnforced);
