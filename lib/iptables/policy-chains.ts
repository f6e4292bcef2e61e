// Policy and profile chains (Felix's PolicyToIptablesChains / ProfileToIptablesChains).
import { CompiledPolicy, Profile } from '../engine';
import { CalicoRule } from '../model/resources';
import { ActionSettings, FlowLogRule, actionRules } from './actions';
import { IpSetRegistry } from './ipset-registry';
import { LogPrefixOwner, expandLogPrefix } from './log-prefix';
import { markSet } from './match';
import { matchBlocks } from './match-blocks';
import {
  POLICY_IN_PREFIX, POLICY_OUT_PREFIX, PROFILE_IN_PREFIX, PROFILE_OUT_PREFIX, policyChainName, policyId,
  policyKindShortName, profileChainName,
} from './names';
import { calculateRuleMatch } from './rule-match';
import { convertRule } from './rule-convert';
import { Chain, Rule, rule, withComments } from './rule';

/** `ingress` or `egress`. */
export type Direction = 'ingress' | 'egress';

/** The ID Felix hashes into a policy's chain names, for the release the policy was built for. */
function compiledPolicyId(p: CompiledPolicy): string {
  return policyId({ kind: p.origin.kind, tier: p.tier, name: p.name, namespace: p.namespace }, p.calicoVersion);
}

/** `knp default/x` (3.32), `np default/knp.default.x` (3.31) or `gnp allow-icmp`: how comments name a policy. */
export function policyLabel(p: CompiledPolicy): string {
  const name = p.namespace ? `${p.namespace}/${p.name}` : p.name;
  return `${policyKindShortName(p.origin.kind, p.calicoVersion)} ${name}`;
}

/** Each policy's two chain names, made once (a long ID is hashed). */
const chainNames = new WeakMap<CompiledPolicy, { readonly ingress: string; readonly egress: string }>();

export function policyChain(p: CompiledPolicy, dir: Direction): string {
  let both = chainNames.get(p);
  if (!both) {
    const id = compiledPolicyId(p);
    both = { ingress: policyChainName(POLICY_IN_PREFIX, id), egress: policyChainName(POLICY_OUT_PREFIX, id) };
    chainNames.set(p, both);
  }
  return both[dir];
}

export function profileChain(name: string, dir: Direction): string {
  return profileChainName(dir === 'ingress' ? PROFILE_IN_PREFIX : PROFILE_OUT_PREFIX, name);
}

/**
 * Renders one Calico rule: match blocks, the final match (plus `scratch0` when blocks are used),
 * the action rules (none when the rule does not apply to the IP version); every line names the
 * owner, direction and rule index. Comments (and so the
 * `cali:` hashes, which Felix computes over the rendered rule, comments included) name no file:
 * the same policies give the same plan however the manifests are split into files.
 */
function renderCalicoRule(
  r: CalicoRule, index: number, owner: string, dir: Direction, reg: IpSetRegistry, s: ActionSettings,
  policy: CompiledPolicy | undefined, logOwner: LogPrefixOwner, flowLog: FlowLogRule | undefined,
): Rule[] {
  const trace = `${owner} ${dir} rule ${index} ${r.action}`;
  const converted = convertRule(r, reg, policy);
  // As Felix (ProtoRuleToIptablesRules): a rule that does not apply to this IP version renders nothing.
  if (!converted.rule) return [];
  const blocks = matchBlocks(converted.rule, s.marks);
  const match = calculateRuleMatch(blocks.rest, reg.version);
  if (blocks.usingBlocks) match.push(markSet(s.marks.scratch0));
  const settings = { ...s, logPrefix: expandLogPrefix(s.logPrefix, logOwner) };
  return [...blocks.rules, ...actionRules(converted.rule.action, match, settings, flowLog)].map((x) => withComments(x, trace));
}

function isReturn(r: Rule): boolean {
  return r.action === '--jump RETURN';
}

/** Rules of a policy/profile chain: trailing RETURNs dropped, the chain comment on the first rule. */
export function rulesChain(name: string, chainComment: string, rules: Rule[]): Chain {
  const out = [...rules];
  while (out.length > 0 && isReturn(out[out.length - 1])) out.pop();
  if (out.length === 0) out.push(rule([], ''));
  out[0] = { ...out[0], comments: [chainComment, ...out[0].comments] };
  return { name, rules: out };
}

/** Who a chain's NFLOG prefixes name: a policy by its ID, a profile by its name. */
interface FlowLogOwner {
  readonly owner: 'policy' | 'profile';
  readonly id: string;
}

function renderRules(
  rules: readonly CalicoRule[], owner: string, dir: Direction, reg: IpSetRegistry, s: ActionSettings, logOwner: LogPrefixOwner,
  flowLogOwner: FlowLogOwner | undefined, p?: CompiledPolicy,
): Rule[] {
  return rules.flatMap((r, i) => renderCalicoRule(r, i, owner, dir, reg, s, p, logOwner, flowLogOwner && { ...flowLogOwner, dir, index: i }));
}

