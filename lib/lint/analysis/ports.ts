// Port list arithmetic for rule comparison: parse, cover, intersect.
import { PortSpec, parsePortSpec } from '../../model/net';
import { Memo } from './memo';

const parsed = new Memo<readonly PortSpec[] | undefined>();

/** The parsed ports, or undefined when one does not parse (validation reports that). */
function parsePorts(ports: readonly string[]): readonly PortSpec[] | undefined {
  return parsed.getByList(ports, () => {
    try {
      return ports.map((p) => parsePortSpec(p));
    } catch {
      return undefined;
    }
  });
}

/** True when every port of `inner` is in `outer` (named ports only by equal name). */
export function portsCover(outer: readonly string[], inner: readonly string[]): boolean {
  const o = parsePorts(outer);
  const i = parsePorts(inner);
  if (!o || !i) return false;
  const ranges = o.filter((p) => p.kind !== 'named').map((p) => [p.min, p.max]).sort((x, y) => x[0] - y[0]);
  return i.every((p) => {
    if (p.kind === 'named') return o.some((q) => q.kind === 'named' && q.name === p.name);
    let next = p.min;
    for (const [min, max] of ranges) {
      if (min > next) break;
      if (max >= next) next = max + 1;
      if (next > p.max) return true;
    }
    return next > p.max;
  });
}

/** True when the two lists may share a port (named ports count as possibly any port). */
export function portsIntersect(a: readonly string[], b: readonly string[]): boolean {
  const pa = parsePorts(a);
  const pb = parsePorts(b);
  if (!pa || !pb) return true;
  return pa.some((x) => pb.some((y) => x.kind === 'named' || y.kind === 'named' || (x.min <= y.max && y.min <= x.max)));
}

/** True when the port number is in the list; named ports resolve through `named` (name -> port). */
export function portListIncludes(ports: readonly string[], port: number, named: (name: string) => number | undefined): boolean {
  const parsed = parsePorts(ports);
  if (!parsed) return false;
  return parsed.some((p) => (p.kind === 'named' ? named(p.name ?? '') === port : p.min <= port && port <= p.max));
}
