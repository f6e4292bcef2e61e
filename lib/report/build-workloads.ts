// The workload matrix: `netsec connectivity`'s map (workloads by owner, host endpoints, outside
// address classes, every protocol and port) laid out as rows and columns in collapsible groups.
import { Cidr, ipVersionOf, toIpNum } from '../model/net';
import { BuiltModel, Endpoint, endpointClasses } from '../engine';
import { NO_CONNECTIONS, Party, joinVersions, computeConnectivity, connectionClasses, connectionsBetween, endpointParties } from '../connectivity';
import { connectionDisplayText, parseConnectionText } from './connection-parse';
import { ConnectionEntry, ConnectionSummary, MatrixGroup, MatrixParty, WorkloadMatrix } from './data';

/** How many pod-by-pod lines a cell keeps for its hover text. */
const DETAIL_LINES = 12;
const PORTED_OR_ICMP = [1, 6, 17, 58, 132];
const HOSTS = 'host endpoints';
const OUTSIDE = 'outside the cluster';

/** The number of addresses of `a-b,c/d,...`. */
function addressCount(name: string): bigint {
  let n = 0n;
  for (const part of name.split(',')) {
    const [lo, hi] = part.includes('-') ? part.split('-') : [Cidr.parseCidrOrIp(part).networkAddress(), Cidr.parseCidrOrIp(part).lastAddress()];
    const a = toIpNum(lo);
    const b = toIpNum(hi);
    if (a && b) n += b.getValue() - a.getValue() + 1n;
  }
  return n;
}

/** `internet` for the largest outside class of each IP version, else its first range and how many more. */
function externalLabels(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const version of [4, 6]) {
    const mine = names.filter((n) => ipVersionOf(n.split(',')[0].split('-')[0].split('/')[0]) === version);
    const sizes = mine.map(addressCount);
    const largest = sizes.reduce((best, s, i) => (s > sizes[best] ? i : best), 0);
    mine.forEach((n, i) => {
      const parts = n.split(',');
      if (i === largest) out.set(n, version === 4 ? 'internet' : 'internet (IPv6)');
      else out.set(n, parts.length === 1 ? n : `${parts[0]} +${parts.length - 1}`);
    });
  }
  return out;
}

function summaryUnion(parts: readonly ConnectionSummary[]): ConnectionSummary {
  const protocols: { [n: number]: (readonly [number, number])[] } = {};
  for (const p of parts) {
    for (const [k, ranges] of Object.entries(p.protocols)) {
      const n = Number(k);
      const had = protocols[n];
      protocols[n] = had !== undefined && (had.length === 0 || ranges.length === 0) ? [] : [...(had ?? []), ...ranges];
    }
  }
  return {
    all: parts.length > 0 && parts.every((p) => p.all),
    varies: parts.some((p) => p.varies),
    protocols,
    partial: [...new Set(parts.flatMap((p) => p.partial))].sort((a, b) => a - b),
    others: parts.flatMap((p) => p.others),
  };
}

/**
 * Per endpoint, a key such that two pairs of pods with equal source keys, equal destination keys and
 * both on one node (or both across nodes) open the same connections: the truth table's classes for
 * each IP version (engine endpointClasses); a pod the table keeps single has a key of its own.
 */
function pairKeys(model: BuiltModel, endpoints: readonly Endpoint[]): Map<Endpoint, string> {
  const perVersion = [4, 6].map((v) => [v, endpointClasses(model, endpoints, v)] as const);
  return new Map(endpoints.map((e, i) => [e, perVersion.map(([v, classes]) => {
    if (!e.ips.some((ip) => ipVersionOf(ip) === v)) return `${v}:-`;
    return classes[i] < 0 ? `${v}:single:${e.id}` : `${v}:${classes[i]}`;
  }).join(' ')]));
}

