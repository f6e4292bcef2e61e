// NS003 a rule never reached because an earlier rule (same or lower order) covers it;
// NS004 a policy all of whose rules are so covered.
import { CalicoRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { policyScopeCovers, ruleCovers } from '../analysis/covers';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
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
    const scopes = scopeCandidates(tier.policies);
    tier.policies.forEach((pb, bi) => {
      const earlier = scopes(bi).filter((pa) => policyScopeCovers(ctx, pa, pb));
      for (const direction of ['ingress', 'egress'] as const) {
        (pb[direction] ?? []).forEach((rb, ri) => {
          const by = coveringRule(earlier, pb, direction, rb, ri);
          if (by) out.push({ policy: pb, direction, index: ri, ...by });
        });
      }
    });
  }
  return out;
}

/**
 * For policy `bi` of a tier, the policies up to and including it, in tier order, that can cover
 * its scope: global policies, plus the policies of its own namespace when it is namespaced
 * (policyScopeCovers is false for a namespaced policy of another namespace).
 */
function scopeCandidates(policies: readonly CompiledPolicy[]): (bi: number) => CompiledPolicy[] {
  const globals: number[] = [];
  const byNamespace = new Map<string, number[]>();
  policies.forEach((p, i) => {
    if (p.namespace === undefined) {
      globals.push(i);
    } else {
      const list = byNamespace.get(p.namespace);
      if (list) list.push(i);
      else byNamespace.set(p.namespace, [i]);
    }
  });
  return (bi) => {
    const ns = policies[bi].namespace;
    const own = ns === undefined ? [] : byNamespace.get(ns) ?? [];
    const out: CompiledPolicy[] = [];
    let g = 0;
    let o = 0;
    while (true) {
      const gi = g < globals.length && globals[g] <= bi ? globals[g] : undefined;
      const oi = o < own.length && own[o] <= bi ? own[o] : undefined;
      if (gi === undefined && oi === undefined) return out;
      if (oi === undefined || (gi !== undefined && gi < oi)) {
        out.push(policies[gi as number]);
        g++;
      } else {
        out.push(policies[oi]);
        o++;
      }
    }
  };
}

function coveringRule(earlier: readonly CompiledPolicy[], pb: CompiledPolicy, direction: 'ingress' | 'egress',
  rb: CalicoRule, ri: number): { by: CompiledPolicy; byIndex: number; byAction: string } | undefined {
  for (const pa of earlier) {
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
  const byPolicy = new Map<CompiledPolicy, Shadow[]>();
  for (const s of shadows) {
    const list = byPolicy.get(s.policy);
    if (list) list.push(s);
    else byPolicy.set(s.policy, [s]);
  }
  for (const p of ctx.policies()) {
    const own = byPolicy.get(p) ?? [];
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
      policyLocation(s.policy, ruleField(s.policy, s.direction, s.index))));
  }
  return out;
}
