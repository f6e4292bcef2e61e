// Computes a truth table's cells: with the rows grouped (group-rows.ts), evaluates each pair of groups
// once for the same-node case and once for the cross-node case, and each single row against each group
// once per view.
//
// Why the grouping is exact (evaluate/sides.ts): between two workloads, the node enters a verdict only
// through (1) whether both are on one node (then no host endpoint chain runs) and (2) the host endpoint
// that polices forwarded traffic on each node, which for a workload peer is the node's `*` or only host
// endpoint (interfaces.ts `fallback`). That endpoint acts only through the policies its forward,
// untracked and pre-DNAT chains hold, so nodes are keyed by that ("host class"), not by name. Between
// a single row and a workload, the workload's node enters through whether it is the single's node and
// the host endpoint policingOf picks on it for the single's address: the view.
import { BuiltModel } from '../model/build';
import { Endpoint } from '../model/types';
import { evaluateFlow } from '../evaluate/evaluate';
import { policingOf } from '../evaluate/interfaces';
import { hostNodeOf } from '../evaluate/sides';
import { FlowParty } from '../evaluate/types';
import { SingleCells, TableCells } from './cells';
import { FastPairs } from './fast-pairs';
import { hostClassKey } from './host-class';
import { hostRouteViewKey, tunnelsChangePolicing, workloadNodeClassKey } from './tunnel-policing';
import { sendingNode } from '../evaluate/tunnel-source';
import { Grouping, TableRow, groupRows } from './group-rows';

/** The verdict of one flow by the explaining evaluator (for pairs the fast path does not cover): 1 allowed, 0 denied. */
function slowVerdict(model: BuiltModel, source: FlowParty, destination: FlowParty, protocol: number, port: number | undefined): number {
  return evaluateFlow(model, { source, destination, protocol, port }, { stopAtFirstDeny: true }).allowed ? 1 : 0;
}

