// One policy chain evaluated symbolically: for a source and a destination, the set of connection
// classes the chain allows, the set it leaves undecided (`continue`, untracked and pre-DNAT chains)
// and, by difference, the set it denies. The walk follows evaluate/chain.ts (evaluateChain) rule by
// rule with a remaining set instead of one flow: a rule takes remaining ∩ (its classes) when its
// source and destination match the parties; Allow adds that to the allowed set, Deny drops it, Pass
// keeps it for the next tier; at the end of a tier the rest passes or drops (tierPassesAtEnd); then
// the chain's end (continue, allow, or the profiles' rules, else deny) takes what is left.
// A rule's address part (selectors, nets, notSelector, a source services match) is evaluated once
// per (entity, party); its protocol part once per protocol match; its port part once per (entity,
// party), over the class list, by the engine's own predicates (rule-match.ts).
import { ipFamily } from '../engine/model/address-match';
import { CompiledEntity } from '../engine/model/entity';
import { CompiledRule } from '../engine/model/policy';
import { entityAddressMatches, entityPortMatches, protocolPartMatches } from '../engine/evaluate/rule-match';
import { tierPassesAtEnd } from '../engine/evaluate/chain';
import { ApplicableTier, BuiltModel, ChainOptions, Endpoint, FlowParty, applicableTiers, profileRules, rulesFor } from '../engine';
import { ClassBits, bitsWhere, emptyBits, fullBits } from './class-bits';
import { flowFor } from './class-flow';
import { ConnectionClass } from './space';

/** A party of a flow and the key of what rule matching reads of it (equal keys, equal matches). */
export interface KeyedParty {
  readonly party: FlowParty;
  readonly key: string;
}

/** What a chain does with each class: allow, continue (undecided), else deny. */
export interface ChainSets {
  readonly allow: ClassBits;
  readonly cont: ClassBits;
}

/** One shared chain and its results per pair of party keys. */
interface ChainSlot {
  readonly tiers: readonly ApplicableTier[];
  readonly results: Map<string, ChainSets>;
}

const NOBODY: FlowParty = { id: '' };

/** Symbolic chain evaluation over the classes of the map. */
export class ChainSetEvaluator {
  readonly size: number;
  readonly full: ClassBits;
  private readonly empty: ClassBits;
  private readonly words: number;
  private readonly protocolSets = new Map<string, ClassBits>();
  private readonly addressHits = new Map<CompiledEntity, Map<string, boolean>>();
  private readonly portSets = new Map<CompiledEntity, Map<string, ClassBits>>();
  private readonly tierIds = new WeakMap<readonly ApplicableTier[], number>();
  private readonly slots = new Map<string, ChainSlot>();
  private readonly slotsOf = new WeakMap<Endpoint, Map<string, ChainSlot>>();
  private nextTierId = 0;
  private readonly scratch: Uint32Array;

  constructor(private readonly model: BuiltModel, private readonly classes: readonly ConnectionClass[]) {
    this.size = classes.length;
    this.full = fullBits(this.size);
    this.empty = emptyBits(this.size);
    this.words = this.full.length;
    this.scratch = new Uint32Array(this.words);
  }

  /** The classes for which `test` holds of the class's flow between the parties. */
  where(src: FlowParty, dst: FlowParty, test: (flow: ReturnType<typeof flowFor>) => boolean): ClassBits {
    return bitsWhere(this.size, (i) => test(flowFor(src, dst, this.classes[i])));
  }

  /** The chain Felix builds for the endpoint in the direction, for the flow from src to dst. */
  chain(ep: Endpoint, direction: string, opts: ChainOptions, src: KeyedParty, dst: KeyedParty): ChainSets {
    const slot = this.slotOf(ep, direction, opts);
    const key = `${src.key}|${dst.key}`;
    let r = slot.results.get(key);
    if (!r) {
      r = this.walk(slot.tiers, direction, opts, ep.profiles, src, dst);
      slot.results.set(key, r);
    }
    return r;
  }

  /** The endpoint's chain: shared by every endpoint with the same applicable tiers (and profiles, when they end it). */
  private slotOf(ep: Endpoint, direction: string, opts: ChainOptions): ChainSlot {
    let byKind = this.slotsOf.get(ep);
    if (!byKind) {
      byKind = new Map();
      this.slotsOf.set(ep, byKind);
    }
    const kindKey = `${opts.kind}|${direction}`;
    let slot = byKind.get(kindKey);
    if (!slot) {
      const tiers = applicableTiers(this.model, ep, direction, opts);
      let id = this.tierIds.get(tiers);
      if (id === undefined) {
        id = this.nextTierId++;
        this.tierIds.set(tiers, id);
      }
      const key = `${kindKey}|${id}|${opts.after === 'profiles' ? ep.profiles.join(',') : ''}`;
      slot = this.slots.get(key);
      if (!slot) {
        slot = { tiers, results: new Map() };
        this.slots.set(key, slot);
      }
      byKind.set(kindKey, slot);
    }
    return slot;
  }

