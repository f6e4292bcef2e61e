// NS003 a rule never reached because an earlier rule (same or lower order) covers it;
// NS004 a policy all of whose rules are so covered.
import { CalicoRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { policyScopeCovers, ruleCovers } from '../analysis/covers';
import { LintContext, finding, policyLabel, policyLocation, ruleField } from '../context';
import { LintFinding } from '../types';

const TERMINAL = ['Allow', 'Deny', 'Pass'];

interface Shadow {
  readonly policy: CompiledPolicy;
  readonly direction: 'ingress' | 'egress';
  readonly index: number;
  readonly by: CompiledPolicy;
  readonly byIndex: number;
  readonly byAction: string;
}

function findShadows(ctx: LintContext): Shadow[] {
  const out: Shadow[] = [];
  for (const tier of ctx.model.tiers) {
    tier.policies.forEach((pb, bi) => {
      for (const direction of ['ingress', 'egress'] as const) {
        (pb[direction] ?? []).forEach((rb, ri) => {
          const by = coveringRule(ctx, tier.policies.slice(0, bi + 1), pb, direction, rb, ri);
          if (by) out.push({ policy: pb, direction, index: ri, ...by });
        });
      }
    });
  }
  return out;
}

function coveringRule(ctx: LintContext, earlier: readonly CompiledPolicy[], pb: CompiledPolicy, direction: 'ingress' | 'egress',
  rb: CalicoRule, ri: number): { by: CompiledPolicy; byIndex: number; byAction: string } | undefined {
  for (const pa of earlier) {
    if (!policyScopeCovers(ctx, pa, pb)) continue;
    const rules = pa[direction] ?? [];
    const limit = pa === pb ? ri : rules.length;
    for (let i = 0; i < limit; i++) {
      const ra = rules[i];
      if (TERMINAL.includes(ra.action) && ruleCovers(ra, pa, rb, pb)) return { by: pa, byIndex: i, byAction: ra.action };
    }
  }
  return undefined;
}

function ruleCount(p: CompiledPolicy): number {
  return (p.ingress ?? []).length + (p.egress ?? []).length;
}

/** NS003 and NS004 findings. */
export function shadowedRules(ctx: LintContext): LintFinding[] {
  const shadows = findShadows(ctx);
  const out: LintFinding[] = [];
  const redundant = new Set<CompiledPolicy>();
  for (const p of ctx.policies()) {
    const own = shadows.filter((s) => s.policy === p);
    if (ruleCount(p) > 0 && own.length === ruleCount(p) && own.every((s) => s.by !== p)) {
      redundant.add(p);
      const by = [...new Set(own.map((s) => policyLabel(s.by)))].join(', ');
      out.push(finding('NS004', `${policyLabel(p)} is fully redundant: every rule is covered by an earlier rule of ${by}`,
        policyLocation(p)));
    }
  }
  for (const s of shadows) {
    if (redundant.has(s.policy)) continue;
    const where = s.by === s.policy ? `rule ${s.byIndex} of the same policy` : `${s.direction} rule ${s.byIndex} of ${policyLabel(s.by)}`;
    out.push(finding('NS003',
      `${policyLabel(s.policy)}: ${s.direction} rule ${s.index} is never reached: ${where} (${s.byAction}) matches all its traffic first`,
      policyLocation(s.policy, ruleField(ctx, s.policy, s.direction, s.index))));
  }
  return out;
}
