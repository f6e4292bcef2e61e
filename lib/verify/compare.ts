// Compares each probe's real result with the engine's verdict and reports the differences.
import { AgentResult } from './agent';
import { describeFlow, ProbeFlow } from './flows';

/** The engine's answer for one probe, with its explanation as text (the engine's own FlowVerdict, rendered). */
export interface ProbeVerdict {
  readonly allowed: boolean;
  /** The engine's explanation (trace), shown for mismatches. */
  readonly explanation: string;
}

/** Judges a flow the way the engine does. */
export interface FlowJudge {
  judge(flow: ProbeFlow): ProbeVerdict;
}

/** One probe: what the kernel did and what the engine said. */
export interface ProbeComparison {
  readonly flow: ProbeFlow;
  /** The kernel let the probe through (connection, echo or ping reply). */
  readonly observed: boolean;
  /** The agent's detail: `connected`, `timeout`, `refused`, ... */
  readonly observedDetail: string;
  readonly expected: boolean;
  readonly explanation: string;
}

/** The outcome of verifying one node. */
export interface NodeVerifyReport {
  /** The node, or `a+b` for two joined nodes. */
  readonly node: string;
  /** The two nodes of a run that joined them (`verify --cross-node`). @default - one node */
  readonly joined?: readonly [string, string];
  readonly comparisons: readonly ProbeComparison[];
  readonly mismatches: readonly ProbeComparison[];
}

/** Pairs every flow with its probe result and verdict. An engine error counts as a mismatch. */
export function compareFlows(node: string, flows: readonly ProbeFlow[], observed: ReadonlyMap<string, AgentResult>, judge: FlowJudge): NodeVerifyReport {
  const comparisons = flows.map((flow): ProbeComparison => {
    const seen = observed.get(flow.id);
    let verdict: ProbeVerdict;
    let engineFailed = false;
    try {
      verdict = judge.judge(flow);
    } catch (e) {
      engineFailed = true;
      verdict = { allowed: !(seen?.ok ?? false), explanation: `engine error: ${e instanceof Error ? e.message : String(e)}` };
    }
    return {
      flow,
      observed: seen?.ok ?? false,
      observedDetail: seen?.detail ?? 'not probed',
      expected: engineFailed ? !(seen?.ok ?? false) : verdict.allowed,
      explanation: verdict.explanation,
    };
  });
  return { node, comparisons, mismatches: comparisons.filter((c) => c.observed !== c.expected) };
}

function verdictWord(allowed: boolean): string {
  return allowed ? 'allowed' : 'denied';
}

/** `node N: compared N probes, M mismatches` (`nodes A and B joined: ...` for two joined nodes), then each mismatch with the engine's explanation. */
export function formatNodeReport(report: NodeVerifyReport): string {
  const toServices = report.comparisons.filter((c) => c.flow.service !== undefined).length;
  const services = toServices > 0 ? ` (${toServices} to Services, each through its pinned backend)` : '';
  const what = report.joined ? `nodes ${report.joined[0]} and ${report.joined[1]} joined` : `node ${report.node}`;
  const lines = [`${what}: compared ${report.comparisons.length} probes${services}, ${report.mismatches.length} mismatches`];
  for (const m of report.mismatches) {
    lines.push(`  MISMATCH ${describeFlow(m.flow)}: kernel ${verdictWord(m.observed)} (${m.observedDetail}), engine ${verdictWord(m.expected)}`);
    for (const l of m.explanation.split('\n').filter((t) => t.trim().length > 0)) lines.push(`    ${l}`);
  }
  return lines.join('\n');
}
