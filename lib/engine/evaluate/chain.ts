// One policy chain: tiers in order, policies in order, rules in order, then profiles.
import { BuiltModel, BuiltTier } from '../model/build';
import { endpointParty } from '../model/party';
import { CompiledRule, PolicyImpl, compileRule } from '../model/policy';
import { PolicyIndex } from '../model/policy-index';
import { Endpoint, Profile } from '../model/types';
import { ruleMatches } from './rule-match';
import { Flow, PolicyTrace, ProfileTrace, TierTrace } from './types';
import { httpMatchNote } from './http-match';
import { serviceMatchNote } from './service-match';
import { PolicyChainKind, placedIn } from './placement';

/** How a chain ends when no rule decides. */
export interface ChainOptions {
  /** Which kind of chain: decides which policies belong in it (placedIn). */
  readonly kind: PolicyChainKind;
  /** Untracked and pre-DNAT tiers: every tier's default action is Pass. */
  readonly tiersPass: boolean;
  /** `profiles` (normal chains), `allow` (forward chains), `continue` (untracked / pre-DNAT). */
  readonly after: string;
}

/** The result of one chain. */
export interface ChainResult {
  /** `allow`, `deny` or `continue`. */
  readonly verdict: string;
  readonly tiers: readonly TierTrace[];
  readonly profiles?: ProfileTrace;
  readonly reason: string;
}

/** A tier with the policies of one chain that apply to an endpoint. */
export interface ApplicableTier {
  readonly tier: BuiltTier;
  readonly applicable: readonly PolicyImpl[];
}

const applicableCache = new WeakMap<BuiltModel, WeakMap<ChainOptions, Map<string, ApplicableTier[]>>>();

const indexCache = new WeakMap<BuiltTier, Map<string, PolicyIndex>>();

/** A tier's policies that belong in one kind of chain for one direction: global ones, and by namespace, in tier order. */
interface Eligible {
  readonly global: readonly number[];
  readonly byNamespace: ReadonlyMap<string, readonly number[]>;
}

const eligibleCache = new WeakMap<BuiltTier, Map<string, Eligible>>();

function eligibleIn(tier: BuiltTier, kind: PolicyChainKind, direction: string): Eligible {
  let byKey = eligibleCache.get(tier);
  if (!byKey) {
    byKey = new Map();
    eligibleCache.set(tier, byKey);
  }
  const key = `${kind}|${direction}`;
  let found = byKey.get(key);
  if (!found) {
    const global: number[] = [];
    const byNamespace = new Map<string, number[]>();
    tier.policies.forEach((p, i) => {
      if (!placedIn(p, kind, direction) || rulesFor(p, direction) === undefined) return;
      if (p.namespace === undefined) global.push(i);
      else {
        const list = byNamespace.get(p.namespace);
        if (list) list.push(i);
        else byNamespace.set(p.namespace, [i]);
      }
    });
    found = { global, byNamespace };
    byKey.set(key, found);
  }
  return found;
}

/** Two ascending position lists merged, ascending. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/**
 * The index of the tier's policies that can apply in a namespace and belong in the chain: global
 * ones and the namespace's own, placed in this kind of chain with rules for the direction, in tier
 * order (cached; `undefined`: not namespaced, global policies only).
 */
function indexIn(tier: BuiltTier, namespace: string | undefined, kind: PolicyChainKind, direction: string): PolicyIndex {
  let byNs = indexCache.get(tier);
  if (!byNs) {
    byNs = new Map();
    indexCache.set(tier, byNs);
  }
  const key = `${kind}|${direction}|${namespace === undefined ? '' : `/${namespace}`}`;
  let index = byNs.get(key);
  if (!index) {
    const eligible = eligibleIn(tier, kind, direction);
    const own = namespace === undefined ? [] : eligible.byNamespace.get(namespace) ?? [];
    index = new PolicyIndex(mergeAscending(eligible.global, own).map((i) => tier.policies[i]));
    byNs.set(key, index);
  }
  return index;
}

