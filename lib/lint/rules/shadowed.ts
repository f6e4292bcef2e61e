// NS003 a rule never reached because an earlier rule (same or lower order) covers it;
// NS004 a policy all of whose rules are so covered.
import { CalicoRule } from '../../model/resources';
import { CompiledPolicy } from '../../engine';
import { policyScopeCovers, ruleCovers } from '../analysis/covers';
import { LintContext } from '../context';
import { finding, policyLabel, policyLocation, ruleField } from '../finding';
import { LintFinding } from '../types';
import { defineLintRule } from '../rule';

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

/** The shadowed rules and the fully redundant policies of one run (both rules read it; computed once per context). */
interface ShadowAnalysis {
  readonly shadows: readonly Shadow[];
  /** Policies whose every rule is covered by earlier rules of other policies, with those policies' labels. */
  readonly redundant: ReadonlyMap<CompiledPolicy, string>;
}

const analyses = new WeakMap<LintContext, ShadowAnalysis>();

function analyse(ctx: LintContext): ShadowAnalysis {
  const cached = analyses.get(ctx);
  if (cached) return cached;
  const shadows = findShadows(ctx);
  const byPolicy = new Map<CompiledPolicy, Shadow[]>();
  for (const s of shadows) {
    const list = byPolicy.get(s.policy);
    if (list) list.push(s);
    else byPolicy.set(s.policy, [s]);
  }
  const redundant = new Map<CompiledPolicy, string>();
  for (const p of ctx.policies()) {
    const own = byPolicy.get(p) ?? [];
    if (ruleCount(p) > 0 && own.length === ruleCount(p) && own.every((s) => s.by !== p)) {
      redundant.set(p, [...new Set(own.map((s) => policyLabel(s.by)))].join(', '));
    }
  }
  const out = { shadows, redundant };
  analyses.set(ctx, out);
  return out;
}

/** NS004 findings: fully redundant policies. */
function redundantPoliciesCheck(ctx: LintContext): LintFinding[] {
  return [...analyse(ctx).redundant.entries()].map(([p, by]) => finding(REDUNDANT_POLICY,
    `${policyLabel(p)} is fully redundant: every rule is covered by an earlier rule of ${by}`, policyLocation(p)));
}

/** NS003 findings: rules never reached (left out for policies NS004 reports as a whole). */
function shadowedRulesCheck(ctx: LintContext): LintFinding[] {
  const { shadows, redundant } = analyse(ctx);
  return shadows.filter((s) => !redundant.has(s.policy)).map((s) => {
    const where = s.by === s.policy ? `rule ${s.byIndex} of the same policy` : `${s.direction} rule ${s.byIndex} of ${policyLabel(s.by)}`;
    return finding(SHADOWED_RULE,
      `${policyLabel(s.policy)}: ${s.direction} rule ${s.index} is never reached: ${where} (${s.byAction}) matches all its traffic first`,
      policyLocation(s.policy, ruleField(s.policy, s.direction, s.index)));
  });
}

/** NS003. */
export const SHADOWED_RULE = defineLintRule('NS003', 'shadowed-rule', 'warning',
  'A rule fully covered by an earlier rule of the same or a lower order is never reached, so it does not do what it says.',
  shadowedRulesCheck);

/** NS004. */
export const REDUNDANT_POLICY = defineLintRule('NS004', 'redundant-policy', 'info',
  'A policy whose every rule is covered by earlier rules changes no verdict and only adds review and runtime cost.',
  redundantPoliciesCheck);
