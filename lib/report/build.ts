// Assembles the report's data from the engine inputs: matrices, graph, host summaries, lint findings.
import { EngineInputs, buildEngineModel } from '../engine';
import { LintFinding, lintInputs } from '../lint';
import { PortKey } from '../diff/ports';
import { Progress } from '../cli/progress';
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
  const doc = l.file !== undefined ? `${l.file}${l.documentIndex !== undefined ? `#${l.documentIndex}` : ''}` : '';
  const name = l.name !== undefined ? `${l.kind ?? ''} ${l.namespace ? `${l.namespace}/` : ''}${l.name}`.trim() : (l.kind ?? '');
  return [doc, name, l.field ?? ''].filter((s) => s).join(' ');
}

function lintSection(inputs: EngineInputs): LintSection {
  try {
    const findings: ReportFinding[] = lintInputs(inputs, true).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, where: where(f) }));
    return { available: true, note: 'From the lint rules of `netsec lint` with the same inputs.', findings };
  } catch (e) {
    return { available: false, note: `lint failed: ${e instanceof Error ? e.message : String(e)}`, findings: [] };
  }
}

/** Builds everything the page shows. */
export function buildReport(inputs: EngineInputs, options: ReportOptions): ReportData {
  const model = buildEngineModel(inputs);
  const matrices = buildMatrices(model, options.ports, options.progress);
  return {
    title: options.title,
    ports: options.ports,
    matrices,
    graph: buildGraph(model.endpoints, matrices),
    nodes: buildNodeSummaries(model, options.ports),
    lint: lintSection(inputs),
  };
}