/** The tiers with at least one policy for the endpoint in the direction (cached per label set). */
export function applicableTiers(model: BuiltModel, endpoint: Endpoint, direction: string, opts: ChainOptions): ApplicableTier[] {
  let byOpts = applicableCache.get(model);
  if (!byOpts) {
    byOpts = new WeakMap();
    applicableCache.set(model, byOpts);
  }
  let byKey = byOpts.get(opts);
  if (!byKey) {
    byKey = new Map();
    byOpts.set(opts, byKey);
  }
  const key = `${direction}|${endpointParty(endpoint).labelKey}`;
  let out = byKey.get(key);
  if (!out) {
    out = [];
    for (const tier of model.tiers) {
      // a namespaced policy applies only to workloads of its namespace (PolicyImpl.appliesTo), and a
      // policy only to endpoints with the label its selector requires (PolicyIndex): test those first
      const candidates = indexIn(tier, endpoint.namespace, opts.kind, direction).candidates(endpointParty(endpoint));
      const applicable = candidates.filter((p) => p.appliesTo(endpoint));
      if (applicable.length > 0) out.push({ tier, applicable });
    }
    byKey.set(key, out);
  }
  return out;
}

/** The explain note of a deciding rule's `services` match (a rule has at most one: source in ingress, destination in egress). */
function serviceNote(model: BuiltModel, rule: CompiledRule): { serviceMatch?: string } {
  const s = rule.source.service ?? rule.destination.service;
  return s ? { serviceMatch: serviceMatchNote(model.services, s.side, s.match) } : {};
}

/** Rules of the policy for the direction, or undefined when its types do not include it. */
export function rulesFor(p: PolicyImpl, direction: string): readonly CompiledRule[] | undefined {
  return direction === 'ingress' ? p.compiledIngress : p.compiledEgress;
}

/** True when the end of the tier passes to the next tier in this chain; false when it drops. */
export function tierPassesAtEnd(tier: BuiltTier, opts: ChainOptions): boolean {
  return opts.tiersPass || tier.defaultAction === 'Pass';
}

/** Evaluates the chain Felix builds for the endpoint in the direction. */
export function evaluateChain(model: BuiltModel, endpoint: Endpoint, direction: string, flow: Flow, opts: ChainOptions): ChainResult {
  const tiers: TierTrace[] = [];
  for (const { tier, applicable } of applicableTiers(model, endpoint, direction, opts)) {
    const traces: PolicyTrace[] = [];
    let outcome: string | undefined;
    for (const p of applicable) {
      const logged: number[] = [];
      let decided: CompiledRule | undefined;
      for (const rule of rulesFor(p, direction) ?? []) {
        if (!ruleMatches(model, rule, flow)) continue;
        if (rule.action === 'Log') {
          logged.push(rule.index);
          continue;
        }
        decided = rule;
        break;
      }
      traces.push({
        policy: p.name, ...(p.origin.name !== p.name ? { writtenName: p.origin.name } : {}), namespace: p.namespace, kind: p.origin.kind, logged,
        ...(p.origin.defaults && p.origin.defaults.length > 0 ? { defaults: p.origin.defaults } : {}),
        ...(decided ? { matchedRule: decided.index, action: decided.action } : {}),
        ...(decided?.rule.http ? { httpMatch: httpMatchNote(decided.rule.http) } : {}),
        ...(decided ? serviceNote(model, decided) : {}),
      });
      if (decided) {
        outcome = decided.action.toLowerCase();
        break;
      }
    }
    if (outcome === undefined) outcome = tierPassesAtEnd(tier, opts) ? 'end-of-tier-pass' : 'end-of-tier-drop';
    tiers.push({ tier: tier.name, policies: traces, outcome });
    if (outcome === 'allow' || outcome === 'deny') {
      const last = traces[traces.length - 1];
      return { verdict: outcome, tiers, reason: `${last.policy} rule ${last.matchedRule} (${last.action}) in tier ${tier.name}` };
    }
    if (outcome === 'end-of-tier-drop') {
      return { verdict: 'deny', tiers, reason: `end of tier ${tier.name}: no policy allowed or passed the packet` };
    }
  }
  const tiersApplied = tiers.length > 0;
  if (opts.after === 'continue') {
    return { verdict: 'continue', tiers, reason: tiersApplied ? 'no rule decided; default action Pass' : 'no policy applies' };
  }
  if (opts.after === 'allow') return forwardEnd(model, endpoint, direction, opts, tiers);
  return evaluateProfiles(model, endpoint, direction, flow, tiers);
}

