// Verdict-only evaluation of workload-to-workload flows for truth tables. It follows
// evaluate/sides.ts and evaluate/chain.ts step by step but builds no traces or reasons: each chain is
// compiled once per label set into arrays of entity ids, whether an entity matches a group is
// computed once per (entity, group) (group-matches.ts), and a chain's verdicts for one owner are
// computed against every group at once (chain-row.ts). The result equals evaluateFlow(...).allowed
// for any source in group `a` and destination in group `b` (test/engine/table*.test.ts check it).
import { BuiltModel } from '../model/build';
import { endpointParty } from '../model/party';
import { CompiledRule } from '../model/policy';
import { Endpoint } from '../model/types';
import { ChainOptions, applicableTiers, profileRules, rulesFor, tierPassesAtEnd } from '../evaluate/chain';
import { FORWARD, NORMAL, PRE_DNAT, UNTRACKED } from '../evaluate/placement';
import { protocolPartMatches } from '../evaluate/rule-match';
import { failsafe } from '../evaluate/sides';
import { Flow, FlowParty } from '../evaluate/types';
import { encapsulationDropReason } from '../evaluate/workload-static';
import { AFTER_ALLOW, AFTER_CONTINUE, AFTER_PROFILES, ALLOW, CONTINUE, DENY, FastChain, FastTier, PASS, chainRow } from './chain-row';
import { GroupMatches } from './group-matches';
import { SmallIds } from '../../util/small-ids';

/** A rule of a chain and the namespace of its policy (undefined: global policy or profile). */
type RuleOf = readonly [CompiledRule, string | undefined];

/** The chains of a host endpoint class (the forward-path chains of a node's fallback host endpoint). */
interface HostChains {
  readonly forwardEgress: FastChain;
  readonly forwardIngress: FastChain;
  readonly untracked?: FastChain;
  readonly preDnat: FastChain;
}

/**
 * Which chain of a pair: those below SLOT_INGRESS belong to the source group (its own chains and
 * its node's), the others to the destination's. The `STAR` ones are the chains of the node's
 * all-interfaces host endpoint that a pod's cali interface meets (evaluate/sides.ts).
 */
const SLOT_EGRESS = 0;
const SLOT_FORWARD_EGRESS = 1;
const SLOT_STAR_PRE_DNAT = 2;
const SLOT_STAR_FORWARD_INGRESS = 3;
const SLOT_INGRESS = 4;
const SLOT_UNTRACKED = 5;
const SLOT_PRE_DNAT = 6;
const SLOT_FORWARD_INGRESS = 7;
const SLOT_STAR_FORWARD_EGRESS = 8;
const SLOTS = 9;

function actionCode(action: string): number {
  return action === 'Allow' ? ALLOW : action === 'Deny' ? DENY : PASS;
}

/**
 * Verdicts of workload pairs by group. A chain's verdict depends on its owner group (the source for
 * egress chains, the destination for ingress chains) only through the chain's rules and which of
 * their owner-side entities match the owner; so owners with the same chain content and the same
 * matches share one row of verdicts against every other group, computed whole the first time.
 */
export class FastPairs {
  private readonly entityIds = new Map<string, number>();
  /** Entity id per compiled rule and role (a rule belongs to one policy, so its namespace is fixed). */
  private readonly ruleSrc = new Map<CompiledRule, number>();
  private readonly ruleDst = new Map<CompiledRule, number>();
  /** Chains by the policies that apply (label sets with the same applicable policies share one chain). */
  private readonly chainsByPolicies = new Map<string, FastChain>();
  private readonly policyIds = new SmallIds<object>();
  private readonly matches: GroupMatches;
  private readonly chainIds = new Map<string, number>();
  private readonly tierIds = new Map<string, FastTier>();
  /** Tiers by the policies in them (the same policies, the same tier). */
  private readonly tiersByPolicies = new Map<string, FastTier>();
  private readonly chainCache = new Map<string, FastChain>();
  private readonly egressChains: FastChain[];
  private readonly ingressChains: FastChain[];
  private readonly hostChains: (HostChains | undefined)[];
  /** Per host class: its host endpoint is an all-interfaces one. */
  private readonly classStar: boolean[];
  private readonly failsafeIn: Uint8Array;
  /** The source workload's egress drops the flow as VXLAN or IP-in-IP before any policy. */
  private readonly encapsulationDropped: boolean;
  private readonly flow: Flow;
  private readonly groups: number;
  /** Per slot and owner group: the shared row of verdicts against every other group. */
  private readonly rows: (Uint8Array | undefined)[][];
  private readonly rowIds = new Map<string, Uint8Array>();

