// The stored verdicts of a truth table and the lookup of one pair of rows.
//
// Rows are of two sorts. Workload rows fall into groups of interchangeable workloads; the verdict of
// a pair of groups is kept twice: for two workloads on one node and for two on different nodes.
// Every other row (host endpoints, node addresses, external addresses) is a "single": its verdicts
// against a group are kept per "view", the way the single sees a node (its own node, or the class of
// the host endpoint that polices it there), and pairs of singles are kept one by one.

/** The verdicts of one single row against the groups. */
export interface SingleCells {
  /** View index per node index. */
  readonly viewOfNode: Int32Array;
  /** single -> group, at `view * groups + group`: 1 allowed, 0 denied. */
  readonly out: Uint8Array;
  /** group -> single, at `view * groups + group`. */
  readonly into: Uint8Array;
}

/** Everything TableCells reads. */
export interface TableCellsData {
  /** Per row: its group, or -1 for a single. */
  readonly rowGroup: Int32Array;
  /** Per row: its single index, or -1. */
  readonly rowSingle: Int32Array;
  /** Per row: its node index, or -1 (an address on no node). */
  readonly rowNode: Int32Array;
  /** Per row: its endpoint index, or -1 (an endpoint reaching itself is always allowed). */
  readonly rowEndpoint: Int32Array;
  readonly groups: number;
  /** group x group, same node. */
  readonly same: Uint8Array;
  /** group x group, different nodes. */
  readonly cross: Uint8Array;
  readonly singles: readonly SingleCells[];
  /** single x single. */
  readonly singlePairs: Uint8Array;
}

/** Lookup of stored verdicts by row index. */
export class TableCells {
  /** Groups plus singles: the distinct kinds of rows. */
  public readonly groupCount: number;

  constructor(private readonly d: TableCellsData) {
    this.groupCount = d.groups + d.singles.length;
  }

  /** The node index of a row, or -1 (an address on no node). */
  public nodeOf(a: number): number {
    return this.d.rowNode[a];
  }

  /**
   * Rows with equal keys have the same verdicts from and to every other row, except that between
   * two workload rows the verdict may differ for a pair on one node and a pair on different nodes
   * (see `allowed`): the workload's group, the view of its node for each single, and the singles
   * that share its endpoint; a single is a key of its own.
   */
  public classKey(a: number): string {
    const d = this.d;
    const ga = d.rowGroup[a];
    if (ga < 0) return `s${d.rowSingle[a]}`;
    const node = d.rowNode[a];
    const views = d.singles.map((s) => (node >= 0 ? s.viewOfNode[node] : -1)).join(',');
    const ep = d.rowEndpoint[a];
    const owners = ep < 0 ? '' : this.singlesOfEndpoint().get(ep)?.join(',') ?? '';
    return `g${ga}:${views}:${owners}`;
  }

  private owners: Map<number, number[]> | undefined;

  /** Per endpoint index, the single rows that are the same endpoint (an external address it owns). */
  private singlesOfEndpoint(): Map<number, number[]> {
    if (this.owners) return this.owners;
    const d = this.d;
    const owners = new Map<number, number[]>();
    d.rowSingle.forEach((s, row) => {
      const ep = d.rowEndpoint[row];
      if (s >= 0 && ep >= 0) owners.set(ep, [...(owners.get(ep) ?? []), row]);
    });
    this.owners = owners;
    return owners;
  }

  /** True when row `a` may connect to row `b`. */
  public allowed(a: number, b: number): boolean {
    const d = this.d;
    if (a === b) return true;
    const ea = d.rowEndpoint[a];
    if (ea >= 0 && ea === d.rowEndpoint[b]) return true;
    const ga = d.rowGroup[a];
    const gb = d.rowGroup[b];
    if (ga >= 0 && gb >= 0) {
      const na = d.rowNode[a];
      const cells = na >= 0 && na === d.rowNode[b] ? d.same : d.cross;
      return cells[ga * d.groups + gb] === 1;
    }
    const sa = d.rowSingle[a];
    const sb = d.rowSingle[b];
    if (sa >= 0 && sb >= 0) return d.singlePairs[sa * d.singles.length + sb] === 1;
    if (sa >= 0) {
      const s = d.singles[sa];
      return s.out[s.viewOfNode[d.rowNode[b]] * d.groups + gb] === 1;
    }
    const s = d.singles[sb];
    return s.into[s.viewOfNode[d.rowNode[a]] * d.groups + ga] === 1;
  }
}
