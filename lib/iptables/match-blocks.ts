// Felix's matchBlockBuilder: ORs of CIDRs and port groups rendered as several rules that set the
// scratch marks, so the final rule only tests `scratch0` (felix/rules/policy.go).
import { MarkBits } from './marks';
import * as m from './match';
import { PortRange, splitPortList } from './ports';
import { ProtoRule, ProtoSide } from './proto-rule';
import { Rule, rule } from './rule';

/** The block rules, plus the rule with the blocked matches removed. */
export interface MatchBlocks {
  readonly rules: readonly Rule[];
  readonly rest: ProtoRule;
  /** True when the final rule must also test `scratch0`. */
  readonly usingBlocks: boolean;
}

class Builder {
  public readonly rules: Rule[] = [];
  public using = false;
  private doneFirstPositive = false;
  constructor(private readonly marks: MarkBits) {}

  private initial(bits: number): void {
    if (this.using) return;
    this.rules.push(rule([], m.setMaskedMark(bits, this.marks.scratch0 + this.marks.scratch1)));
    this.using = true;
  }

  private positiveMark(): number {
    return this.doneFirstPositive ? this.marks.scratch1 : this.marks.scratch0;
  }

  private finishPositive(): void {
    if (!this.doneFirstPositive) {
      this.doneFirstPositive = true;
      return;
    }
    this.rules.push(rule([m.markClear(this.marks.scratch1)], m.clearMark(this.marks.scratch0)));
  }

  public ports(protocol: string | undefined, splits: PortRange[][], namedSets: readonly string[], src: boolean): void {
    this.initial(0);
    const bit = this.positiveMark();
    for (const split of splits) {
      const match = protocol === undefined ? [] : [m.protocolMatch(protocol)];
      match.push(src ? m.sourcePorts(split) : m.destPorts(split));
      this.rules.push(rule(match, m.setMark(bit)));
    }
    for (const s of namedSets) this.rules.push(rule([src ? m.sourceIpPortSet(s) : m.destIpPortSet(s)], m.setMark(bit)));
    this.finishPositive();
  }

  public cidrs(cidrs: readonly string[], src: boolean): void {
    this.initial(0);
    const bit = this.positiveMark();
    for (const c of cidrs) this.rules.push(rule([src ? m.sourceNet(c) : m.destNet(c)], m.setMark(bit)));
    this.finishPositive();
  }

  public negatedCidrs(cidrs: readonly string[], src: boolean): void {
    this.initial(this.marks.scratch0);
    for (const c of cidrs) this.rules.push(rule([src ? m.sourceNet(c) : m.destNet(c)], m.clearMark(this.marks.scratch0)));
  }
}

/**
 * Splits a rule's ORed matches into blocks, in Felix's order: source ports, destination ports,
 * source CIDRs, destination CIDRs, negated source CIDRs, negated destination CIDRs.
 */
export function matchBlocks(r: ProtoRule, marks: MarkBits): MatchBlocks {
  const b = new Builder(marks);
  let src: ProtoSide = r.src;
  let dst: ProtoSide = r.dst;
  const srcSplits = splitPortList(src.ports);
  if (srcSplits.length + src.namedPortSets.length > 1) {
    b.ports(r.protocol, srcSplits, src.namedPortSets, true);
    src = { ...src, ports: [], namedPortSets: [] };
  }
  const dstSplits = splitPortList(dst.ports);
  if (dstSplits.length + dst.namedPortSets.length > 1) {
    b.ports(r.protocol, dstSplits, dst.namedPortSets, false);
    dst = { ...dst, ports: [], namedPortSets: [] };
  }
  if (src.nets.length > 1) {
    b.cidrs(src.nets, true);
    src = { ...src, nets: [] };
  }
  if (dst.nets.length > 1) {
    b.cidrs(dst.nets, false);
    dst = { ...dst, nets: [] };
  }
  if (src.nets.length + src.notNets.length > 1) {
    b.negatedCidrs(src.notNets, true);
    src = { ...src, notNets: [] };
  }
  if (dst.nets.length + dst.notNets.length > 1) {
    b.negatedCidrs(dst.notNets, false);
    dst = { ...dst, notNets: [] };
  }
  return { rules: b.rules, rest: { ...r, src, dst }, usingBlocks: b.using };
}
