// SARIF 2.1.0 output for code-scanning UIs (GitHub code scanning and others).
import { LINT_RULES } from '../catalog';
import { LintFinding, LintSeverity } from '../types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: { readonly [s in LintSeverity]: string } = { error: 'error', warning: 'warning', info: 'note' };

/** One SARIF log with one run: every catalogue rule as a reportingDescriptor, one result per finding. */
export function formatSarif(findings: readonly LintFinding[], toolVersion: string): string {
  const rules = LINT_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.rationale },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const results = findings.map((f) => {
    const l = f.location;
    const logical = l.kind && l.name
      ? [{ name: l.name, fullyQualifiedName: `${l.kind}/${l.namespace ? `${l.namespace}/` : ''}${l.name}${l.field ? `#${l.field}` : ''}`, kind: 'object' }]
      : undefined;
    const physical = l.file !== undefined ? { artifactLocation: { uri: toUri(l.file) } } : undefined;
    return {
      ruleId: f.ruleId,
      ruleIndex: LINT_RULES.findIndex((r) => r.id === f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ ...(physical ? { physicalLocation: physical } : {}), ...(logical ? { logicalLocations: logical } : {}) }],
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'netsec-lint', version: toolVersion, rules } },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: forward slashes, percent-encoded segments. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map((s) => encodeURIComponent(s)).join('/');
}
