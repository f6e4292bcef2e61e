// Cutting a number line into the intervals a set of ranges creates, and writing interval lists.

/** A closed interval [lo, hi]. */
export type Interval = readonly [bigint, bigint];

/**
 * The intervals of [min, max] that no range boundary crosses: every range is a union of them, so
 * anything that depends only on range membership is constant on each.
 */
export function cutIntervals(min: bigint, max: bigint, ranges: Iterable<Interval>): Interval[] {
  const cuts = new Set<bigint>([min, max + 1n]);
  for (const [lo, hi] of ranges) {
    if (lo > min && lo <= max) cuts.add(lo);
    if (hi + 1n > min && hi + 1n <= max) cuts.add(hi + 1n);
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Interval[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push([sorted[i], sorted[i + 1] - 1n]);
  return out;
}

/** Adjacent intervals joined, in order. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) last[1] = hi > last[1] ? hi : last[1];
    else out.push([lo, hi]);
  }
  return out;
}

/** `1-79,81,443` */
export function intervalsText(intervals: readonly Interval[]): string {
  return mergeIntervals(intervals).map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}
