// Assembles the report's data from the engine inputs: the workload matrix, the graph, host summaries,
// lint findings and, when asked, the pod-level truth tables.
import { BuiltModel, EngineInputs } from '../engine';
import { LintFinding, lintInputs } from '../lint';
import { documentName, resourceName } from '../lint/format/location';
import { PortKey } from '../diff/ports';
import { Progress } from '../util/progress';
import { LintSection, ReportData, ReportFinding } from './data';
import { buildGraph } from './build-graph';
import { buildGuardrails } from './build-guardrails';
import { buildNodeSummaries } from './build-hosts';
import { buildMatrices } from './build-matrix';
import { buildServices } from './build-services';
import { buildWorkloadMatrix } from './build-workloads';

/** Options of buildReport. */
export interface ReportOptions {
  readonly title: string;
  /** The selector's port shortcuts, and the ports of the pod-level tables. */
  readonly ports: readonly PortKey[];
  /** Also the pod-level truth tables, one per port, with the deciding rules of every cell. @default false */
  readonly pods?: boolean;
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
  const workloads = buildWorkloadMatrix(model);
  return {
    title: options.title,
    workloads,
    matrices: options.pods ? buildMatrices(model, options.ports, options.progress) : [],
    ports: options.ports,
    graph: buildGraph(workloads),
    nodes: buildNodeSummaries(model),
    services: buildServices(model),
    lint: lintSection(inputs),
    guardrails: buildGuardrails(inputs, model),
  };
}
