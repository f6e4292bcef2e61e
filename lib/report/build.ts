// Assembles the report's data from the engine inputs: matrices, graph, host summaries, lint findings.
import { BuiltModel, EngineInputs } from '../engine';
import { LintFinding, lintInputs } from '../lint';
import { documentName, resourceName } from '../lint/format/location';
import { PortKey } from '../diff/ports';
import { Progress } from '../util/progress';
import { LintSection, ReportData, ReportFinding } from './data';
import { buildGraph } from './build-graph';
import { buildNodeSummaries } from './build-hosts';
import { buildMatrices } from './build-matrix';

/** Options of buildReport. */
export interface ReportOptions {
  readonly title: string;
  readonly ports: readonly PortKey[];
  /** @default - no progress */
  readonly progress?: Progress;
}

function where(f: LintFinding): string {
  const l = f.location;
  return [documentName(l), resourceName(l) ?? l.kind, l.field].filter((s) => s).join(' ');
}

function lintSection(inputs: EngineInputs): LintSection {
  try {
    const findings: ReportFinding[] = lintInputs(inputs, true).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, where: where(f) }));
    return { available: true, note: 'From the lint rules of `netsec lint` with the same inputs.', findings };
  } catch (e) {
    return { available: false, note: `lint failed: ${e instanceof Error ? e.message : String(e)}`, findings: [] };
  }
}

/** Builds everything the page shows, from the inputs and the model built of them. */
export function buildReport(inputs: EngineInputs, model: BuiltModel, options: ReportOptions): ReportData {
  const matrices = buildMatrices(model, options.ports, options.progress);
  return {
    title: options.title,
    matrices,
    graph: buildGraph(model.endpoints, matrices),
    nodes: buildNodeSummaries(model),
    lint: lintSection(inputs),
  };
}
