// CIDR list arithmetic for rule comparison.
import { Cidr } from '../../model/net';

/** Parsed CIDRs (plain addresses as /32 or /128), or undefined when one does not parse. */
export function parseNets(nets: readonly string[]): Cidr[] | undefined {
  try {
    return nets.map((n) => Cidr.parseCidrOrIp(n));
  } catch {
    return undefined;
  }
}

/** True when every net of `inner` lies inside some net of `outer`. */
export function netsCover(outer: readonly string[], inner: readonly string[]): boolean {
  const o = parseNets(outer);
  const i = parseNets(inner);
  return o !== undefined && i !== undefined && i.every((n) => o.some((m) => m.contains(n)));
}

/** True when some net of `a` overlaps some net of `b` (unparsable lists count as overlapping). */
export function netsIntersect(a: readonly string[], b: readonly string[]): boolean {
  const pa = parseNets(a);
  const pb = parseNets(b);
  if (!pa || !pb) return true;
  return pa.some((x) => pb.some((y) => x.contains(y) || y.contains(x)));
}
