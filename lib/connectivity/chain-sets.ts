// One policy chain evaluated symbolically: for a source and a destination, the set of connection
// classes the chain allows, the set it leaves undecided (`continue`, untracked and pre-DNAT chains)
// and, by difference, the set it denies. The walk follows evaluate/chain.ts (evaluateChain) rule by
// rule with a remaining set instead of one flow: a rule takes remaining ∩ (its classes) when its
// source and destination match the parties; Allow adds that to the allowed set, Deny drops it, Pass
// keeps it for the next tier; at the end of a tier the rest passes or drops (tierPassesAtEnd); then
// the chain's end (continue, allow, or the profiles' rules, else deny) takes what is left.
// A rule's address part (selectors, nets, notSelector, a source services match) is evaluated once
// per (entity, party); its protocol part once per protocol match; its port part once per (entity,
// party), over the class list, by the engine's own predicates (rule-match.ts). A chain's result
// depends on a party only through those matches, so parties with the same matches on the chain's
// entities (its signature for the chain) share one walk, as FastPairs shares rows.
import { ipFamily } from '../engine/model/address-match';
import { CompiledEntity } from '../engine/model/entity';
import { CompiledRule } from '../engine/model/policy';
import { EntityRule } from '../model/resources';
import { entityAddressMatches, entityPortMatches, protocolPartMatches } from '../engine/evaluate/rule-match';
import { tierPassesAtEnd } from '../engine/evaluate/chain';
import { ApplicableTier, BuiltModel, ChainOptions, Endpoint, FlowParty, applicableTiers, profileRules, rulesFor } from '../engine';
import { ClassBits, bitsKey, bitsWhere, emptyBits, fullBits } from './class-bits';
import { flowFor } from './class-flow';
import { ConnectionClass } from './space';
import { SmallIds } from '../util/small-ids';

/** A party of a flow and the key of what rule matching reads of it (equal keys, equal matches; ChainSetEvaluator.partyKey). */
export interface KeyedParty {
  readonly party: FlowParty;
  readonly key: number;
}

/** What a chain does with each class: allow, continue (undecided), else deny. */
export interface ChainSets {
  readonly allow: ClassBits;
  readonly cont: ClassBits;
}

/** A port part's classes and their id (equal sets, equal ids). */
interface PortSet {
  readonly bits: ClassBits;
  readonly id: number;
}

/**
 * The entities of one side of a chain and the parties' signatures on them: shared by the chains
 * whose rules have the same sources (destinations), e.g. the same rules under other selectors.
 */
interface SigTable {
  /** Entity ids (ChainSetEvaluator.entityId), each once, in id order, by ownNamespace ('' for none). */
  readonly groups: ReadonlyMap<string, Int32Array>;
  /** Signature id + 1 per party key, 0 not known yet (a dense array: keys come in any order, and a sparse JS array is a slow dictionary). */
  sig: Int32Array;
  readonly ids: Map<string, number>;
}

/** One shared chain: its signature tables (sources, destinations) and its results per pair of signatures. */
interface ChainSlot {
  readonly tiers: readonly ApplicableTier[];
  readonly profiles: readonly string[];
  readonly src: SigTable;
  readonly dst: SigTable;
  /** Per source signature: per destination signature and IP version (small-integer keys), the chain's result. */
  readonly results: Map<number, Map<number, ChainSets>>;
}

/** Signature ids stay below this (a result's key packs the destination's and the IP version into a small integer). */
const SIGS = 1 << 21;

/** The kinds of chain, for the per-endpoint slot index. */
function kindIndex(kind: string): number {
  switch (kind) {
    case 'forward': return 1;
    case 'untracked': return 2;
    case 'preDNAT': return 3;
    default: return 0;
  }
}

const NOBODY: FlowParty = { id: '' };

/** Symbolic chain evaluation over the classes of the map. */
export class ChainSetEvaluator {
  readonly size: number;
  readonly full: ClassBits;
  private readonly empty: ClassBits;
  private readonly words: number;
  private readonly protocolSets = new Map<string, ClassBits>();
  /** Entities by meaning: the entity as written, its policy's namespace and its side (FastPairs' entity ids). */
  private readonly entityIds = new Map<string, number>();
  private readonly idOfEntity = new Map<CompiledEntity, number>();
  private readonly entities: CompiledEntity[] = [];
  /** Per entity id, per party key: 0 not known yet, 1 no match, 2 match (address part). */
  private readonly hits: Int8Array[] = [];
  private readonly portSets: Map<number, PortSet>[] = [];
  private readonly portSetIds = new Map<string, number>();
  private readonly partyKeys = new SmallIds<string>();
  private readonly partyNamespaces: (readonly string[] | undefined)[] = [];
  private readonly tierContent = new WeakMap<readonly ApplicableTier[], string>();
  private readonly policyIds = new SmallIds<object>();
  private readonly slots = new Map<string, ChainSlot>();
  private readonly sigTables = new Map<string, SigTable>();
  private readonly slotsOf = new Map<Endpoint, (ChainSlot | undefined)[]>();
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

