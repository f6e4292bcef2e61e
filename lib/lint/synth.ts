// Lint at synth: manifests per chart in, findings with the chart's construct path out.
import { CalicoVersion } from '../model/calico-version';
import { DocumentSource, engineInputsOfDocuments } from './documents';
import { resourceName } from './format/location';
import { lintInputs } from './run';
import { LintFinding, LintOptions } from './types';

/** The synthesised manifests of one chart (the shape NetsecApp's ChartManifests has). */
export interface ChartManifestsInput {
  /** The chart's construct path, used as the findings' file. */
  readonly chartPath: string;
  /** The chart's Kubernetes documents (NetworkPolicies, inventory objects) as plain objects. */
  readonly kubernetes: readonly unknown[];
  /** The chart's Calico documents as plain objects. */
  readonly calico: readonly unknown[];
}

/** Options of {@link lintChartManifests}. */
export interface SynthLintOptions extends LintOptions {
  /** Inventory documents (Namespace, Pod, Node) as plain objects. @default - no inventory */
  readonly inventory?: readonly unknown[];
  /** The Calico release to follow. @default DEFAULT_CALICO_VERSION (3.32) */
  readonly calicoVersion?: CalicoVersion;
}

/** What synth does with the findings: stop on `errors`, print `warnings` (info included). */
export interface SynthLintResult {
  /** Every finding, sorted by chart, rule id and message. */
  readonly findings: readonly LintFinding[];
  /** One line per error: `<chart path>: <Kind> <ns/name>: [NSxxx] message`. */
  readonly errors: readonly string[];
  /** One line per warning or info finding, same form. */
  readonly warnings: readonly string[];
}

/** Lints every chart's manifests together (policies of one chart can shadow another's). */
export function lintChartManifests(charts: readonly ChartManifestsInput[], options: SynthLintOptions = {}): SynthLintResult {
  // the same inputs as lintTexts over each chart's documents as one JSON array, read without YAML
  const sources: DocumentSource[] = charts.map((c) => ({ file: c.chartPath, documents: [...c.kubernetes, ...c.calico] }));
  if (options.inventory) sources.push({ file: '(inventory)', documents: options.inventory });
  const findings = lintInputs(engineInputsOfDocuments(sources, options.calicoVersion), options.inventory !== undefined, options);
  const line = (f: LintFinding): string => {
    const l = f.location;
    const name = resourceName(l);
    const what = name ? `${name}${l.field ? ` (${l.field})` : ''}: ` : '';
    return `${l.file ?? '(cluster)'}: ${what}[${f.ruleId}] ${f.message}`;
  };
  return {
    findings,
    errors: findings.filter((f) => f.severity === 'error').map(line),
    warnings: findings.filter((f) => f.severity !== 'error').map(line),
  };
}
