// Who can reach whom on what: for every pair of parties, the allowed connection classes, each
// judged once by the engine (evaluateFlow) on a representative of its class.
import { ipVersionOf } from '../model/net';
import { BuiltModel, Endpoint, FlowParty, addressTunnel, evaluateFlow, masqueradedPool, refuseTunnelPolicing } from '../engine';
import { addressSpaces, addressText } from './addresses';
import { Interner, MemberClasses, OTHER_NODE, SAME_NODE } from './member-classes';
import { NO_CONNECTIONS, connectionText, joinVersions } from './connection-set';
import { Interval, mergeIntervals } from './intervals';
import { Party, endpointParties, externalParties } from './parties';
import { ConnectionClass, classFitsVersion, connectionClasses } from './space';
import { flowFor } from './class-flow';
import { BitsTable, ClassBits, hasBit } from './class-bits';
import { ChainSetEvaluator, KeyedParty } from './chain-sets';
import { SideSets } from './side-sets';
import { NamedParty, checkFocus, lineConcerns, partyConcerns } from './focus';

/** One line of the map: `src => dst : conn`. */
export interface ConnectivityLine {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
  /**
   * With `explain`: per group of connection classes, what decided them, e.g.
   * `TCP 80: allowed; egress: no policy applies; ingress: web rule 0 (Allow) in tier default` (3.31 names it knp.default.web).
   * @default - none
   */
  readonly explanation?: readonly string[];
}

/** Options of computeConnectivity. */
export interface ConnectivityOptions {
  /** Only lines with this workload, pod or host endpoint at either end. @default - every line */
  readonly focus?: string;
  /** Say for every line which rules decided each group of classes (allowed and denied). @default false */
  readonly explain?: boolean;
}

/** The map and what the reader should know about it. */
export interface Connectivity {
  readonly lines: readonly ConnectivityLine[];
  readonly notes: readonly string[];
}

/** A member of a party: an endpoint, or an external class's representative address. */
interface Member {
  /** MemberClasses id: members of one class, in the same relation to a peer, get the same verdicts. */
  readonly classId: number;
  readonly endpoint?: Endpoint;
  readonly versions: readonly number[];
  /** The flow party per IP version (index 4 or 6). */
  readonly parties: readonly (FlowParty | undefined)[];
  /** The keyed party per IP version, filled on first use. */
  readonly keyed: (KeyedParty | undefined)[];
}

const partyOf = (m: Member, version: number): FlowParty => m.parties[version] as FlowParty;

function endpointMember(e: Endpoint, classes: MemberClasses): Member {
  const ipVersions = e.ips.map((ip) => ipVersionOf(ip));
  const found = [...new Set(ipVersions.map((v) => v ?? 4))].sort();
  const versions = found.length > 0 ? found : [4];
  const parties: (FlowParty | undefined)[] = [];
  for (const v of versions) parties[v] = { endpoint: e, ip: e.ips.find((_, i) => ipVersions[i] === v), id: e.id };
  return { classId: classes.ofEndpoint(e), endpoint: e, versions, parties, keyed: [] };
}

function externalMember(p: Party, classes: MemberClasses): Member {
  const ext = p.external as NonNullable<Party['external']>;
  const parties: FlowParty[] = [];
  parties[ext.version] = { ip: ext.address, id: ext.address };
  return { classId: classes.ofExternal(p), versions: [ext.version], parties, keyed: [] };
}

/**
 * The members of a party that can judge differently: one per class and node (and natOutgoing
 * pool, and pool tunnel), in member order, with how many members each stands for.
 */
