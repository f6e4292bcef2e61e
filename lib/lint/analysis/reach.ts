// Can any peer reach (or be reached from) an endpoint on one protocol and port? A structural walk
// of the tiers in Felix order; "partial" rules (constrained peers) make the answer "some".
import { ipVersionOf, protocolNumber } from '../../model/net';
import { CalicoRule, EntityRule } from '../../model/resources';
import { CompiledPolicy, EngineModel, Endpoint } from '../../engine';
import { nonEmpty } from './lists';
import { parseNets } from './nets';
import { portListIncludes } from './ports';

/** `all`: every peer gets through; `some`: some peers may; `none`: no peer does. */
type Reach = 'all' | 'some' | 'none';

type Direction = 'ingress' | 'egress';
type RuleMatch = 'no' | 'partial' | 'definite';

/** True when the direction's rules of the policy are enforced for the endpoint (normal policy, not preDNAT/untracked). */
export function policyEnforces(policy: CompiledPolicy, endpoint: Endpoint, direction: Direction): boolean {
  if (policy.preDNAT || policy.doNotTrack) return false;
  if ((direction === 'ingress' ? policy.ingress : policy.egress) === undefined) return false;
  return policy.appliesTo(endpoint);
}

/**
 * Walks normal (not preDNAT, not untracked) policy and then profiles for packets of `protocol`
 * to destination `port`, into (`ingress`) or out of (`egress`) the endpoint. Failsafe ports are
 * not considered. `tierPolicies`, index-aligned with `model.tiers`, may narrow each tier to the
 * policies that can apply to the endpoint (LintContext.tierPoliciesFor); the answer is the same.
 */
export function reach(model: EngineModel, endpoint: Endpoint, direction: Direction, protocol: number, port: number,
  tierPolicies?: readonly (readonly CompiledPolicy[])[]): Reach {
  let someAllowed = false;
  let someDenied = false;
  const verdict = (allowedRest: boolean): Reach => {
    if (allowedRest) return someDenied ? 'some' : 'all';
    return someAllowed ? 'some' : 'none';
  };
  for (const [ti, tier] of model.tiers.entries()) {
    const policies = (tierPolicies?.[ti] ?? tier.policies).filter((p) => policyEnforces(p, endpoint, direction));
    if (policies.length === 0) continue;
    let passedSome = false;
    let passedAll = false;
    for (const p of policies) {
      for (const rule of (direction === 'ingress' ? p.ingress : p.egress) ?? []) {
        const m = matchRule(rule, endpoint, direction, protocol, port);
        if (m === 'no' || rule.action === 'Log') continue;
        if (rule.action === 'Allow') {
          if (m === 'definite') return verdict(true);
          someAllowed = true;
        } else if (rule.action === 'Deny') {
          if (m === 'definite') return verdict(false);
          someDenied = true;
        } else if (rule.action === 'Pass') {
          if (m === 'definite') { passedAll = true; break; }
          passedSome = true;
        }
      }
      if (passedAll) break;
    }
    if (passedAll || tier.defaultAction === 'Pass') continue;
    if (!passedSome) return verdict(false);
    someDenied = true;
  }
  for (const name of endpoint.profiles) {
    for (const rule of (direction === 'ingress' ? model.profiles.get(name)?.ingress : model.profiles.get(name)?.egress) ?? []) {
      const m = matchRule(rule, endpoint, direction, protocol, port);
      if (m === 'no' || rule.action === 'Log') continue;
      if (rule.action === 'Allow' && m === 'definite') return verdict(true);
      if (rule.action === 'Allow') someAllowed = true;
      else if (m === 'definite') return verdict(false);
      else someDenied = true;
    }
  }
  return verdict(false);
}

/** True when the nets hold a catch-all CIDR for every IP version the endpoint has (both when it has no address). */
function netsCatchAll(nets: readonly string[], endpoint: Endpoint): boolean {
  const parsed = parseNets(nets) ?? [];
  const versions = endpoint.ips.length > 0 ? [...new Set(endpoint.ips.map((ip) => ipVersionOf(ip)))] : [4, 6];
  return versions.every((v) => parsed.some((n) => n.version === v && n.isCatchAll()));
}

function hasPeerFields(e: EntityRule, withPorts: boolean, endpoint: Endpoint): boolean {
  const nets = nonEmpty(e.nets);
  return (nets !== undefined && !netsCatchAll(nets, endpoint)) || nonEmpty(e.notNets) !== undefined || Boolean(e.selector)
    || Boolean(e.notSelector) || Boolean(e.namespaceSelector) || e.serviceAccounts !== undefined || e.services !== undefined
    || (withPorts && (nonEmpty(e.ports) !== undefined || nonEmpty(e.notPorts) !== undefined));
}

/** Does the rule match packets of this protocol to this destination port for the endpoint? */
function matchRule(rule: CalicoRule, endpoint: Endpoint, direction: Direction, protocol: number, port: number): RuleMatch {
  if (rule.protocol !== undefined && protocolNumber(rule.protocol) !== protocol) return 'no';
  if (rule.notProtocol !== undefined && protocolNumber(rule.notProtocol) === protocol) return 'no';
  if (rule.icmp !== undefined) return 'no';
  const dst = rule.destination ?? {};
  const src = rule.source ?? {};
  const named = (name: string): number | undefined => (direction === 'ingress'
    ? endpoint.namedPorts.find((n) => n.name === name && protocolNumber(n.protocol) === protocol)?.port : undefined);
  let partial = rule.ipVersion !== undefined || rule.notICMP !== undefined;
  const ports = nonEmpty(dst.ports);
  const notPorts = nonEmpty(dst.notPorts);
  if (ports !== undefined && !portListIncludes(ports, port, named)) {
    if (direction === 'ingress' || ports.every((p) => /^[0-9:]+$/.test(p))) return 'no';
    partial = true;
  }
  if (notPorts !== undefined && portListIncludes(notPorts, port, named)) return 'no';
  // The peer is the source for ingress and the destination for egress; the other side is the
  // endpoint itself, whose selector or net constraints are treated as partial too.
  if (hasPeerFields(src, true, endpoint) || hasPeerFields(dst, false, endpoint)) partial = true;
  return partial ? 'partial' : 'definite';
}
