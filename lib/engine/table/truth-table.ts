// Truth tables: every endpoint to every endpoint for one protocol and port, computed per group of
// equivalent workloads (same labels, namespace, named ports, IP version, CIDR memberships, host class
// of the node) for the same-node and the cross-node case, so the cost grows with distinct label
// sets, not with pods squared (compute-cells.ts).
import { refuseTunnelPolicing } from './tunnel-policing';
import { BuiltModel } from '../model/build';
import { parseProtocol, protocolName } from '../evaluate/resolve';
import { TableCells } from './cells';
import { computeCells } from './compute-cells';
import { GroupedTable } from './grouped';
import { TableRow } from './group-rows';
import { ServiceCell, ServiceCells, computeServiceCells } from './service-columns';

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
  /**
   * Also each Service port of the protocol as a destination column (service-columns.ts): whether
   * all, some or none of its backends are reachable from the row through kube-proxy's ClusterIP
   * path. Its cells are judged row by row (no grouping). @default false
   */
  readonly services?: boolean;
  /**
   * Hears how far the computation is: called with `(0, total)` once the rows are grouped, then
   * after each step with the steps done so far (`done` rises by one up to `total`). For progress
   * display; costs nothing when not given. @default - none
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The JSON form: `{"protocol":"TCP","port":80,"pods":[...],"allowed":{src:{dst:bool}}}`, with Service
 * columns also `"services":[...],"serviceReach":{src:{service:"all"|"some"|"none"|"-"}}`.
 */
export interface TruthTableJson {
  readonly protocol: string;
  readonly port?: number;
  readonly pods: readonly string[];
  readonly allowed: { readonly [src: string]: { readonly [dst: string]: boolean } };
  /** @default - no Service columns */
  readonly services?: readonly string[];
  /** @default - no Service columns */
  readonly serviceReach?: { readonly [src: string]: { readonly [service: string]: ServiceCell } };
}

/** Whether each row may open a connection to each column. */
export class TruthTable {
  /** Distinct kinds of rows evaluated (groups of equivalent workloads plus other rows; for benchmarks and reports). */
  public readonly groupCount: number;
  private readonly index = new Map<string, number>();

  constructor(
    public readonly protocol: string,
    public readonly port: number | undefined,
    /** Row and column ids in order. */
    public readonly ids: readonly string[],
    private readonly cells: TableCells,
    /** The Service columns, when asked for. @default - none */
    public readonly services?: ServiceCells,
  ) {
    ids.forEach((id, i) => this.index.set(id, i));
    this.groupCount = cells.groupCount;
  }

  /** True when `from` may connect to `to`; throws for unknown ids. */
  public allowed(from: string, to: string): boolean {
    const a = this.index.get(from);
    const b = this.index.get(to);
    if (a === undefined || b === undefined) throw new Error(`not in the table: ${a === undefined ? from : to}`);
    return this.cells.allowed(a, b);
  }

  /** True when row index `a` may connect to row index `b` (indexes into `ids`). */
  public allowedAt(a: number, b: number): boolean {
    return this.cells.allowed(a, b);
  }

  /** The table folded into groups of rows with the same verdicts (memory grows with the groups). */
  public grouped(): GroupedTable {
    return new GroupedTable(this.ids, this.cells);
  }

  /** The JSON form, every pair present. */
  public toJSON(): TruthTableJson {
    const allowed: { [src: string]: { [dst: string]: boolean } } = {};
    this.ids.forEach((src, a) => {
      const row: { [dst: string]: boolean } = {};
      this.ids.forEach((dst, b) => { row[dst] = this.cells.allowed(a, b); });
      allowed[src] = row;
    });
    const base = { protocol: this.protocol, ...(this.port !== undefined ? { port: this.port } : {}), pods: [...this.ids], allowed };
    const services = this.services;
    if (!services) return base;
    const serviceReach: { [src: string]: { [service: string]: ServiceCell } } = {};
    this.ids.forEach((src, a) => {
      const row: { [service: string]: ServiceCell } = {};
      services.columns.forEach((c, i) => { row[c.id] = services.at(a, i); });
      serviceReach[src] = row;
    });
    return { ...base, services: services.columns.map((c) => c.id), serviceReach };
  }
}

/** Computes the table. */
export function buildTruthTable(model: BuiltModel, options: TruthTableOptions): TruthTable {
  const protocol = parseProtocol(options.protocol);
  const rows: TableRow[] = [];
  for (const e of model.endpoints) {
    if (e.kind === 'workload' || options.includeHostEndpoints) rows.push({ id: e.id, party: { endpoint: e, ip: e.ips[0], id: e.id } });
  }
  for (const x of options.externalAddresses ?? []) {
    const owner = model.endpoints.find((e) => e.ips.includes(x.ip));
    rows.push({ id: x.name, party: owner ? { endpoint: owner, ip: x.ip, id: x.name } : { ip: x.ip, id: x.name } });
  }
  refuseTunnelPolicing(model, 'table');
  const cells = computeCells(model, rows, protocol, options.port, options.onProgress);
  const name = protocolName(protocol);
  const services = options.services ? computeServiceCells(model, rows, name) : undefined;
  return new TruthTable(name, options.port, rows.map((r) => r.id), cells, services);
}