function distinctMembers(members: readonly Member[], masq: (m: Member) => string): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of members) {
    const key = `${m.classId}\u0000${m.endpoint?.kind === 'workload' ? m.endpoint.node : ''}\u0000${masq(m)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/** The members of one workload class, one per node, and the first two of them (forEachRelation). */
interface ClassNodes {
  readonly nodes: ReadonlyMap<string, Member>;
  readonly firstTwo: readonly (readonly [string, Member])[];
}

function classNodes(nodes: ReadonlyMap<string, Member>): ClassNodes {
  const firstTwo: [string, Member][] = [];
  for (const e of nodes) {
    firstTwo.push(e);
    if (firstTwo.length === 2) break;
  }
  return { nodes, firstTwo };
}

/**
 * For members of two workload classes (one member per node each): a pair on one node, if the
 * classes share a node, and a pair on two nodes, if they have one. Between workloads, only that
 * relation tells pairs of one pair of classes apart (MemberClasses.relation).
 */
function forEachRelation(a: ClassNodes, b: ClassNodes, visit: (x: Member, y: Member, sameNode: boolean) => void): void {
  const [small, large, smallIsA] = a.nodes.size <= b.nodes.size ? [a.nodes, b.nodes, true] : [b.nodes, a.nodes, false];
  for (const [node, m] of small) {
    const other = large.get(node);
    if (other) {
      if (smallIsA) visit(m, other, true);
      else visit(other, m, true);
      break;
    }
  }
  // two nodes: among the first two nodes of each side, two that differ (if any pair of nodes does)
  for (const [na, x] of a.firstTwo) {
    for (const [nb, y] of b.firstTwo) {
      if (nb !== na) {
        visit(x, y, false);
        return;
      }
    }
  }
}

/** The allowed connections from one flow party to another over every class of the IP version, each class judged by evaluateFlow. */
export function connectionsBetween(model: BuiltModel, classes: readonly ConnectionClass[], src: FlowParty, dst: FlowParty, version: number): string {
  const universe = classes.filter((c) => classFitsVersion(c, version));
  return connectionText(universe, universe.map((c) => evaluateFlow(model, flowFor(src, dst, c), { stopAtFirstDeny: true }).allowed));
}

/** Per group of classes with the same outcome and reasons: `<classes>: allowed|denied; egress: ...; ingress: ...`. */
function explanation(model: BuiltModel, classes: readonly ConnectionClass[], a: Member, b: Member): string[] {
  const out: string[] = [];
  for (const version of a.versions.filter((v) => b.versions.includes(v))) {
    const universe = classes.filter((c) => classFitsVersion(c, version));
    const why = universe.map((c) => {
      const v = evaluateFlow(model, flowFor(partyOf(a, version), partyOf(b, version), c));
      return `${v.allowed ? 'allowed' : 'denied'}; egress: ${v.egress.reason}; ingress: ${v.ingress.reason}`;
    });
    for (const reason of [...new Set(why)]) {
      const text = connectionText(universe, why.map((w) => w === reason));
      out.push(`${text === 'All Connections' ? 'all' : text}${a.versions.length > 1 || b.versions.length > 1 ? ` (IPv${version})` : ''}: ${reason}`);
    }
  }
  return out;
}

/** `192.0.2.0/24`, or `a-b` when the interval is no single CIDR. */
function intervalText(version: number, [lo, hi]: Interval): string {
  const size = hi - lo + 1n;
  const bits = version === 4 ? 32 : 128;
  if ((size & (size - 1n)) === 0n && lo % size === 0n) return `${addressText(version, lo)}/${bits - (size.toString(2).length - 1)}`;
  return `${addressText(version, lo)}-${addressText(version, hi)}`;
}

/** Destination class ids and relation ids below these pack into one small integer key (2^18 * 2^12 = 2^30). */
const CLASS_LIMIT = 1 << 18;
const RELATION_LIMIT = 1 << 12;

/** Computes the map. Exact: classes are cut at every boundary the inputs name (see space.ts, addresses.ts). */
export function computeConnectivity(model: BuiltModel, options: ConnectivityOptions = {}): Connectivity {
  refuseTunnelPolicing(model, 'connectivity');
  const spaces = addressSpaces(model);
  const classes = connectionClasses(model);
  const memberClasses = new MemberClasses(model, spaces);
  const chains = new ChainSetEvaluator(model, classes);
  const sides = new SideSets(model, chains);
  const universes = new Map<number, number[]>([4, 6].map((v) => [v, classes.flatMap((c, i) => (classFitsVersion(c, v) ? [i] : []))]));
  /** The member's party of the IP version and its key: an endpoint's class (which holds its address class), else the address. */
  const keyed = (m: Member, v: number): KeyedParty => {
    let k = m.keyed[v];
    if (!k) {
      const party = partyOf(m, v);
      k = { party, key: chains.partyKey(m.endpoint ? `c${m.classId}/${v}` : `ip:${party.ip ?? ''}`) };
      m.keyed[v] = k;
    }
    return k;
  };
  const texts = new Interner();
  /** Per source class: per destination class and relation, the text id. */
  const cache: (Map<number, number> | undefined)[] = [];
  const wideCache = new Map<string, number>();
  /** The text id of the pair's connections, judged once per pair of classes and relation. */
  const versionsOf = (a: Member, b: Member): readonly number[] => (a.versions.length === 1 && b.versions.length === 1 && a.versions[0] === b.versions[0] ? a.versions
    : a.versions.filter((v) => b.versions.includes(v)));
  const universeClasses = new Map<number, ConnectionClass[]>([...universes].map(([v, u]) => [v, u.map((i) => classes[i])]));
  /** Per IP version and set of classes, its text (many pairs of classes share a set). */
  const textsOfBits = new Map<number, BitsTable<string>>([4, 6].map((v) => [v, new BitsTable<string>()]));
  const textOf = (v: number, bits: ClassBits): string => (textsOfBits.get(v) as BitsTable<string>).get(bits, () => {
    const universe = universes.get(v) ?? [];
    return connectionText(universeClasses.get(v) ?? [], universe.map((i) => hasBit(bits, i)));
  });
  /** The text id of the pair's connections in the relation, judged once per pair of classes and relation. */
  const judgeIn = (a: Member, b: Member, relation: number): number => {
    const narrow = b.classId < CLASS_LIMIT && relation < RELATION_LIMIT;
    let row = cache[a.classId];
    if (!row) {
      row = new Map();
      cache[a.classId] = row;
    }
    const key = narrow ? b.classId * RELATION_LIMIT + relation : 0;
    const wide = narrow ? '' : `${a.classId},${b.classId},${relation}`;
    let id = narrow ? row.get(key) : wideCache.get(wide);
    if (id !== undefined) return id;
    const versions = versionsOf(a, b);
    const each = versions.map((v) => textOf(v, sides.pair(keyed(a, v), keyed(b, v))));
    id = texts.id(joinVersions(versions, each));
    if (narrow) row.set(key, id);
    else wideCache.set(wide, id);
    return id;
  };
  /** The text id of the pair's connections (MemberClasses.relation picks the relation). */
  const judge = (a: Member, b: Member): number => judgeIn(a, b, memberClasses.relation(a.endpoint, b.endpoint, versionsOf(a, b), a.parties, b.parties));
  const masq = (m: Member): string => (m.endpoint?.kind !== 'workload' ? ''
    : `${m.endpoint.ips.some((ip) => masqueradedPool(model, ip))}${m.endpoint.ips.map((ip) => addressTunnel(model, ip) ?? '-').join(',')}`);

  const notes: string[] = [];
  const parties = endpointParties(model);
  const externals = externalParties(model, spaces);
  const members = new Map<Party, Member[]>();
  const distinct = new Map<Party, Member[]>();
  for (const p of parties) members.set(p, p.endpoints.map((e) => endpointMember(e, memberClasses)));
  for (const p of externals) members.set(p, [externalMember(p, memberClasses)]);
  for (const [p, m] of members) distinct.set(p, distinctMembers(m, masq));
  /** Per workload: per member class, one member per node. */
  const byClassNode = new Map<Party, ClassNodes[]>();
  for (const p of parties) {
    if (p.kind !== 'workload') continue;
    const byClass = new Map<number, Map<string, Member>>();
    for (const m of distinct.get(p) ?? []) {
      const nodes = byClass.get(m.classId) ?? new Map<string, Member>();
      const node = m.endpoint?.node ?? '';
      if (!nodes.has(node)) nodes.set(node, m);
      byClass.set(m.classId, nodes);
    }
    byClassNode.set(p, [...byClass.values()].map(classNodes));
  }

  /** The members a line was judged on (for explain). */
  const judgedOn = new Map<ConnectivityLine, readonly [Member, Member]>();
  /** The pair's text, or per-member lines when the members of a workload disagree. */
  const pairLines = (a: Party, b: Party, aName: string, bName: string): ConnectivityLine[] => {
    const am = members.get(a) ?? [];
    const bm = members.get(b) ?? [];
    if (am.length === 0 || bm.length === 0) return [{ src: aName, dst: bName, conn: NO_CONNECTIONS }];
    let first: number | undefined;
    let agree = true;
    const see = (t: number): void => {
      if (first === undefined) first = t;
      else if (t !== first) agree = false;
    };
    const ac = a.kind === 'workload' ? byClassNode.get(a) : undefined;
    const bc = b.kind === 'workload' ? byClassNode.get(b) : undefined;
    if (ac && bc) {
      // two workloads: a pair's verdicts are those of its classes on one node or on two
      const visit = (x: Member, y: Member, sameNode: boolean): void => see(judgeIn(x, y, sameNode ? SAME_NODE : OTHER_NODE));
      for (const na of ac) for (const nb of bc) forEachRelation(na, nb, visit);
    } else {
      for (const x of distinct.get(a) ?? []) for (const y of distinct.get(b) ?? []) see(judge(x, y));
    }
    if (agree) {
      const line = { src: aName, dst: bName, conn: texts.values[first as number] };
      judgedOn.set(line, [am[0], bm[0]]);
      return [line];
    }
    const results: ConnectivityLine[] = [];
    am.forEach((x, i) => bm.forEach((y, j) => {
      const line = { src: a.kind === 'external' ? aName : a.endpoints[i].id, dst: b.kind === 'external' ? bName : b.endpoints[j].id, conn: texts.values[judge(x, y)] };
      judgedOn.set(line, [x, y]);
      results.push(line);
    }));
    notes.push(`the pods of ${a.kind === 'workload' && a.endpoints.length > 1 ? a.name : b.name} differ towards ${a.kind === 'workload' && a.endpoints.length > 1 ? bName : aName}: listed pod by pod`);
    return results;
  };

  // external classes with the same lines to every party are one party
  // externals of one member class judge alike towards every member (the class holds the named
  // CIDRs around the address, the host endpoint policing it on each node and the node owning it;
  // natOutgoing changes the source only towards a node's own address, a class of its own): their
  // lines are computed once
  const groups = new Map<string, Party[]>();
  const keyOfClass = new Map<number, string>();
  for (const x of externals) {
    const ext = (members.get(x) as Member[])[0];
    const classKey = ext.classId;
    let key = keyOfClass.get(classKey);
    if (key === undefined) {
      key = `${x.external?.version}:${parties.map((p) => (distinct.get(p) ?? []).map((m) => `${judge(ext, m)}|${judge(m, ext)}`).join(',')).join(';')}`;
      keyOfClass.set(classKey, key);
    }
    const group = groups.get(key);
    if (group) group.push(x);
    else groups.set(key, [x]);
  }
  const mergedExternals = [...groups.values()].map((g) => {
    const version = g[0].external?.version ?? 4;
    const name = mergeIntervals(g.flatMap((x) => x.external?.intervals ?? [])).map((i) => intervalText(version, i)).join(',');
    return { party: g[0], name };
  });

  const lines: ConnectivityLine[] = [];
  const { focus } = options;
  const all: NamedParty[] = [...parties.map((p) => ({ party: p, name: p.name })), ...mergedExternals];
  checkFocus(all, focus);
  for (const a of all) {
    for (const b of all) {
      if (a === b || (a.party.kind === 'external' && b.party.kind === 'external')) continue;
      if (!partyConcerns(a, focus) && !partyConcerns(b, focus)) continue;
      for (const l of pairLines(a.party, b.party, a.name, b.name)) if (lineConcerns(a, b, l.src, l.dst, focus)) lines.push(l);
    }
  }
  const connected = lines.filter((l) => l.conn !== NO_CONNECTIONS);
  if (!options.explain) return { lines: connected, notes };
  return {
    lines: connected.map((l) => {
      const on = judgedOn.get(l);
      return on ? { ...l, explanation: explanation(model, classes, on[0], on[1]) } : l;
    }),
    notes,
  };
}
