import * as fs from 'fs';
import * as path from 'path';
import { LintFinding, lintTexts } from '../../lib/lint';

export const INVENTORY = fs.readFileSync(path.join(__dirname, 'fixtures', 'inventory.yaml'), 'utf8');

/** Lints one YAML text, with the fixture inventory unless `withInventory` is false. */
export function lint(yaml: string, withInventory = true, serviceClusterIpRanges?: string[]): LintFinding[] {
  return lintTexts([{ file: 'm.yaml', text: yaml }], withInventory ? { file: 'inv.yaml', text: INVENTORY } : undefined,
    { serviceClusterIpRanges });
}

/** The findings of one rule. */
export function only(findings: readonly LintFinding[], ruleId: string): LintFinding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
