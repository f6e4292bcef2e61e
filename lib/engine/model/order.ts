// Felix's ordering of tiers and policies: order ascending, nil last, ties by name.

/** Compares (order, name) pairs as Felix's PolKVLess / TierLess do. */
export function compareOrderThenName(aOrder: number | undefined, aName: string, bOrder: number | undefined, bName: string): number {
  const a = aOrder ?? Number.POSITIVE_INFINITY;
  const b = bOrder ?? Number.POSITIVE_INFINITY;
  if (a !== b) return a < b ? -1 : 1;
  return aName < bName ? -1 : aName > bName ? 1 : 0;
}
