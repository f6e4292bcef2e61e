// Machine-readable lint output.
import { LINT_RULES } from '../catalog';
import { LintFinding } from '../types';

/** `{"findings": [...], "summary": {error, warning, info}, "rules": [...]}`, two-space indented. */
export function formatJson(findings: readonly LintFinding[]): string {
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  const used = new Set(findings.map((f) => f.ruleId));
  return `${JSON.stringify({
    findings,
    summary: { error: count('error'), warning: count('warning'), info: count('info') },
    rules: LINT_RULES.filter((r) => used.has(r.id)),
  }, null, 2)}\n`;
}
