// Lint: stable rule ids, severities and rationales; text, JSON and SARIF output; a synth hook.
export { LINT_RULES, lintRule } from './catalog';
export { LintFinding, LintLocation, LintOptions, LintRuleInfo, LintSeverity } from './types';
export { DEFAULT_SERVICE_CLUSTER_IP_RANGES } from './context';
export { lintFiles, lintInputs, lintTexts, LintFilesOptions } from './run';
export { lintChartManifests, ChartManifestsInput, SynthLintOptions, SynthLintResult } from './synth';
export { formatText } from './format/text';
export { formatJson } from './format/json';
export { formatSarif } from './format/sarif';
