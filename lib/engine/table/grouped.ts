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
  /** Per node index: up to two rows there. */
  readonly byNode: Map<number, number[]>;
  /** The nodes in order of first appearance. */
  readonly nodes: number[];
}

/** The folded table. */
export class GroupedTable {
  public readonly groups: readonly TableGroup[];
  private readonly rows: readonly GroupRows[];

  constructor(ids: readonly string[], private readonly cells: TableCells) {
    const index = new Map<string, number>();
    const groups: { id: string; members: string[] }[] = [];
    const rows: GroupRows[] = [];
    ids.forEach((id, row) => {
      const key = cells.classKey(row);
      let g = index.get(key);
      if (g === undefined) {
        g = groups.length;
        index.set(key, g);
        groups.push({ id: `g${g + 1}`, members: [] });
        rows.push({ byNode: new Map(), nodes: [] });
      }
      groups[g].members.push(id);
      const r = rows[g];
      const node = cells.nodeOf(row);
      const there = r.byNode.get(node);
      if (!there) {
        r.byNode.set(node, [row]);
        r.nodes.push(node);
      } else if (there.length < 2) there.push(row);
    });
    this.groups = groups;
    this.rows = rows;
  }

  /** The verdict from group `a` to group `b` (indexes into `groups`). */
  public verdict(a: number, b: number): GroupVerdict {
    const same = this.samePair(a, b);
    const cross = this.crossPair(a, b);
    if (same === undefined && cross === undefined) return 'allowed'; // one row towards itself
    const s = same === undefined ? undefined : this.cells.allowed(same[0], same[1]);
    const c = cross === undefined ? undefined : this.cells.allowed(cross[0], cross[1]);
    if (s === undefined) return c ? 'allowed' : 'denied';
    if (c === undefined || s === c) return s ? 'allowed' : 'denied';
    return s ? 'same-node' : 'other-node';
  }

  /** Two distinct rows of `a` and `b` on one node (a node index >= 0), if any. */
  private samePair(a: number, b: number): [number, number] | undefined {
    const ra = this.rows[a];
    const rb = this.rows[b];
    const [small, large] = ra.nodes.length <= rb.nodes.length ? [ra, rb] : [rb, ra];
    for (const node of small.nodes) {
      if (node < 0) continue;
      const x = ra.byNode.get(node);
      const y = rb.byNode.get(node);
      if (!x || !y || !large.byNode.has(node)) continue;
      if (a !== b) return [x[0], y[0]];
      if (x.length > 1) return [x[0], x[1]];
    }
    return undefined;
  }

  /** Two rows of `a` and `b` on different nodes (or off any node), if any. */
  private crossPair(a: number, b: number): [number, number] | undefined {
    const ra = this.rows[a];
    const rb = this.rows[b];
    for (const na of ra.nodes.slice(0, 2)) {
      for (const nb of rb.nodes.slice(0, 2)) {
        if (na !== nb || na < 0) {
          const x = (ra.byNode.get(na) as number[])[0];
          const y = (rb.byNode.get(nb) as number[]);
          const dst = a === b && y[0] === x ? y[1] : y[0];
          if (dst !== undefined && dst !== x) return [x, dst];
        }
      }
    }
    return undefined;
  }
}
