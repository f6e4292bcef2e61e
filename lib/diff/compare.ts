// The semantic diff: pod-level flows whose verdict differs between two models over the same inventory.
import { BuiltModel, DirectionTrace, FlowVerdict, buildFlow, buildTruthTable, evaluateFlow } from '../engine';
import { Progress } from '../util/progress';
import { PortKey, portKeyText } from './ports';
import { DecidingPolicy, decidingPolicies } from './responsible';

/** One pod-level flow whose verdict changed. */
export interface ChangedFlow {
  /** `namespace/pod`. */
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  /** @default - none (portless protocol) */
  readonly port?: number;
  /** The interval's last port when the flow stands for every port of `port`..`toPort`. @default - `port` alone */
  readonly toPort?: number;
  /** What decided the sides whose verdict changed, before and after. */
  readonly policies: readonly DecidingPolicy[];
}

/** The result of a semantic diff. */
export interface DiffResult {
  /** Denied before, allowed after. */
  readonly opened: readonly ChangedFlow[];
  /** Allowed before, denied after. */
  readonly closed: readonly ChangedFlow[];
  /** The ports compared. */
  readonly ports: readonly PortKey[];
  /** Pods compared (present in both models). */
  readonly pods: readonly string[];
}

/** Options of semanticDiff. */
export interface DiffOptions {
  readonly ports: readonly PortKey[];
  /** @default - no progress */
  readonly progress?: Progress;
}

/** The sides (egress/ingress) whose verdict changed, with what decided them before and after. */
function responsible(before: FlowVerdict, after: FlowVerdict): DecidingPolicy[] {
  const out: DecidingPolicy[] = [];
  const pairs: [DirectionTrace, DirectionTrace][] = [[before.egress, after.egress], [before.ingress, after.ingress]];
  for (const [b, a] of pairs) {
    if (b.allowed === a.allowed) continue;
    out.push(...decidingPolicies(b, 'before'), ...decidingPolicies(a, 'after'));
  }
  return out;
}

/** Compares every ordered pair of distinct pods on every port; evaluates changed flows with traces. */
export function semanticDiff(before: BuiltModel, after: BuiltModel, options: DiffOptions): DiffResult {
  const afterIds = new Set(after.endpoints.filter((e) => e.kind === 'workload').map((e) => e.id));
  const pods = before.endpoints.filter((e) => e.kind === 'workload' && afterIds.has(e.id)).map((e) => e.id).sort();
  const opened: ChangedFlow[] = [];
  const closed: ChangedFlow[] = [];
  const progress = options.progress;
  progress?.start('netsec diff: comparing ports', options.ports.length);
  for (const key of options.ports) {
    const tb = buildTruthTable(before, { protocol: key.protocol, port: key.port });
    const ta = buildTruthTable(after, { protocol: key.protocol, port: key.port });
    for (const from of pods) {
      for (const to of pods) {
        if (from === to) continue;
        const was = tb.allowed(from, to);
        if (was === ta.allowed(from, to)) continue;
        const spec = { from, to, protocol: key.protocol, port: key.port };
        const vb = evaluateFlow(before, buildFlow(before, spec));
        const va = evaluateFlow(after, buildFlow(after, spec));
        if (vb.allowed !== was || va.allowed === was) {
          throw new Error(`internal: truth table and explain disagree for ${from} -> ${to} ${portKeyText(key)}`);
        }
        const flow: ChangedFlow = {
          from, to, protocol: key.protocol, ...(key.port !== undefined ? { port: key.port } : {}),
          ...(key.toPort !== undefined ? { toPort: key.toPort } : {}), policies: responsible(vb, va),
        };
        (was ? closed : opened).push(flow);
      }
    }
    progress?.tick();
  }
  progress?.done();
  return { opened: opened.sort(compareFlows), closed: closed.sort(compareFlows), ports: options.ports, pods };
}

function compareFlows(a: ChangedFlow, b: ChangedFlow): number {
  const ka = [a.from, a.to, a.protocol];
  const kb = [b.from, b.to, b.protocol];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return (a.port ?? -1) - (b.port ?? -1);
}