  /**
   * `reps[g]`: a party of group g (a workload with an address); `groupClass[g]`: the host class of
   * its node; `classHeps[c]`: a host endpoint of class c (undefined: no host endpoint).
   */
  constructor(
    private readonly model: BuiltModel,
    protocol: number,
    port: number | undefined,
    reps: readonly FlowParty[],
    private readonly groupClass: Int32Array,
    classHeps: readonly (Endpoint | undefined)[],
  ) {
    this.groups = reps.length;
    const none: FlowParty = { id: '' };
    this.flow = { source: none, destination: none, protocol, port };
    this.encapsulationDropped = encapsulationDropReason(model.felix, this.flow) !== undefined;
    this.matches = new GroupMatches(model, this.flow, reps);
    this.egressChains = reps.map((r) => this.compile(r.endpoint as Endpoint, 'egress', NORMAL));
    this.ingressChains = reps.map((r) => this.compile(r.endpoint as Endpoint, 'ingress', NORMAL));
    this.hostChains = classHeps.map((hep) => (hep ? {
      forwardEgress: this.compile(hep, 'egress', FORWARD),
      forwardIngress: this.compile(hep, 'ingress', FORWARD),
      ...(hep.interfaceName !== '*' ? { untracked: this.compile(hep, 'ingress', UNTRACKED) } : {}),
      preDnat: this.compile(hep, 'ingress', PRE_DNAT),
    } : undefined));
    this.classStar = classHeps.map((hep) => hep?.interfaceName === '*');
    this.failsafeIn = Uint8Array.from(reps, (r) => (failsafe(model.felix.failsafeInbound, this.flow, r.ip) ? 1 : 0));
    this.rows = Array.from({ length: SLOTS }, () => new Array<Uint8Array | undefined>(this.groups));
  }

  /** Whether a workload of group `a` may open the flow to a workload of group `b`, on one node or across nodes. */
  public allowed(a: number, b: number, sameNode: boolean): boolean {
    if (this.encapsulationDropped) return false;
    const starOut = this.starChains(a);
    if (starOut) {
      const early = this.failsafeIn[a] === 0 ? this.verdict(SLOT_STAR_PRE_DNAT, starOut.preDnat, a, b) : CONTINUE;
      if (early === DENY) return false;
      if (early !== ALLOW && this.verdict(SLOT_STAR_FORWARD_INGRESS, starOut.forwardIngress, a, b) === DENY) return false;
    }
    if (this.verdict(SLOT_EGRESS, this.egressChains[a], a, b) === DENY) return false;
    if (!sameNode) {
      const out = this.hostChains[this.groupClass[a]];
      if (out && this.verdict(SLOT_FORWARD_EGRESS, out.forwardEgress, a, b) === DENY) return false;
      const into = this.hostChains[this.groupClass[b]];
      if (into) {
        let early = CONTINUE;
        if (this.failsafeIn[a] === 0) {
          if (into.untracked) early = this.verdict(SLOT_UNTRACKED, into.untracked, a, b);
          if (early === CONTINUE) early = this.verdict(SLOT_PRE_DNAT, into.preDnat, a, b);
        }
        if (early === DENY) return false;
        if (early !== ALLOW && this.verdict(SLOT_FORWARD_INGRESS, into.forwardIngress, a, b) === DENY) return false;
      }
    }
    if (this.verdict(SLOT_INGRESS, this.ingressChains[b], a, b) !== ALLOW) return false;
    const starIn = this.starChains(b);
    return !(starIn && this.verdict(SLOT_STAR_FORWARD_EGRESS, starIn.forwardEgress, a, b) === DENY);
  }

  /** The chains of the all-interfaces host endpoint of group g's node (its class's, when that is one). */
  private starChains(g: number): HostChains | undefined {
    const c = this.groupClass[g];
    return this.classStar[c] ? this.hostChains[c] : undefined;
  }

  /** The chain's verdict for a -> b, through the owner's shared row (computed whole, once per row). */
  private verdict(slot: number, chain: FastChain, a: number, b: number): number {
    const egress = slot < SLOT_INGRESS;
    const owner = egress ? a : b;
    let row = this.rows[slot][owner];
    if (!row) {
      const bits: number[] = [];
      for (const e of egress ? chain.srcEntities : chain.dstEntities) bits.push(this.matches.match(e, owner));
      const key = `${egress ? 'e' : 'i'}${chain.id}|${bits.join('')}`;
      row = this.rowIds.get(key);
      if (!row) {
        row = chainRow(chain, owner, egress, this.matches, this.groups);
        this.rowIds.set(key, row);
      }
      this.rows[slot][owner] = row;
    }
    return row[egress ? b : a];
  }

