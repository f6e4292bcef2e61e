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

/** Containment between parsed CIDRs (the parsed lists are shared, so CIDRs repeat). */
const containment = new WeakMap<Cidr, WeakMap<Cidr, boolean>>();

function contains(outer: Cidr, inner: Cidr): boolean {
  let row = containment.get(outer);
  if (!row) {
    row = new WeakMap<Cidr, boolean>();
    containment.set(outer, row);
  }
  let v = row.get(inner);
  if (v === undefined) {
    v = outer.contains(inner);
    row.set(inner, v);
  }
  return v;
}

/** True when every net of `inner` lies inside some net of `outer`. */
export function netsCover(outer: readonly string[], inner: readonly string[]): boolean {
  const o = parseNets(outer);
  const i = parseNets(inner);
  return o !== undefined && i !== undefined && i.every((n) => o.some((m) => contains(m, n)));
}

/** True when some net of `a` overlaps some net of `b` (unparsable lists count as overlapping). */
export function netsIntersect(a: readonly string[], b: readonly string[]): boolean {
  const pa = parseNets(a);
  const pb = parseNets(b);
  if (!pa || !pb) return true;
  return pa.some((x) => pb.some((y) => contains(x, y) || contains(y, x)));
}