  /** A small number for a party key text: parties with equal texts must match every entity alike. */
  partyKey(text: string): number {
    return this.partyKeys.of(text);
  }

  /** The chain Felix builds for the endpoint in the direction, for the flow from src to dst. */
  chain(ep: Endpoint, direction: string, opts: ChainOptions, src: KeyedParty, dst: KeyedParty): ChainSets {
    const slot = this.slotOf(ep, direction, opts);
    const version = ipVersionOf(src.party, dst.party) ?? 0;
    const srcSig = this.signature(slot, src, false);
    let bySrc = slot.results.get(srcSig);
    if (!bySrc) {
      bySrc = new Map();
      slot.results.set(srcSig, bySrc);
    }
    const key = this.signature(slot, dst, true) * 8 + version;
    let r = bySrc.get(key);
    if (!r) {
      r = this.walk(slot.tiers, direction, opts, slot.profiles, src, dst);
      bySrc.set(key, r);
    }
    return r;
  }

  /**
   * The party's matches on the chain's source (destination) entities, as an id: the entities that
   * match (with their port sets). Entities scoped to a namespace (ownNamespace) are tested only for
   * the namespaces the party can be in (its endpoint's, those of network sets holding its address);
   * they match nothing elsewhere, so the list of matches is still exact.
   */
  private signature(slot: ChainSlot, p: KeyedParty, destination: boolean): number {
    const table = destination ? slot.dst : slot.src;
    if (p.key >= table.sig.length) {
      const grown = new Int32Array(Math.max(table.sig.length * 2, p.key + 1));
      grown.set(table.sig);
      table.sig = grown;
    }
    const byParty = table.sig;
    let id = byParty[p.key] - 1;
    if (id < 0) {
      const groups = table.groups;
      let text = '';
      const scan = (ids: Int32Array | undefined): void => {
        for (const e of ids ?? []) {
          if (!this.address(e, p)) continue;
          text += hasPortPart(this.entities[e]) ? `${e}p${this.portSet(e, p, destination).id},` : `${e},`;
        }
      };
      scan(groups.get(''));
      for (const ns of this.namespacesOf(p)) scan(groups.get(ns));
      let sig = table.ids.get(text);
      if (sig === undefined) {
        sig = table.ids.size;
        if (sig >= SIGS) throw new Error('connectivity: too many party signatures for one chain');
        table.ids.set(text, sig);
      }
      byParty[p.key] = sig + 1;
      id = sig;
    }
    return id;
  }

  /** The namespaces a party's label matching can see: its endpoint's and those of the network sets holding its address. */
  private namespacesOf(p: KeyedParty): readonly string[] {
    let found = this.partyNamespaces[p.key];
    if (!found) {
      const out = new Set<string>();
      const { endpoint, ip } = p.party;
      if (endpoint?.namespace !== undefined) out.add(endpoint.namespace);
      if (ip !== undefined) {
        for (const n of this.model.networkSetParties) {
          if (n.party.namespace !== undefined && n.nets.some((c) => c.contains(ip))) out.add(n.party.namespace);
        }
      }
      found = [...out];
      this.partyNamespaces[p.key] = found;
    }
    return found;
  }

  /** The endpoint's chain: shared by every endpoint with the same applicable tiers (and profiles, when they end it). */
  private slotOf(ep: Endpoint, direction: string, opts: ChainOptions): ChainSlot {
    let byKind = this.slotsOf.get(ep);
    if (!byKind) {
      byKind = [];
      this.slotsOf.set(ep, byKind);
    }
    const index = kindIndex(opts.kind) * 2 + (direction === 'ingress' ? 0 : 1);
    let slot = byKind[index];
    if (!slot) {
      const tiers = applicableTiers(this.model, ep, direction, opts);
      // endpoints of different labels often have the same policies: one slot for the same content
      let content = this.tierContent.get(tiers);
      if (content === undefined) {
        content = tiers.map(({ tier, applicable }) => `${tier.name}:${applicable.map((p) => this.policyId(p)).join(',')}`).join(';');
        this.tierContent.set(tiers, content);
      }
      const profiles = opts.after === 'profiles' ? ep.profiles : [];
      const key = `${index}|${content}|${profiles.join(',')}`;
      slot = this.slots.get(key);
      if (!slot) {
        slot = this.newSlot(tiers, direction, profiles);
        this.slots.set(key, slot);
      }
      byKind[index] = slot;
    }
    return slot;
  }

