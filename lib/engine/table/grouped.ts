// A truth table folded into groups of rows with the same verdicts: what `netsec table --level groups`
// prints. Memory grows with the groups and their rows, never with rows squared.
//
// Exact: rows fall into one group when TableCells.classKey is equal. Between two groups of workloads
// the verdict can still depend on whether the two pods share a node, so a cell is the verdict of the
// pairs that exist: on one node, on different nodes, or both (then `same-node` or `other-node` when
// only one of the two is allowed). A pod may always reach itself; a group of one pod towards itself
// is `allowed`.
import { TableCells } from './cells';

/** The verdict of a pair of groups: every pair of their rows allowed, denied, or allowed only on one node or only across nodes. */
export type GroupVerdict = 'allowed' | 'denied' | 'same-node' | 'other-node';

/** One group of the folded table. */
export interface TableGroup {
  /** `g1`, `g2`, ... in the order of their first row. */
  readonly id: string;
  /** Row ids, in table order. */
  readonly members: readonly string[];
}

interface GroupRows {
  /** The nodes in order of first appearance. */
  readonly nodes: number[];
  /** Per entry of `nodes`: up to two rows there. */
  readonly rowsAt: number[][];
  /** Per node index: its entry in `nodes`. */
  readonly entry: Map<number, number>;
}

/** No pair of rows (samePair, crossPair). */
const NONE = -1;

/** The folded table. */
export class GroupedTable {
  public readonly groups: readonly TableGroup[];
  private readonly rows: readonly GroupRows[];
  /** Per group: a bit per node index >= 0 it has rows on (a quick test for a shared node). */
  private readonly nodeBits: readonly Uint32Array[];

  constructor(ids: readonly string[], private readonly cells: TableCells) {
    const index = new Map<string, number>();
    const groups: { id: string; members: string[] }[] = [];
    const rows: GroupRows[] = [];
    let maxNode = -1;
    ids.forEach((id, row) => {
      const key = cells.classKey(row);
      let g = index.get(key);
      if (g === undefined) {
        g = groups.length;
        index.set(key, g);
        groups.push({ id: `g${g + 1}`, members: [] });
        rows.push({ nodes: [], rowsAt: [], entry: new Map() });
      }
      groups[g].members.push(id);
      const r = rows[g];
      const node = cells.nodeOf(row);
      if (node > maxNode) maxNode = node;
      const at = r.entry.get(node);
      if (at === undefined) {
        r.entry.set(node, r.nodes.length);
        r.nodes.push(node);
        r.rowsAt.push([row]);
      } else if (r.rowsAt[at].length < 2) r.rowsAt[at].push(row);
    });
    this.groups = groups;
    this.rows = rows;
    const words = Math.ceil((maxNode + 1) / 32);
    this.nodeBits = rows.map((r) => {
      const bits = new Uint32Array(words);
      for (const node of r.nodes) if (node >= 0) bits[node >>> 5] |= 1 << (node & 31);
      return bits;
    });
  }

  /** The verdict from group `a` to group `b` (indexes into `groups`). */
  public verdict(a: number, b: number): GroupVerdict {
    const s = this.samePair(a, b);
    const c = this.crossPair(a, b);
    if (s === NONE && c === NONE) return 'allowed'; // one row towards itself
    if (s === NONE) return c ? 'allowed' : 'denied';
    if (c === NONE || s === c) return s ? 'allowed' : 'denied';
    return s ? 'same-node' : 'other-node';
  }

  /** The verdict (1 or 0) of two distinct rows of `a` and `b` on one node (a node index >= 0), or NONE. */
  private samePair(a: number, b: number): number {
    const ra = this.rows[a];
    const rb = this.rows[b];
    // the smaller group's nodes, each tested in the other's node bits (no shared node: NONE)
    const aSmaller = ra.nodes.length <= rb.nodes.length;
    const small = aSmaller ? ra : rb;
    const otherBits = this.nodeBits[aSmaller ? b : a];
    for (const node of small.nodes) {
      if (node < 0 || (otherBits[node >>> 5] & (1 << (node & 31))) === 0) continue;
      const i = ra.entry.get(node);
      const j = rb.entry.get(node);
      if (i === undefined || j === undefined) continue;
      const x = ra.rowsAt[i];
      if (a !== b) return this.allowed(x[0], rb.rowsAt[j][0]);
      if (x.length > 1) return this.allowed(x[0], x[1]);
    }
    return NONE;
  }

  /** The verdict (1 or 0) of two rows of `a` and `b` on different nodes (or off any node), or NONE. */
  private crossPair(a: number, b: number): number {
    const ra = this.rows[a];
    const rb = this.rows[b];
    const na = Math.min(2, ra.nodes.length);
    const nb = Math.min(2, rb.nodes.length);
    for (let i = 0; i < na; i++) {
      const nodeA = ra.nodes[i];
      for (let j = 0; j < nb; j++) {
        if (nodeA !== rb.nodes[j] || nodeA < 0) {
          const x = ra.rowsAt[i][0];
          const y = rb.rowsAt[j];
          const dst = a === b && y[0] === x ? y[1] : y[0];
          if (dst !== undefined && dst !== x) return this.allowed(x, dst);
        }
      }
    }
    return NONE;
  }

  private allowed(x: number, y: number): number {
    return this.cells.allowed(x, y) ? 1 : 0;
  }
}
