// Which groups of a truth table a rule's source or destination matches, for one flow's protocol and
// port: one answer per (entity, group), asked one at a time (the owner side of a chain) or for every
// group at once as a bitset (the other side). A whole bitset tests only the groups that can match:
// an entity with a label part cannot match a group none of whose parties (its endpoint, the network
// sets holding its address) is in a namespace its scope admits (its policy's own namespace, its
// namespaceSelector), and an entity with nets cannot match a group whose address is in none.
import { CidrMatcher, ipFamily, ipv4ToNumber } from '../model/address-match';
import { BuiltModel } from '../model/build';
import { CompiledEntity } from '../model/entity';
import { Party, endpointParty } from '../model/party';
import { CompiledRule } from '../model/policy';
import { entityMatches } from '../evaluate/rule-match';
import { Flow, FlowParty } from '../evaluate/types';
import { StringMap } from '../../model/resources';

/** A rule and the side of it that is the entity: 's' source, 'd' destination (its ipVersion is checked against the destination). */
interface EntityOf {
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
  /** The namespace scopes of the groups' parties (undefined until an entity with a label part asks). */
  private scopes: Scope[] | undefined;
  /** Per group: its address as an IPv4 number, or -1 (IPv6: see `ips`). */
  private readonly v4: Float64Array;
  private readonly words: number;

  constructor(private readonly model: BuiltModel, private readonly flow: Flow, private readonly reps: readonly FlowParty[]) {
    this.words = bitWords(reps.length);
    this.v4 = Float64Array.from(reps, (r) => (r.ip === undefined ? -1 : ipv4ToNumber(r.ip) ?? -1));
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
    const candidates = entity.hasLabelPart ? this.inScope(entity) : undefined;
    const nets = entity.nets;
    const n = candidates === undefined ? this.reps.length : candidates.length;
    for (let i = 0; i < n; i++) {
      const g = candidates === undefined ? i : candidates[i];
      if (nets && !this.inNets(nets, g)) continue;
      if (this.match(id, g) === 1) out[g >>> 5] |= 1 << (g & 31);
    }
    this.all[id] = out;
    return out;
  }

  /** Whether group g's address is in one of the nets (false without an address). */
  private inNets(nets: readonly CidrMatcher[], g: number): boolean {
    const v4 = this.v4[g];
    if (v4 >= 0) {
      for (const net of nets) if (net.containsV4(v4)) return true;
      return false;
    }
    const ip = this.reps[g].ip;
    return ip !== undefined && nets.some((net) => net.contains(ip));
  }

  private compute(id: number, g: number): number {
    const { rule, role } = this.entities[id];
    const party = this.reps[g];
    if (role === 's') return entityMatches(this.model, rule.source, party, undefined, this.flow) ? 1 : 0;
    const version = rule.ipVersion;
    return (version === undefined || ipFamily(party.ip as string) === version)
      && entityMatches(this.model, rule.destination, party, this.flow.port, this.flow) ? 1 : 0;
  }

  /** The groups with a party in a namespace scope the entity admits. */
  private inScope(entity: CompiledEntity): number[] {
    if (!this.scopes) this.scopes = this.indexScopes();
    const out: number[] = [];
    for (const scope of this.scopes) {
      if (entity.scopeMatches(scope.namespace, scope.namespaceLabels)) for (const g of scope.groups) out.push(g);
    }
    return out;
  }

  /**
   * The groups by the namespace scope of their representative's parties: its endpoint's, and each
   * network set's whose nets hold its address (the parties entityMatches tests a label part against).
   */
  private indexScopes(): Scope[] {
    const index = new Map<string, Scope>();
    const add = (party: Party, g: number): void => {
      const key = `${party.namespace ?? ''}\u0000${JSON.stringify(party.namespaceLabels)}`;
      let scope = index.get(key);
      if (!scope) {
        scope = { namespace: party.namespace, namespaceLabels: party.namespaceLabels, groups: [] };
        index.set(key, scope);
      }
      if (scope.groups[scope.groups.length - 1] !== g) scope.groups.push(g);
    };
    this.reps.forEach((rep, g) => {
      if (rep.endpoint) add(endpointParty(rep.endpoint), g);
      const ip = rep.ip;
      if (ip === undefined) return;
      for (const n of this.model.networkSetParties) if (n.nets.some((c) => c.contains(ip))) add(n.party, g);
    });
    return [...index.values()];
  }
}

/** Groups whose parties share one namespace scope. */
interface Scope {
  readonly namespace: string | undefined;
  readonly namespaceLabels: StringMap;
  readonly groups: number[];
}