/**
 * The end of a forward chain (Felix's endpointIptablesChain): "Allow forwarded traffic by default"
 * only when the endpoint has no applyOnForward tier at all, in either direction; otherwise the
 * chain returns with the accept mark clear and the kernel's FORWARD chain (its policy, ACCEPT
 * unless the node sets another) decides, which the engine reports as `continue`.
 */
function forwardEnd(model: BuiltModel, endpoint: Endpoint, direction: string, opts: ChainOptions, tiers: TierTrace[]): ChainResult {
  const other = direction === 'ingress' ? 'egress' : 'ingress';
  if (tiers.length === 0 && applicableTiers(model, endpoint, other, opts).length === 0) {
    return { verdict: 'allow', tiers, reason: 'no applyOnForward policy applies: forwarded traffic is allowed' };
  }
  const why = tiers.length > 0 ? 'every tier passed the packet' : `applyOnForward policy applies only for ${other}`;
  return { verdict: 'continue', tiers, reason: `${why}: Calico does not accept it, the node's FORWARD chain policy decides` };
}

const compiledProfiles = new WeakMap<Profile, { ingress: CompiledRule[]; egress: CompiledRule[] }>();

/**
 * A profile's rules that can decide, compiled, for the direction (cached per profile): its Allow and
 * Deny rules in order, with their indexes as written (Log and Pass rules decide nothing in a profile).
 */
export function profileRules(p: Profile, direction: string): readonly CompiledRule[] {
  let c = compiledProfiles.get(p);
  if (!c) {
    const deciding = (rules: readonly CompiledRule[]): CompiledRule[] => rules.filter((r) => r.action === 'Allow' || r.action === 'Deny');
    c = {
      ingress: deciding(p.ingress.map((r, i) => compileRule(r, i, undefined, `profile ${p.name}: ingress[${i}]`))),
      egress: deciding(p.egress.map((r, i) => compileRule(r, i, undefined, `profile ${p.name}: egress[${i}]`))),
    };
    compiledProfiles.set(p, c);
  }
  return direction === 'ingress' ? c.ingress : c.egress;
}

function evaluateProfiles(model: BuiltModel, endpoint: Endpoint, direction: string, flow: Flow, tiers: TierTrace[]): ChainResult {
  const prefix = tiers.length > 0 ? 'every tier passed the packet; ' : 'no policy applies; ';
  for (const name of endpoint.profiles) {
    const profile = model.profiles.get(name);
    if (!profile) continue;
    for (const rule of profileRules(profile, direction)) {
      if (!ruleMatches(model, rule, flow)) continue;
      const profiles: ProfileTrace = { profiles: endpoint.profiles, matchedProfile: name, matchedRule: rule.index, action: rule.action };
      const verdict = rule.action === 'Allow' ? 'allow' : 'deny';
      return { verdict, tiers, profiles, reason: `${prefix}profile ${name} rule ${rule.index} (${rule.action})` };
    }
  }
  const reason = endpoint.profiles.length === 0
    ? `${prefix}the endpoint has no profiles: default deny`
    : `${prefix}no profile matched (${endpoint.profiles.join(', ')}): drop`;
  return { verdict: 'deny', tiers, profiles: { profiles: endpoint.profiles }, reason };
}
