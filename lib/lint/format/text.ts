// Human-readable lint output: one line per finding, then a summary.
import { LintFinding } from '../types';
import { documentName, resourceName } from './location';

/** `file#doc (Kind ns/name, field): severity NSxxx: message` per finding, then counts. */
export function formatText(findings: readonly LintFinding[]): string {
  const lines = findings.map((f) => {
    const l = f.location;
    const what = [resourceName(l) ?? '', l.field ?? ''].filter((s) => s);
    return `${documentName(l) ?? '(cluster)'}${what.length ? ` (${what.join(', ')})` : ''}: ${f.severity} ${f.ruleId}: ${f.message}`;
  });
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  lines.push(findings.length === 0 ? 'no findings'
    : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  return `${lines.join('\n')}\n`;
}