/** What a workload's pods may open to each other (connectivity leaves a party to itself out), judged once per pair of classes and node case. */
function withinWorkload(model: BuiltModel, classes: ReturnType<typeof connectionClasses>, endpoints: readonly Endpoint[], keys: ReadonlyMap<Endpoint, string>): string[] {
  const judged = new Map<string, string>();
  const texts: string[] = [];
  for (const a of endpoints) {
    for (const b of endpoints) {
      if (a === b) continue;
      const key = `${keys.get(a)}|${keys.get(b)}|${a.node === b.node ? 'same' : 'other'}`;
      let conn = judged.get(key);
      if (conn === undefined) {
        const versions = [4, 6].filter((v) => a.ips.some((ip) => ipVersionOf(ip) === v) && b.ips.some((ip) => ipVersionOf(ip) === v));
        const per = versions.map((v) => connectionsBetween(model, classes,
          { endpoint: a, ip: a.ips.find((ip) => ipVersionOf(ip) === v), id: a.id }, { endpoint: b, ip: b.ips.find((ip) => ipVersionOf(ip) === v), id: b.id }, v));
        conn = joinVersions(versions, per);
        judged.set(key, conn);
      }
      texts.push(`${a.id} => ${b.id} : ${conn}`);
    }
  }
  return texts;
}