  private walk(tiers: readonly ApplicableTier[], direction: string, opts: ChainOptions, profiles: readonly string[], src: KeyedParty, dst: KeyedParty): ChainSets {
    const w = this.words;
    const version = ipVersionOf(src.party, dst.party);
    const allow = new Uint32Array(w);
    let remaining: Uint32Array = this.full.slice();
    for (const { tier, applicable } of tiers) {
      const cur = remaining;
      const passed = new Uint32Array(w);
      let left = true;
      for (const p of applicable) {
        for (const rule of rulesFor(p, direction) ?? []) {
          if (rule.action === 'Log') continue;
          if (!this.take(rule, src, dst, version, cur, rule.action === 'Allow' ? allow : rule.action === 'Pass' ? passed : undefined)) continue;
          left = anyBit(cur);
          if (!left) break;
        }
        if (!left) break;
      }
      if (tierPassesAtEnd(tier, opts)) for (let i = 0; i < w; i++) cur[i] |= passed[i];
      remaining = tierPassesAtEnd(tier, opts) ? cur : passed;
      if (!anyBit(remaining)) return { allow, cont: this.empty };
    }
    if (opts.after === 'continue') return { allow, cont: remaining };
    if (opts.after === 'allow') {
      for (let i = 0; i < w; i++) allow[i] |= remaining[i];
      return { allow, cont: this.empty };
    }
    for (const name of profiles) {
      const profile = this.model.profiles.get(name);
      if (!profile) continue;
      for (const rule of profileRules(profile, direction)) {
        if (this.take(rule, src, dst, version, remaining, rule.action === 'Allow' ? allow : undefined) && !anyBit(remaining)) return { allow, cont: this.empty };
      }
    }
    return { allow, cont: this.empty };
  }

  /**
   * The classes of `cur` the rule matches: removed from `cur` and added to `into` (when given).
   * Returns false when the rule takes nothing.
   */
  private take(rule: CompiledRule, src: KeyedParty, dst: KeyedParty, version: number | undefined, cur: Uint32Array, into: Uint32Array | undefined): boolean {
    if (rule.ipVersion !== undefined && version !== rule.ipVersion) return false;
    if (!this.address(rule.source, src) || !this.address(rule.destination, dst)) return false;
    const proto = this.protocolSet(rule);
    const ps = this.portSet(rule.source, src, false);
    const pd = this.portSet(rule.destination, dst, true);
    const m = this.scratch;
    let any = 0;
    for (let i = 0; i < m.length; i++) {
      m[i] = cur[i] & proto[i] & ps[i] & pd[i];
      any |= m[i];
    }
    if (any === 0) return false;
    for (let i = 0; i < m.length; i++) {
      cur[i] &= ~m[i];
      if (into) into[i] |= m[i];
    }
    return true;
  }

  private address(e: CompiledEntity, p: KeyedParty): boolean {
    let byParty = this.addressHits.get(e);
    if (!byParty) {
      byParty = new Map();
      this.addressHits.set(e, byParty);
    }
    let v = byParty.get(p.key);
    if (v === undefined) {
      v = entityAddressMatches(this.model, e, p.party);
      byParty.set(p.key, v);
    }
    return v;
  }

  /** The classes whose protocol, ICMP type and code the rule matches (per distinct protocol match). */
  private protocolSet(rule: CompiledRule): ClassBits {
    const r = rule.rule;
    const key = `${rule.protocol}|${rule.notProtocol}|${JSON.stringify(r.icmp ?? null)}|${JSON.stringify(r.notICMP ?? null)}`;
    let b = this.protocolSets.get(key);
    if (!b) {
      b = this.where(NOBODY, NOBODY, (flow) => protocolPartMatches(rule, flow));
      this.protocolSets.set(key, b);
    }
    return b;
  }

  /**
   * The classes the entity's port part matches for the party: its destination port (the class's
   * first port) for the destination, the flow's source port (none) for the source.
   */
  private portSet(e: CompiledEntity, p: KeyedParty, destination: boolean): ClassBits {
    if (!e.ports && !e.notPorts && e.service?.side !== 'destination') return this.full;
    let byParty = this.portSets.get(e);
    if (!byParty) {
      byParty = new Map();
      this.portSets.set(e, byParty);
    }
    const key = `${destination ? 'd' : 's'}${p.key}`;
    let b = byParty.get(key);
    if (!b) {
      b = this.where(destination ? NOBODY : p.party, destination ? p.party : NOBODY,
        (flow) => entityPortMatches(this.model, e, p.party, destination ? flow.port : flow.sourcePort, flow));
      byParty.set(key, b);
    }
    return b;
  }
}

function anyBit(b: Uint32Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return true;
  return false;
}

/** The flow's IP version as rule-match.ts reads it: the destination's address, else the source's. */
function ipVersionOf(src: FlowParty, dst: FlowParty): number | undefined {
  const ip = dst.ip ?? src.ip;
  return ip === undefined ? undefined : ipFamily(ip);
}
