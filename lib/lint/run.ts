// Runs every lint rule over manifests (and an optional inventory).
import { CalicoVersion } from '../model/calico-version';
import { EngineInputs, TextSource, buildEngineModel, loadEngineInputs, parseEngineInputs } from '../engine';
import { LintContext } from './context';
import { LINT_CHECKS } from './catalog';
import { LintFinding, LintOptions } from './types';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

/** Findings in a stable order: file, document, rule id, severity, message. */
function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  const key = (f: LintFinding): string => `${f.location.file ?? '\uffff'}\u0000${String(f.location.documentIndex ?? 1e9).padStart(10, '0')}`;
  const keyed = findings.map((f) => ({ f, k: key(f) }));
  keyed.sort(({ f: a, k: ka }, { f: b, k: kb }) => (ka < kb ? -1 : ka > kb ? 1
    : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1
      : SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
  return keyed.map(({ f }) => f);
}

/** Lints engine inputs; `hasInventory` enables the rules that count matches (NS001, NS002). */
export function lintInputs(inputs: EngineInputs, hasInventory: boolean, options: LintOptions = {}): LintFinding[] {
  return runChecks(inputs, hasInventory, options);
}

/** Builds the model and runs every check, calling `step` after the model and after each check. */
function runChecks(inputs: EngineInputs, hasInventory: boolean, options: LintOptions, step?: () => void): LintFinding[] {
  const ctx = new LintContext(buildEngineModel(inputs), inputs.resources, hasInventory, options, inputs.services ?? []);
  step?.();
  const findings: LintFinding[] = [];
  for (const rule of LINT_CHECKS) {
    findings.push(...rule.check(ctx));
    step?.();
  }
  return sortFindings(findings);
}

/** Options of {@link lintFiles}. */
export interface LintFilesOptions extends LintOptions {
  /** Manifest files or folders. */
  readonly manifests: readonly string[];
  /** The inventory file (`kubectl get namespaces,pods,nodes -o yaml`). @default - no inventory */
  readonly cluster?: string;
  /**
   * Hears how far linting is: called with `(0, total)` first, then after reading the files, building
   * the model and each rule's check with the steps done so far (up to `total`). @default - none
   */
  readonly onProgress?: (done: number, total: number) => void;
  /** Felix settings as `KEY=VALUE`, as calico-node's environment sets them. @default - none */
  readonly felix?: readonly string[];
  /** The pool for pods derived from workloads. @default - see LoadOptions.workloadPool */
  readonly workloadPool?: string;
  /** The Calico release to follow. @default DEFAULT_CALICO_VERSION (3.32) */
  readonly calicoVersion?: CalicoVersion;
  /** Called for each file skipped because it holds no Kubernetes object. @default - ignored */
  readonly onWarning?: (warning: string) => void;
}

/** Reads the files and lints them. Throws ManifestError or InputError on unreadable input. */
export function lintFiles(options: LintFilesOptions): LintFinding[] {
  const report = options.onProgress;
  const total = LINT_CHECKS.length + 2;
  let done = 0;
  const step = report === undefined ? undefined : (): void => report(++done, total);
  report?.(0, total);
  const inputs = loadEngineInputs({ manifests: options.manifests, cluster: options.cluster, felix: options.felix, workloadPool: options.workloadPool,
    calicoVersion: options.calicoVersion,
  });
  for (const w of inputs.warnings) options.onWarning?.(w);
  step?.();
  return runChecks(inputs, options.cluster !== undefined, options, step);
}

/** Lints files given as text; the inventory, when given, is one more text source. */
export function lintTexts(manifests: readonly TextSource[], inventory: TextSource | undefined, options: LintOptions = {}): LintFinding[] {
  return lintInputs(parseEngineInputs(inventory ? [...manifests, inventory] : manifests), inventory !== undefined, options);
}