/**
 * The ID a policy's NFLOG prefixes carry, or undefined when its rules log no flows: flow logs off, or
 * an untracked (doNotTrack) policy (Felix leaves NFLOG out of untracked rules for speed). 3.32: the
 * policy ID (felix/types PolicyID.ID); 3.31 (v3.31.7 policy.go): the v1 name, `<ns>/<name>` for
 * namespaced policies.
 */
function policyFlowLogOwner(p: CompiledPolicy, s: ActionSettings): FlowLogOwner | undefined {
  if (s.flowLogs !== true || p.doNotTrack) return undefined;
  if (p.calicoVersion === '3.31') return { owner: 'policy', id: p.namespace ? `${p.namespace}/${p.name}` : p.name };
  return { owner: 'policy', id: compiledPolicyId(p) };
}

/** 3.31's kinds by v1 name prefix (felix/rules/policy.go policyNameToKindShortName at v3.31.7). */
const KIND_BY_PREFIX_331: readonly [string, string][] = [
  ['knp.default.', 'knp'], ['kanp.adminnetworkpolicy.', 'kanp'], ['kbanp.baselineadminnetworkpolicy.', 'kbanp'],
];

/**
 * A policy as Felix's log prefix names it: its short kind, the name Felix sees, namespace and tier.
 * 3.32 takes them from the PolicyID; 3.31 (v3.31.7 generateLogPrefix) reads the kind from the
 * prefix of the v1 name (`<ns>/<name>` for namespaced policies, so a Kubernetes policy is `np` there
 * and only the global `kanp.`/`kbanp.` names match; else gnp or np) and strips the `<tier>.` of
 * names without such a prefix (libcalico-go names.DeconstructPolicyName).
 */
function policyLogOwner(p: CompiledPolicy): LogPrefixOwner {
  if (p.calicoVersion !== '3.31') {
    return { kind: policyKindShortName(p.origin.kind, p.calicoVersion), name: p.name, namespace: p.namespace, tier: p.tier };
  }
  const v1Name = p.namespace ? `${p.namespace}/${p.name}` : p.name;
  const byKind = KIND_BY_PREFIX_331.find(([prefix]) => v1Name.startsWith(prefix));
  const kind = byKind ? byKind[1] : p.namespace ? 'np' : 'gnp';
  const keep = KIND_BY_PREFIX_331.some(([prefix]) => p.name.startsWith(prefix));
  const name = !keep && p.name.startsWith(`${p.tier}.`) ? p.name.slice(p.tier.length + 1) : p.name;
  return { kind, name, namespace: p.namespace, tier: p.tier };
}

/** The first comment of a policy chain: `Policy <label> <dir> (tier T, order O)`. */
function policyChainComment(label: string, dir: Direction, p: CompiledPolicy): string {
  return `Policy ${label} ${dir} (tier ${p.tier}, order ${p.order ?? 'none'})`;
}

/** The first comment of a profile chain: `Profile <name> <dir>`, and what follows it. */
export function profileChainComment(name: string, dir: Direction, rest: string = ''): string {
  return `Profile ${name} ${dir}${rest}`;
}

/**
 * The owner (`gnp allow-vrrp`, `np ns/name`, `pro name`) that the readable text of a policy or
 * profile chain's first rule names (the comments above); undefined for any other text.
 */
export function chainOwnerFromComment(text: string): string | undefined {
  const policy = /^Policy (\S+ \S+) (?:ingress|egress) \(/.exec(text);
  if (policy) return policy[1];
  const profile = /^Profile (\S+) (?:ingress|egress)(?:$| |;)/.exec(text);
  return profile ? `pro ${profile[1]}` : undefined;
}

/** `cali-pi-...` and `cali-po-...` of a policy (a chain for a missing direction has only its comment). */
export function policyChains(p: CompiledPolicy, reg: IpSetRegistry, s: ActionSettings): Chain[] {
  const label = policyLabel(p);
  return (['ingress', 'egress'] as const).map((dir) => rulesChain(
    policyChain(p, dir),
    policyChainComment(label, dir, p),
    renderRules((dir === 'ingress' ? p.ingress : p.egress) ?? [], label, dir, reg, s, policyLogOwner(p), policyFlowLogOwner(p, s), p),
  ));
}

/** `cali-pri-...` and `cali-pro-...` of a profile. */
export function profileChains(p: Profile, reg: IpSetRegistry, s: ActionSettings): Chain[] {
  const label = `pro ${p.name}`;
  return (['ingress', 'egress'] as const).map((dir) => rulesChain(
    profileChain(p.name, dir),
    profileChainComment(p.name, dir),
    renderRules(dir === 'ingress' ? p.ingress : p.egress, label, dir, reg, s, { kind: 'pro', name: p.name, tier: '' },
      s.flowLogs === true ? { owner: 'profile', id: p.name } : undefined),
  ));
}