  private newSlot(tiers: readonly ApplicableTier[], direction: string, profiles: readonly string[]): ChainSlot {
    const srcEntities = new Set<number>();
    const dstEntities = new Set<number>();
    const add = (rule: CompiledRule, namespace: string | undefined): void => {
      if (rule.action === 'Log') return;
      srcEntities.add(this.entityId(rule.source, rule.rule.source, namespace, 's'));
      dstEntities.add(this.entityId(rule.destination, rule.rule.destination, namespace, 'd'));
    };
    for (const { applicable } of tiers) for (const p of applicable) for (const rule of rulesFor(p, direction) ?? []) add(rule, p.namespace);
    for (const name of profiles) {
      const profile = this.model.profiles.get(name);
      if (profile) for (const rule of profileRules(profile, direction)) add(rule, undefined);
    }
    return { tiers, profiles, src: this.sigTable(srcEntities), dst: this.sigTable(dstEntities), results: new Map() };
  }

  /** The signature table of a set of entity ids: one per set (entity ids name their side). */
  private sigTable(ids: ReadonlySet<number>): SigTable {
    const sorted = [...ids].sort((a, b) => a - b);
    const key = sorted.join(',');
    let table = this.sigTables.get(key);
    if (!table) {
      const lists = new Map<string, number[]>();
      for (const id of sorted) {
        const ns = this.entities[id].ownNamespace ?? '';
        const list = lists.get(ns);
        if (list) list.push(id);
        else lists.set(ns, [id]);
      }
      table = { groups: new Map([...lists].map(([ns, list]) => [ns, Int32Array.from(list)])), sig: new Int32Array(64), ids: new Map() };
      this.sigTables.set(key, table);
    }
    return table;
  }

  private policyId(p: object): number {
    return this.policyIds.of(p);
  }

  /** One id per entity meaning (as written, in its policy's namespace, on its side); every compiled copy maps to it. */
  private entityId(e: CompiledEntity, written: EntityRule | undefined, namespace: string | undefined, side: string): number {
    let id = this.idOfEntity.get(e);
    if (id === undefined) {
      const text = `${side}|${namespace ?? ''}|${JSON.stringify(written ?? {})}`;
      id = this.entityIds.get(text);
      if (id === undefined) {
        id = this.entities.length;
        this.entityIds.set(text, id);
        this.entities.push(e);
        this.hits.push(new Int8Array(64));
        this.portSets.push(new Map());
      }
      this.idOfEntity.set(e, id);
    }
    return id;
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
    const sid = this.idOfEntity.get(rule.source) as number;
    const did = this.idOfEntity.get(rule.destination) as number;
    if (!this.address(sid, src) || !this.address(did, dst)) return false;
    const proto = this.protocolSet(rule);
    const ps = hasPortPart(rule.source) ? this.portSet(sid, src, false).bits : this.full;
    const pd = hasPortPart(rule.destination) ? this.portSet(did, dst, true).bits : this.full;
    const m = this.scratch;
    let matched = 0;
    for (let i = 0; i < m.length; i++) {
      m[i] = cur[i] & proto[i] & ps[i] & pd[i];
      matched |= m[i];
    }
    if (matched === 0) return false;
    for (let i = 0; i < m.length; i++) {
      cur[i] &= ~m[i];
      if (into) into[i] |= m[i];
    }
    return true;
  }

  private address(id: number, p: KeyedParty): boolean {
    let row = this.hits[id];
    if (p.key >= row.length) {
      const grown = new Int8Array(Math.max(row.length * 2, p.key + 1));
      grown.set(row);
      this.hits[id] = grown;
      row = grown;
    }
    let v = row[p.key];
    if (v === 0) {
      v = entityAddressMatches(this.model, this.entities[id], p.party) ? 2 : 1;
      row[p.key] = v;
    }
    return v === 2;
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
  private portSet(id: number, p: KeyedParty, destination: boolean): PortSet {
    const e = this.entities[id];
    const byParty = this.portSets[id];
    const key = p.key * 2 + (destination ? 1 : 0);
    let b = byParty.get(key);
    if (!b) {
      const bits = this.where(destination ? NOBODY : p.party, destination ? p.party : NOBODY,
        (flow) => entityPortMatches(this.model, e, p.party, destination ? flow.port : flow.sourcePort, flow));
      const text = bitsKey(bits);
      let id = this.portSetIds.get(text);
      if (id === undefined) {
        id = this.portSetIds.size;
        this.portSetIds.set(text, id);
      }
      b = { bits, id };
      byParty.set(key, b);
    }
    return b;
  }
}

/** True when the entity reads the flow's protocol or ports (rule-match.ts entityPortMatches). */
function hasPortPart(e: CompiledEntity): boolean {
  return e.ports !== undefined || e.notPorts !== undefined || e.service?.side === 'destination';
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
