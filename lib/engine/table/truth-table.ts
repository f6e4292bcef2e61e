// Truth tables: every endpoint to every endpoint for one protocol and port, computed per group of
// equivalent endpoints (same labels, namespace, named ports, IP version, CIDR memberships, node when
// host endpoints exist), so the cost grows with distinct label sets, not with pods squared.
import { BuiltModel } from '../model/build';
import { endpointParty, stableJson } from '../model/party';
import { Endpoint } from '../model/types';
import { evaluateFlow } from '../evaluate/evaluate';
import { parseProtocol, protocolName } from '../evaluate/resolve';
import { FlowParty } from '../evaluate/types';

/** A named external address to include as a row and column. */
export interface ExternalAddress {
  /** The id it gets in the table. */
  readonly name: string;
  readonly ip: string;
}

/** Options of buildTruthTable. */
export interface TruthTableOptions {
  /** TCP, UDP, SCTP, ICMP, ICMPv6 or a number. */
  readonly protocol: string;
  /** @default - none (protocols without ports) */
  readonly port?: number;
  /** Include host endpoints as rows and columns. @default false */
  readonly includeHostEndpoints?: boolean;
  /** External addresses to include. @default - none */
  readonly externalAddresses?: readonly ExternalAddress[];
}

/** The JSON form: `{"protocol":"TCP","port":80,"pods":[...],"allowed":{src:{dst:bool}}}`. */
export interface TruthTableJson {
  readonly protocol: string;
  readonly port?: number;
  readonly pods: readonly string[];
  readonly allowed: { readonly [src: string]: { readonly [dst: string]: boolean } };
}

/** Whether each row may open a connection to each column. */
export class TruthTable {
  /** Distinct groups of equivalent rows (for benchmarks and reports). */
  public readonly groupCount: number;
  private readonly index = new Map<string, number>();

  constructor(
    public readonly protocol: string,
    public readonly port: number | undefined,
    /** Row and column ids in order. */
    public readonly ids: readonly string[],
    private readonly groupOf: Int32Array,
    private readonly matrix: Uint8Array,
    groupCount: number,
  ) {
    ids.forEach((id, i) => this.index.set(id, i));
    this.groupCount = groupCount;
  }

  /** True when `from` may connect to `to`; throws for unknown ids. */
  public allowed(from: string, to: string): boolean {
    const a = this.index.get(from);
    const b = this.index.get(to);
    if (a === undefined || b === undefined) throw new Error(`not in the table: ${a === undefined ? from : to}`);
    if (a === b) return true;
    const ga = this.groupOf[a];
    const gb = this.groupOf[b];
    return this.matrix[ga * this.groupCount + gb] === 1;
  }

  /** The JSON form, every pair present. */
  public toJSON(): TruthTableJson {
    const allowed: { [src: string]: { [dst: string]: boolean } } = {};
    for (const src of this.ids) {
      const row: { [dst: string]: boolean } = {};
      for (const dst of this.ids) row[dst] = this.allowed(src, dst);
      allowed[src] = row;
    }
    return { protocol: this.protocol, ...(this.port !== undefined ? { port: this.port } : {}), pods: [...this.ids], allowed };
  }
}

interface Row {
  readonly id: string;
  readonly party: FlowParty;
}

/** Computes the table. */
export function buildTruthTable(model: BuiltModel, options: TruthTableOptions): TruthTable {
  const protocol = parseProtocol(options.protocol);
  const rows: Row[] = [];
  for (const e of model.endpoints) {
    if (e.kind === 'workload' || options.includeHostEndpoints) rows.push({ id: e.id, party: { endpoint: e, ip: e.ips[0], id: e.id } });
  }
  for (const x of options.externalAddresses ?? []) {
    const owner = model.endpoints.find((e) => e.ips.includes(x.ip));
    rows.push({ id: x.name, party: owner ? { endpoint: owner, ip: x.ip, id: x.name } : { ip: x.ip, id: x.name } });
  }
  const keyOf = groupKeyFunction(model);
  const groupIds = new Map<string, number>();
  const members: number[][] = [];
  const groupOf = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const key = keyOf(r.party);
    let g = groupIds.get(key);
    if (g === undefined) {
      g = members.length;
      groupIds.set(key, g);
      members.push([]);
    }
    members[g].push(i);
    groupOf[i] = g;
  });
  const n = members.length;
  const matrix = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const src = rows[members[a][0]].party;
      let dst = rows[members[b][0]].party;
      if (a === b) {
        if (members[a].length < 2) continue;
        dst = rows[members[a][1]].party;
      }
      const v = evaluateFlow(model, { source: src, destination: dst, protocol, port: options.port }, { stopAtFirstDeny: true });
      matrix[a * n + b] = v.allowed ? 1 : 0;
    }
  }
  return new TruthTable(protocolName(protocol), options.port, rows.map((r) => r.id), groupOf, matrix, n);
}

/** The key under which rows are interchangeable for evaluation. */
function groupKeyFunction(model: BuiltModel): (p: FlowParty) => string {
  const cidrs = new Map<string, { contains(ip: string): boolean }>();
  for (const tier of model.tiers) {
    for (const p of tier.policies) {
      for (const r of [...(p.compiledIngress ?? []), ...(p.compiledEgress ?? [])]) {
        for (const e of [r.source, r.destination]) {
          for (const c of [...(e.nets ?? []), ...(e.notNets ?? [])]) cidrs.set(c.toString(), c);
        }
      }
    }
  }
  for (const s of model.networkSetParties) for (const c of s.nets) cidrs.set(c.toString(), c);
  const matchers = [...cidrs.values()];
  const hasHosts = model.endpoints.some((e) => e.kind === 'host');
  const nodeAddresses = new Set(model.nodes.flatMap((n) => n.addresses.map((a) => a.address)));
  return (p: FlowParty): string => {
    const ip = p.ip;
    const signature = ip === undefined ? 'none' : `${ip.includes(':') ? 6 : 4}:${matchers.map((m) => (m.contains(ip) ? '1' : '0')).join('')}`;
    const ep: Endpoint | undefined = p.endpoint;
    if (!ep || ep.kind === 'host' || (ip !== undefined && nodeAddresses.has(ip))) return `id|${p.id}`;
    return [endpointParty(ep).labelKey, stableJson(Object.fromEntries(ep.namedPorts.map((np) => [`${np.name}/${np.protocol}`, `${np.port}`]))),
      hasHosts ? ep.node : '', signature].join('\u0001');
  };
}
