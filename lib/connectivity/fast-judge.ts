// Verdicts between two workloads of single IP versions by the truth table's verdict-only evaluator
// (engine FastPairs, checked against evaluateFlow in test/engine): one FastPairs per connection
// class, its groups the workload member classes (MemberClasses), each judged on its first endpoint.
// ICMP classes with a type range are left to evaluateFlow (FastPairs flows carry no ICMP type).
import { ipVersionOf } from '../model/net';
import { BuiltModel, Endpoint, FastPairs, FlowParty, policingOf } from '../engine';
import { hostClassKey } from '../engine';
import { Interner } from './member-classes';
import { ConnectionClass } from './space';

/** Fast verdicts for pairs of workload member classes. */
export class FastJudge {
  private readonly groupOf = new Map<number, number>();
  private readonly reps: FlowParty[] = [];
  private readonly groupClass: number[] = [];
  private readonly classHeps: (Endpoint | undefined)[] = [];
  private readonly pairs = new Map<ConnectionClass, FastPairs>();

  /** `classOf`: the member class of each workload endpoint. */
  constructor(private readonly model: BuiltModel, classOf: (e: Endpoint) => number) {
    const hostClasses = new Interner();
    for (const e of model.endpoints) {
      if (e.kind !== 'workload' || e.ips.length !== 1) continue;
      const c = classOf(e);
      if (this.groupOf.has(c)) continue;
      const hep = policingOf(model, e.node, undefined, undefined, true);
      const hc = hostClasses.id(hostClassKey(model, hep));
      if (hc === this.classHeps.length) this.classHeps.push(hep);
      this.groupOf.set(c, this.reps.length);
      this.reps.push({ endpoint: e, ip: e.ips[0], id: e.id });
      this.groupClass.push(hc);
    }
  }

  /** The FastPairs group of a member class, when its endpoints have one address. */
  group(classId: number): number | undefined {
    return this.groupOf.get(classId);
  }

  /** True when the class can be judged here (not an ICMP type range). */
  covers(c: ConnectionClass): boolean {
    return !((c.protocol === 1 || c.protocol === 58) && c.range !== undefined);
  }

  /** Whether a workload of group a may open a connection of class c to one of group b. */
  allowed(c: ConnectionClass, a: number, b: number, sameNode: boolean): boolean {
    let pairs = this.pairs.get(c);
    if (!pairs) {
      const port = c.range && c.protocol !== 1 && c.protocol !== 58 ? Number(c.range[0]) : undefined;
      pairs = new FastPairs(this.model, c.protocol, port, this.reps, Int32Array.from(this.groupClass), this.classHeps);
      this.pairs.set(c, pairs);
    }
    return pairs.allowed(a, b, sameNode);
  }

  /** The IP version of a group's endpoints. */
  version(g: number): number | undefined {
    return ipVersionOf(this.reps[g].ip as string);
  }
}