  private compile(ep: Endpoint, direction: string, opts: ChainOptions): FastChain {
    const after = opts.after === 'continue' ? AFTER_CONTINUE : opts.after === 'allow' ? AFTER_ALLOW : AFTER_PROFILES;
    const tag = opts === UNTRACKED ? 'u' : opts === PRE_DNAT ? 'p' : opts === FORWARD ? 'f' : 'n';
    const key = `${tag}|${direction}|${ep.profiles.join(',')}|${endpointParty(ep).labelKey}`;
    let chain = this.chainCache.get(key);
    if (chain) return chain;
    const applicableList = applicableTiers(this.model, ep, direction, opts);
    const policiesKey = `${tag}|${direction}|${ep.profiles.join(',')}|${applicableList.map(({ tier, applicable }) => `${tier.name}:${applicable.map((p) => this.policyId(p)).join(',')}`).join(';')}`;
    chain = this.chainsByPolicies.get(policiesKey);
    if (chain) {
      this.chainCache.set(key, chain);
      return chain;
    }
    const tiers = applicableList.map(({ tier, applicable }) => {
      // tiers are shared by every chain with the same policies in them (e.g. a security tier's few combinations)
      const tierKey = `${tag}|${direction}|${tier.name}|${applicable.map((p) => this.policyId(p)).join(',')}`;
      let fast = this.tiersByPolicies.get(tierKey);
      if (!fast) {
        const rules: RuleOf[] = [];
        for (const p of applicable) {
          for (const rule of rulesFor(p, direction) ?? []) {
            if (rule.action === 'Log' || !protocolPartMatches(rule, this.flow)) continue;
            rules.push([rule, p.namespace]);
          }
        }
        fast = this.tier(rules, tierPassesAtEnd(tier, opts));
        this.tiersByPolicies.set(tierKey, fast);
      }
      return fast;
    });
    const profileList: RuleOf[] = [];
    if (after === AFTER_PROFILES) {
      for (const name of ep.profiles) {
        const profile = this.model.profiles.get(name);
        if (!profile) continue;
        for (const rule of profileRules(profile, direction)) {
          if (!protocolPartMatches(rule, this.flow)) continue;
          profileList.push([rule, undefined]);
        }
      }
    }
    const profile = this.tier(profileList, false);
    const all = [...tiers, profile];
    // tier ids are interned by content, so equal tier ids in order mean equal chain content
    const content = `${after}|${all.map((t) => t.id).join(',')}`;
    let id = this.chainIds.get(content);
    if (id === undefined) {
      id = this.chainIds.size;
      this.chainIds.set(content, id);
    }
    const distinct = (pick: (t: FastTier) => Int32Array): Int32Array => {
      const set = new Set<number>();
      for (const t of all) for (const e of pick(t)) set.add(e);
      return Int32Array.from(set);
    };
    chain = { id, tiers, after, profile, srcEntities: distinct((t) => t.srcDistinct), dstEntities: distinct((t) => t.dstDistinct) };
    this.chainCache.set(key, chain);
    this.chainsByPolicies.set(policiesKey, chain);
    return chain;
  }

  /** A tier of rule ids, interned by content: equal content, one object and one id. */
  private tier(rules: readonly RuleOf[], passAtEnd: boolean): FastTier {
    const src = Int32Array.from(rules, ([r, ns]) => this.entityId(r, ns, 's'));
    const dst = Int32Array.from(rules, ([r, ns]) => this.entityId(r, ns, 'd'));
    const actions = Uint8Array.from(rules, ([r]) => actionCode(r.action));
    const content = `${passAtEnd ? 'p' : 'd'}:${src.join(',')}/${dst.join(',')}/${actions.join(',')}`;
    let t = this.tierIds.get(content);
    if (!t) {
      t = { id: this.tierIds.size, src, dst, actions, passAtEnd, srcDistinct: Int32Array.from(new Set(src)), dstDistinct: Int32Array.from(new Set(dst)) };
      this.tierIds.set(content, t);
    }
    return t;
  }

  /**
   * One id per distinct entity meaning: the entity as written, the policy's namespace (it scopes
   * selectors) and, for destinations, the rule's ipVersion (checked against the destination).
   */
  private entityId(rule: CompiledRule, namespace: string | undefined, role: string): number {
    const byRule = role === 's' ? this.ruleSrc : this.ruleDst;
    const known = byRule.get(rule);
    if (known !== undefined) return known;
    const id = this.entityIdOf(rule, namespace, role);
    byRule.set(rule, id);
    return id;
  }

  private policyId(p: object): number {
    return this.policyIds.of(p);
  }

  private entityIdOf(rule: CompiledRule, namespace: string | undefined, role: string): number {
    const key = role === 's' ? `s|${namespace ?? ''}|${JSON.stringify(rule.rule.source ?? {})}`
      : `d|${namespace ?? ''}|${rule.ipVersion ?? ''}|${JSON.stringify(rule.rule.destination ?? {})}`;
    let id = this.entityIds.get(key);
    if (id === undefined) {
      id = this.matches.add({ rule, role });
      this.entityIds.set(key, id);
    }
    return id;
  }
}
