// CIDR list arithmetic for rule comparison.
import { Cidr } from '../../model/net';
import { Memo } from './memo';

const parsed = new Memo<readonly Cidr[] | undefined>();

/** Parsed CIDRs (plain addresses as /32 or /128), or undefined when one does not parse. */
export function parseNets(nets: readonly string[]): readonly Cidr[] | undefined {
  return parsed.getByList(nets, () => {
    try {
      return nets.map((n) => Cidr.parseCidrOrIp(n));
    } catch {
      return undefined;
    }
  });
}

/** A parsed list as sorted, merged address intervals per IP version (cached per parsed list). */
type Intervals = ReadonlyMap<number, readonly (readonly [bigint, bigint])[]>;
const intervalsOf = new WeakMap<readonly Cidr[], Intervals>();

function intervals(list: readonly Cidr[]): Intervals {
  let v = intervalsOf.get(list);
  if (v) return v;
  const byVersion = new Map<number, [bigint, bigint][]>();
  for (const c of list) {
    const { first, last } = c.bounds();
    byVersion.set(c.version, [...(byVersion.get(c.version) ?? []), [first, last]]);
  }
  const merged = new Map<number, (readonly [bigint, bigint])[]>();
  for (const [version, ranges] of byVersion) {
    ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: [bigint, bigint][] = [];
    for (const [lo, hi] of ranges) {
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1n) last[1] = hi > last[1] ? hi : last[1];
      else out.push([lo, hi]);
    }
    merged.set(version, out);
  }
  v = merged;
  intervalsOf.set(list, v);
  return v;
}

/** The index of the last interval starting at or before `x`, or -1. */
function floorIndex(list: readonly (readonly [bigint, bigint])[], x: bigint): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][0] <= x) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** True when every address of `inner` lies inside the nets of `outer` (together). */
export function netsCover(outer: readonly string[], inner: readonly string[]): boolean {
  const o = parseNets(outer);
  const i = parseNets(inner);
  if (o === undefined || i === undefined) return false;
  const oi = intervals(o);
  for (const [version, ranges] of intervals(i)) {
    const list = oi.get(version) ?? [];
    for (const [lo, hi] of ranges) {
      const k = floorIndex(list, lo);
      if (k < 0 || list[k][1] < hi) return false;
    }
  }
  return true;
}

/** True when some net of `a` overlaps some net of `b` (unparsable lists count as overlapping). */
export function netsIntersect(a: readonly string[], b: readonly string[]): boolean {
  const pa = parseNets(a);
  const pb = parseNets(b);
  if (!pa || !pb) return true;
  const ia = intervals(pa);
  for (const [version, ranges] of intervals(pb)) {
    const list = ia.get(version) ?? [];
    for (const [lo, hi] of ranges) {
      const k = floorIndex(list, hi);
      if (k >= 0 && list[k][1] >= lo) return true;
    }
  }
  return false;
}
