// The policies responsible for a verdict: what decided each side of a flow, read from the explain trace.
import { DirectionTrace, PolicyTrace, StageTrace } from '../engine';

/** One policy (or profile, failsafe port or default) that decided one side of a flow. */
export interface DecidingPolicy {
  /** `before` or `after`. */
  readonly side: string;
  /** `egress` (the source's side) or `ingress` (the destination's side). */
  readonly direction: string;
  /** NetworkPolicy, CalicoNetworkPolicy, GlobalNetworkPolicy, Profile, Failsafe or Default. */
  readonly kind: string;
  /** @default - not namespaced */
  readonly namespace?: string;
  /** Policy name as written (Kubernetes policies without Calico's `knp.default.` prefix), profile name or stage. */
  readonly name: string;
  /** @default - no tier (profiles, failsafe ports, defaults) */
  readonly tier?: string;
  /** Index of the deciding rule in the policy's Calico form. @default - no rule decided */
  readonly rule?: number;
  /** Allow, Deny, Pass, `end-of-tier-drop` (the policy applied, no rule matched), `no-profile-match`, `allow` or `deny`. */
  readonly action: string;
}

/** The name as written: Calico 3.31's `knp.default.` name of a Kubernetes policy is not what its author wrote. */
function displayName(p: PolicyTrace): string {
  return p.writtenName ?? p.policy;
}

/** The stage that decided a side: the first that denied, else the last that allowed. */
function decidingStage(trace: DirectionTrace): StageTrace | undefined {
  return trace.stages.find((s) => s.verdict === 'deny') ?? [...trace.stages].reverse().find((s) => s.verdict === 'allow');
}

/** What decided one side of a flow, as a list (several entries when a tier dropped at its end). */
export function decidingPolicies(trace: DirectionTrace, side: string): DecidingPolicy[] {
  const direction = trace.direction;
  const stage = decidingStage(trace);
  if (!stage) return [{ side, direction, kind: 'Default', name: 'no policy enforced', action: trace.allowed ? 'allow' : 'deny' }];
  if (stage.failsafe) return [{ side, direction, kind: 'Failsafe', name: stage.failsafe, action: 'Allow' }];
  const last = stage.tiers[stage.tiers.length - 1];
  if (last && last.outcome !== 'end-of-tier-pass' && last.outcome !== 'pass') {
    if (last.outcome === 'end-of-tier-drop') {
      return last.policies.map((p) => ({
        side, direction, kind: p.kind, ...(p.namespace ? { namespace: p.namespace } : {}),
        name: displayName(p), tier: last.tier, action: 'end-of-tier-drop',
      }));
    }
    const p = last.policies[last.policies.length - 1];
    return [{
      side, direction, kind: p.kind, ...(p.namespace ? { namespace: p.namespace } : {}), name: displayName(p),
      tier: last.tier, ...(p.matchedRule !== undefined ? { rule: p.matchedRule } : {}), action: p.action ?? last.outcome,
    }];
  }
  if (stage.profiles) {
    const pr = stage.profiles;
    if (pr.matchedProfile !== undefined) {
      return [{ side, direction, kind: 'Profile', name: pr.matchedProfile, ...(pr.matchedRule !== undefined ? { rule: pr.matchedRule } : {}), action: pr.action ?? stage.verdict }];
    }
    return [{ side, direction, kind: 'Profile', name: pr.profiles.join(', ') || 'no profiles', action: 'no-profile-match' }];
  }
  return [{ side, direction, kind: 'Default', name: stage.stage, action: stage.verdict }];
}

/** One line: `ingress NetworkPolicy shop/allow-web rule 0 (Allow) in tier default`. */
export function describeDeciding(d: DecidingPolicy): string {
  const who = d.kind === 'Default' ? d.name : `${d.kind} ${d.namespace ? `${d.namespace}/` : ''}${d.name}`;
  const rule = d.rule !== undefined ? ` rule ${d.rule}` : '';
  const tier = d.tier !== undefined ? ` in tier ${d.tier}` : '';
  const action = d.action === 'end-of-tier-drop' ? 'applies, no rule matched: end-of-tier drop' : d.action;
  return `${d.direction} ${who}${rule} (${action})${tier}`;
}
