// Which groups of a truth table a rule's source or destination matches, for one flow's protocol and
// port: one answer per (entity, group), asked one at a time (the owner side of a chain) or for every
// group at once as a bitset (the other side). A whole bitset tests only the groups that can match:
// an entity scoped to its policy's namespace cannot match a group none of whose parties (its
// endpoint, the network sets holding its address) is in that namespace.
import { ipFamily } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { CompiledEntity } from '../model/entity';
import { endpointParty } from '../model/party';
import { CompiledRule } from '../model/policy';
import { entityMatches } from '../evaluate/rule-match';
import { Flow, FlowParty } from '../evaluate/types';

/** A rule and the side of it that is the entity: 's' source, 'd' destination (its ipVersion is checked against the destination). */
export interface EntityOf {
  readonly rule: CompiledRule;
  readonly role: string;
}

/** Bits per word of a group bitset. */
const WORD = 32;

/** Words of a bitset over `n` groups. */
export function bitWords(n: number): number {
  return Math.ceil(n / WORD);
}

/** Calls `visit(g)` for each group whose bit is set in `word` (the `w`-th word). */
export function forEachBit(word: number, w: number, visit: (g: number) => void): void {
  let h = word;
  while (h !== 0) {
    const low = h & -h;
    visit(w * WORD + 31 - Math.clz32(low));
    h ^= low;
  }
}

export class GroupMatches {
  private readonly entities: EntityOf[] = [];
  /** Per entity: per group 1, 0, or -1 not computed yet. */
  private readonly single: Int8Array[] = [];
  /** Per entity: its bitset over the groups, once computed. */
  private readonly all: (Uint32Array | undefined)[] = [];
  /** Per namespace: the groups with a party in it (undefined until the first namespaced entity asks). */
  private byNamespace: Map<string, number[]> | undefined;
  private readonly words: number;

  constructor(private readonly model: BuiltModel, private readonly flow: Flow, private readonly reps: readonly FlowParty[]) {
    this.words = bitWords(reps.length);
  }

  /** Registers an entity; returns its id. */
  public add(entity: EntityOf): number {
    this.entities.push(entity);
    this.single.push(new Int8Array(this.reps.length).fill(-1));
    this.all.push(undefined);
    return this.entities.length - 1;
  }

  /** Whether entity `id` matches group `g`: 1 or 0 (computed once per pair). */
  public match(id: number, g: number): number {
    const row = this.single[id];
    let v = row[g];
    if (v < 0) {
      v = this.compute(id, g);
      row[g] = v;
    }
    return v;
  }

  /** The groups entity `id` matches, one bit per group (computed once per entity). */
  public bits(id: number): Uint32Array {
    let out = this.all[id];
    if (out) return out;
    out = new Uint32Array(this.words);
    const { rule, role } = this.entities[id];
    const entity = role === 's' ? rule.source : rule.destination;
    const candidates = this.candidates(entity);
    const n = candidates === undefined ? this.reps.length : candidates.length;
    for (let i = 0; i < n; i++) {
      const g = candidates === undefined ? i : candidates[i];
      if (this.match(id, g) === 1) out[g >>> 5] |= 1 << (g & 31);
    }
    this.all[id] = out;
    return out;
  }

  private compute(id: number, g: number): number {
    const { rule, role } = this.entities[id];
    const party = this.reps[g];
    if (role === 's') return entityMatches(this.model, rule.source, party, undefined, this.flow) ? 1 : 0;
    const version = rule.ipVersion;
    return (version === undefined || ipFamily(party.ip as string) === version)
      && entityMatches(this.model, rule.destination, party, this.flow.port, this.flow) ? 1 : 0;
  }

  /** The groups that can match the entity (undefined: every group). */
  private candidates(entity: CompiledEntity): readonly number[] | undefined {
    const ns = entity.ownNamespace;
    if (ns === undefined) return undefined;
    if (!this.byNamespace) this.byNamespace = this.indexNamespaces();
    return this.byNamespace.get(ns) ?? [];
  }

  /**
   * Per namespace, the groups whose representative has a party there: its endpoint's, or a network
   * set's whose nets hold its address (what entityMatches tests a label part against).
   */
  private indexNamespaces(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.reps.forEach((party, g) => {
      const seen = new Set<string>();
      if (party.endpoint) {
        const ns = endpointParty(party.endpoint).namespace;
        if (ns !== undefined) seen.add(ns);
      }
      const ip = party.ip;
      if (ip !== undefined) {
        for (const n of this.model.networkSetParties) {
          const ns = n.party.namespace;
          if (ns !== undefined && !seen.has(ns) && n.nets.some((c) => c.contains(ip))) seen.add(ns);
        }
      }
      for (const ns of seen) {
        const list = index.get(ns);
        if (list) list.push(g);
        else index.set(ns, [g]);
      }
    });
    return index;
  }
}
