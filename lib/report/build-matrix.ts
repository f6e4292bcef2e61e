// Truth-table matrices with the deciding rule of every cell, for the report.
import { BuiltModel, DirectionTrace, buildFlow, buildTruthTable, evaluateFlow } from '../engine';
import { PortKey, portKeyText } from '../diff/ports';
import { decidingPolicies, describeDeciding } from '../diff/responsible';
import { Progress } from '../util/progress';
import { MatrixCell, ReportMatrix } from './data';

function sideText(trace: DirectionTrace): string {
  const verdict = trace.allowed ? 'allows' : 'denies';
  return `${verdict}: ${decidingPolicies(trace, 'now').map(describeDeciding).join('; ')}`;
}

/** The cell's hover text, from the flow's explain trace. */
function cellTitle(model: BuiltModel, from: string, to: string, key: PortKey): { allowed: boolean; title: string } {
  const v = evaluateFlow(model, buildFlow(model, { from, to, protocol: key.protocol, port: key.port }));
  const head = `${v.allowed ? 'ALLOW' : 'DENY'} ${from} -> ${to} ${portKeyText(key)}`;
  return { allowed: v.allowed, title: `${head}\nsource egress ${sideText(v.egress)}\ndestination ingress ${sideText(v.ingress)}` };
}

/** One matrix per port over the model's pods. */
export function buildMatrices(model: BuiltModel, ports: readonly PortKey[], progress?: Progress): ReportMatrix[] {
  const out: ReportMatrix[] = [];
  progress?.start('netsec report: truth tables', ports.length);
  for (const key of ports) {
    const table = buildTruthTable(model, { protocol: key.protocol, port: key.port });
    const ids = table.ids;
    const cells: MatrixCell[][] = ids.map((from) => ids.map((to) => {
      if (from === to) return { allowed: true, self: true, title: `${from}: a pod reaching itself is always allowed` };
      const allowed = table.allowed(from, to);
      const explained = cellTitle(model, from, to, key);
      if (explained.allowed !== allowed) throw new Error(`internal: truth table and explain disagree for ${from} -> ${to} ${portKeyText(key)}`);
      return { allowed, self: false, title: explained.title };
    }));
    out.push({ port: key, ids, cells });
    progress?.tick();
  }
  progress?.done();
  return out;
}
