// What a lint run produces: findings with a stable rule id, a severity and where they were found.

/** How bad a finding is: `error` fails `netsec lint` and synth, `warning` and `info` only print. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One lint rule of the catalogue. */
export interface LintRuleInfo {
  /** Stable id, e.g. `NS003`. Never reused for another meaning. */
  readonly id: string;
  /** Short kebab-case name, e.g. `shadowed-rule`. */
  readonly name: string;
  /** The severity of every finding of the rule. */
  readonly severity: LintSeverity;
  /** One line: why the rule exists. */
  readonly rationale: string;
}

/** Where a finding points: a manifest document, optionally a field inside it. */
export interface LintLocation {
  /** The manifest file (or the chart's construct path at synth). @default - no file */
  readonly file?: string;
  /** 0-based document index in the file. @default - no document */
  readonly documentIndex?: number;
  /** `GlobalNetworkPolicy`, `NetworkPolicy`, `HostEndpoint`... @default - no resource (a finding about the whole input) */
  readonly kind?: string;
  /** The resource's namespace. @default - not namespaced */
  readonly namespace?: string;
  /** The resource's metadata.name. @default - no resource */
  readonly name?: string;
  /** The field path inside the document, e.g. `spec.ingress[2]`. @default - the whole document */
  readonly field?: string;
}

/** One problem found. */
export interface LintFinding {
  /** The rule's stable id, e.g. `NS003` (see LINT_RULES). */
  readonly ruleId: string;
  /** The rule's severity. */
  readonly severity: LintSeverity;
  /** What is wrong and what to do, naming the resource, the field and the value. */
  readonly message: string;
  /** Where the problem is. */
  readonly location: LintLocation;
}

/** Options of a lint run. */
export interface LintOptions {
  /**
   * The Service ClusterIP ranges (NS010).
   * @default ['172.21.0.0/16', '10.96.0.0/12'] (IKS default, then the upstream kubeadm default)
   */
  readonly serviceClusterIpRanges?: readonly string[];
}