/** Computes the cells for the rows; `onProgress` hears of each step (see TruthTableOptions). */
export function computeCells(model: BuiltModel, rows: readonly TableRow[], protocol: number, port: number | undefined,
  onProgress?: (done: number, total: number) => void): TableCells {
  const nodeNames: string[] = [];
  const nodeIndex = new Map<string, number>();
  const addNode = (name: string): void => {
    if (!nodeIndex.has(name)) {
      nodeIndex.set(name, nodeNames.length);
      nodeNames.push(name);
    }
  };
  model.nodes.forEach((n) => addNode(n.name));
  model.endpoints.forEach((e) => addNode(e.node));
  const classHeps: (Endpoint | undefined)[] = [];
  /** The class of `key` in `keys`, a new one (policed by `hep`) the first time. */
  const classIn = (keys: Map<string, number>, key: string, hep: Endpoint | undefined): number => {
    let c = keys.get(key);
    if (c === undefined) {
      c = classHeps.length;
      keys.set(key, c);
      classHeps.push(hep);
    }
    return c;
  };
  const classKeys = new Map<string, number>();
  const classOf = (hep: Endpoint | undefined): number => classIn(classKeys, hostClassKey(model, hep), hep);
  // pods routed through a tunnel whose device's host endpoint differs: nodes keyed by workloadNodeClassKey
  // (the default host endpoint and the devices' ones), cross-node pairs judged by their route (evaluateFlow)
  const byRoute = tunnelsChangePolicing(model);
  const nodeClassIds = new Map<string, number>();
  const nodeClass = nodeNames.map((n) => {
    const hep = policingOf(model, n, undefined, undefined, true);
    return byRoute ? classIn(nodeClassIds, workloadNodeClassKey(model, n), hep) : classOf(hep);
  });
  const rowNode = new Int32Array(rows.length).fill(-1);
  const endpointIndex = new Map<Endpoint, number>();
  model.endpoints.forEach((e, i) => endpointIndex.set(e, i));
  const rowEndpoint = new Int32Array(rows.length).fill(-1);
  rows.forEach((r, i) => {
    const ep = r.party.endpoint;
    if (ep) rowEndpoint[i] = endpointIndex.get(ep) ?? -1;
    const node = ep ? ep.node : hostNodeOf(model, r.party);
    if (node !== undefined) rowNode[i] = nodeIndex.get(node) ?? -1;
  });
  const g = groupRows(model, rows, (i) => nodeClass[rowNode[i]]);
  const groups = g.members.length;
  const reps = g.members.map((m) => rows[m[0]].party);
  const fastOk = reps.map((p) => p.ip !== undefined);
  const fast = new FastPairs(model, protocol, port, reps.map((p, i) => (fastOk[i] ? p : { ...p, ip: '0.0.0.0' })),
    Int32Array.from(g.groupClass), classHeps);
  // rows i and j are of groups a and b (every caller picks them from the groups' members)
  const verdict = (a: number, b: number, i: number, j: number, sameNode: boolean): number => {
    if (fastOk[a] && fastOk[b] && (sameNode || !byRoute)) return fast.allowed(a, b, sameNode) ? 1 : 0;
    return slowVerdict(model, rows[i].party, rows[j].party, protocol, port);
  };

  // the rows of each group on each node (at most two per group: a pair within one group needs two)
  const byNode = new Map<number, Map<number, number[]>>();
  g.members.forEach((m, grp) => {
    for (const r of m) {
      let there = byNode.get(rowNode[r]);
      if (!there) {
        there = new Map();
        byNode.set(rowNode[r], there);
      }
      const list = there.get(grp);
      if (!list) there.set(grp, [r]);
      else if (list.length < 2) list.push(r);
    }
  });
  const S = g.singles.length;
  // steps: a row of cross-node cells per group, the same-node cells of each node, each single's
  // cells against the groups, and each single's row of single pairs
  const total = groups + byNode.size + 2 * S;
  let done = 0;
  const step = onProgress === undefined ? undefined : (): void => onProgress(++done, total);
  onProgress?.(0, total);

  // cross-node cells: a representative pair on two different nodes, when the groups have one
  const alt = g.members.map((m) => m.find((r) => rowNode[r] !== rowNode[m[0]]) ?? -1);
  const cross = new Uint8Array(groups * groups);
  const first = Int32Array.from(g.members, (m) => m[0]);
  const firstNode = Int32Array.from(first, (r) => rowNode[r]);
  for (let a = 0; a < groups; a++) {
    const a0 = first[a];
    const nodeA = firstNode[a];
    for (let b = 0; b < groups; b++) {
      const b0 = first[b];
      // the pair's rows, without an array per cell (-1: no pair)
      let from = -1;
      let to = -1;
      if (a !== b && nodeA !== firstNode[b]) {
        from = a0;
        to = b0;
      } else if (alt[b] >= 0) {
        from = a0;
        to = alt[b];
      } else if (alt[a] >= 0 && a !== b) {
        from = alt[a];
        to = b0;
      }
      if (from >= 0) cross[a * groups + b] = verdict(a, b, from, to, false);
    }
    step?.();
  }
  // same-node cells: for each node, every pair of groups with members there
  const same = new Uint8Array(groups * groups);
  const sameDone = new Uint8Array(groups * groups);
  for (const there of byNode.values()) {
    const present = [...there.entries()];
    for (const [a, ra] of present) {
      for (const [b, rb] of present) {
        const cell = a * groups + b;
        if (sameDone[cell]) continue;
        const dst = a === b ? rb[1] : rb[0];
        if (dst === undefined) continue;
        same[cell] = verdict(a, b, ra[0], dst, true);
        sameDone[cell] = 1;
      }
    }
    step?.();
  }
  const singles = g.singles.map((s) => {
    const cells = singleCells(model, rows, s, g, nodeNames, rowNode, classOf, protocol, port);
    step?.();
    return cells;
  });
  const singlePairs = new Uint8Array(S * S);
  for (let x = 0; x < S; x++) {
    for (let y = 0; y < S; y++) {
      if (x !== y) singlePairs[x * S + y] = slowVerdict(model, rows[g.singles[x]].party, rows[g.singles[y]].party, protocol, port);
    }
    step?.();
  }
  return new TableCells({ rowGroup: g.rowGroup, rowSingle: g.rowSingle, rowNode, rowEndpoint, groups, same, cross, singles, singlePairs });
}

function singleCells(model: BuiltModel, rows: readonly TableRow[], s: number, g: Grouping, nodeNames: readonly string[],
  rowNode: Int32Array, classOf: (hep: Endpoint | undefined) => number, protocol: number, port: number | undefined): SingleCells {
  const party = rows[s].party;
  const own = rowNode[s];
  const viewKeys = new Map<string, number>();
  // a host's traffic to another node's pods may go through a tunnel: its device's host endpoint too (tunnel-policing.ts)
  const from = party.endpoint?.kind === 'workload' ? undefined : sendingNode(model, party);
  const viewOfNode = Int32Array.from(nodeNames, (name, n) => {
    const key = n === own ? '-1' : `${classOf(policingOf(model, name, undefined, party.ip, party.endpoint?.kind === 'workload'))}|${hostRouteViewKey(model, from, name)}`;
    let v = viewKeys.get(key);
    if (v === undefined) {
      v = viewKeys.size;
      viewKeys.set(key, v);
    }
    return v;
  });
  const groups = g.members.length;
  const out = new Uint8Array(viewKeys.size * groups);
  const into = new Uint8Array(viewKeys.size * groups);
  const done = new Uint8Array(viewKeys.size * groups);
  g.members.forEach((m, grp) => {
    for (const r of m) {
      const cell = viewOfNode[rowNode[r]] * groups + grp;
      if (done[cell]) continue;
      done[cell] = 1;
      out[cell] = slowVerdict(model, party, rows[r].party, protocol, port);
      into[cell] = slowVerdict(model, rows[r].party, party, protocol, port);
    }
  });
  return { viewOfNode, out, into };
}