function partyLabel(p: Party): string {
  if (p.kind === 'host') return p.name.replace(/^hostendpoint\//, '');
  const ns = p.endpoints[0]?.namespace;
  const local = ns !== undefined && p.name.startsWith(`${ns}/`) ? p.name.slice(ns.length + 1) : p.name;
  return local.replace(/\[Deployment\]$/, '');
}

/** Builds the matrix from computeConnectivity's lines (one evaluation per connection class and pair of classes). */
export function buildWorkloadMatrix(model: BuiltModel): WorkloadMatrix {
  const { lines } = computeConnectivity(model);
  const inside = endpointParties(model);
  const partyOfEndpoint = new Map<string, string>();
  for (const p of inside) for (const e of p.endpoints) partyOfEndpoint.set(e.id, p.name);
  const known = new Set(inside.map((p) => p.name));
  const externalNames = [...new Set(lines.flatMap((l) => [l.src, l.dst]).filter((n) => !known.has(n) && !partyOfEndpoint.has(n)))];
  const labels = externalLabels(externalNames);
  externalNames.sort((a, b) => (labels.get(a) === 'internet' ? -1 : labels.get(b) === 'internet' ? 1 : 0));

  const groups: { name: string; kind: MatrixGroup['kind']; members: number[] }[] = [];
  const parties: MatrixParty[] = [];
  const groupOf = (name: string, kind: MatrixGroup['kind']): number => {
    let i = groups.findIndex((g) => g.name === name && g.kind === kind);
    if (i < 0) i = groups.push({ name, kind, members: [] }) - 1;
    return i;
  };
  const ordered = [...inside].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'workload' ? -1 : 1));
  for (const p of ordered) {
    const group = p.kind === 'host' ? groupOf(HOSTS, 'host') : groupOf(p.endpoints[0]?.namespace ?? '', 'namespace');
    groups[group].members.push(parties.length);
    parties.push({ name: p.name, label: partyLabel(p), kind: p.kind === 'host' ? 'host' : 'workload', group, size: p.endpoints.length });
  }
  for (const name of externalNames) {
    const group = groupOf(OUTSIDE, 'external');
    groups[group].members.push(parties.length);
    parties.push({ name, label: labels.get(name) ?? name, kind: 'external', group, size: 1 });
  }
  // namespaces by name, then host endpoints, then the outside
  const rank = (g: { kind: string; name: string }): string => `${g.kind === 'namespace' ? 0 : g.kind === 'host' ? 1 : 2}${g.name}`;
  const groupOrder = groups.map((_, i) => i).sort((a, b) => (rank(groups[a]) < rank(groups[b]) ? -1 : 1));
  const partyOrder = groupOrder.flatMap((g) => groups[g].members);
  const newIndex = new Map(partyOrder.map((old, i) => [old, i]));
  const newGroup = new Map(groupOrder.map((old, i) => [old, i]));
  const finalParties = partyOrder.map((old) => ({ ...parties[old], group: newGroup.get(parties[old].group) ?? 0 }));
  const finalGroups: MatrixGroup[] = groupOrder.map((g) => ({ name: groups[g].name, kind: groups[g].kind, members: groups[g].members.map((m) => newIndex.get(m) ?? 0) }));
  const index = new Map(finalParties.map((p, i) => [p.name, i]));

  // per cell: the whole-party text, or the pod-by-pod lines
  const cellLines = new Map<string, string[]>();
  const cellText = new Map<string, string>();
  for (const l of lines) {
    const r = index.get(l.src) ?? index.get(partyOfEndpoint.get(l.src) ?? '');
    const c = index.get(l.dst) ?? index.get(partyOfEndpoint.get(l.dst) ?? '');
    if (r === undefined || c === undefined) throw new Error(`internal: connectivity line ${l.src} => ${l.dst} has no row or column`);
    const key = `${r},${c}`;
    if (index.has(l.src) && index.has(l.dst)) cellText.set(key, l.conn);
    else cellLines.set(key, [...(cellLines.get(key) ?? []), `${l.src} => ${l.dst} : ${l.conn}`]);
  }
  const multi = inside.filter((p) => p.kind === 'workload' && p.endpoints.length >= 2);
  const keys = pairKeys(model, multi.flatMap((p) => p.endpoints));
  const classes = multi.length > 0 ? connectionClasses(model) : [];
  for (const p of multi) {
    const i = index.get(p.name) as number;
    const within = withinWorkload(model, classes, p.endpoints, keys);
    const texts = new Set(within.map((w) => w.slice(w.indexOf(' : ') + 3)));
    if (texts.size === 1) cellText.set(`${i},${i}`, [...texts][0]);
    else cellLines.set(`${i},${i}`, within.filter((w) => !w.endsWith(` : ${NO_CONNECTIONS}`)));
  }

  const entries: ConnectionEntry[] = [{ text: NO_CONNECTIONS, summary: parseConnectionText(NO_CONNECTIONS), differsPerPod: false }];
  const entryIndex = new Map<string, number>([[NO_CONNECTIONS, 0]]);
  const entryFor = (key: string, make: () => ConnectionEntry): number => {
    let i = entryIndex.get(key);
    if (i === undefined) {
      i = entries.push(make()) - 1;
      entryIndex.set(key, i);
    }
    return i;
  };
  const cells = finalParties.map((a, r) => finalParties.map((b, c) => {
    const key = `${r},${c}`;
    const text = cellText.get(key);
    if (text !== undefined) return entryFor(text, () => ({ text: connectionDisplayText(text), summary: parseConnectionText(text), differsPerPod: false }));
    const podLines = cellLines.get(key);
    if (podLines !== undefined) {
      const detail = [...podLines.slice(0, DETAIL_LINES), ...(podLines.length > DETAIL_LINES ? [`... ${podLines.length - DETAIL_LINES} more pod pairs`] : [])]
        .map(connectionDisplayText);
      return entryFor(`pods:${podLines.join('\n')}`, () => ({
        text: 'differs per pod',
        summary: summaryUnion(podLines.map((l) => parseConnectionText(l.slice(l.indexOf(' : ') + 3)))),
        differsPerPod: true,
        detail,
      }));
    }
    if ((r === c && a.size < 2) || (a.kind === 'external' && b.kind === 'external')) return -1;
    return 0;
  }));
  const protocols = [...new Set(connectionClasses(model).filter((k) => k.protocols.length === 1 && k.protocols[0][0] === k.protocols[0][1])
    .map((k) => k.protocol))].filter((n) => !PORTED_OR_ICMP.includes(n)).sort((a, b) => a - b);
  return { parties: finalParties, groups: finalGroups, entries, cells, protocols };
}
