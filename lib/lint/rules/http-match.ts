// NS013: Allow rules with an HTTP match, which Felix programs as L3/L4 rules only.
import { httpMatchNote } from '../../engine';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';

/** NS013: every enforced ingress rule with an `http` match. */
export function httpMatchNotEnforced(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const p of ctx.policies()) {
    (p.ingress ?? []).forEach((rule, i) => {
      if (!rule.http) return;
      out.push(finding('NS013', `${policyLabel(p)}: ingress rule ${i}: ${httpMatchNote(rule.http)}`,
        policyLocation(p, `${ruleField(p, 'ingress', i)}.http`)));
    });
  }
  return out;
}
