// What diff compares by default: the whole port space of TCP, UDP and SCTP, cut into the intervals
// that either side's policies, pods and Felix settings create (connectivity's classes), so every
// opened or closed interval is found, not only the ports someone named; and each portless protocol
// that either side names, once.
import { BuiltModel, protocolName } from '../engine';
import { connectionClasses } from '../connectivity';
import { Interval, cutIntervals } from '../connectivity/intervals';
import { PortKey, sortPortKeys } from './ports';

const PORTED = [6, 17, 132];

/** The keys covering both models' connection spaces: port intervals per ported protocol, then the named portless protocols. */
export function comparedIntervals(models: readonly BuiltModel[]): PortKey[] {
  const classes = models.flatMap((m) => connectionClasses(m));
  const keys: PortKey[] = [];
  for (const protocol of PORTED) {
    const ranges = classes.filter((c) => c.protocol === protocol && c.range !== undefined).map((c) => c.range as Interval);
    for (const [lo, hi] of cutIntervals(1n, 65535n, ranges)) {
      keys.push({ protocol: protocolName(protocol), port: Number(lo), ...(hi > lo ? { toPort: Number(hi) } : {}) });
    }
  }
  // portless protocols each side names (the class of all other protocols is not compared: say so in the help)
  const portless = new Set(classes.filter((c) => !PORTED.includes(c.protocol) && c.protocols.length === 1 && c.protocols[0][0] === c.protocols[0][1])
    .map((c) => c.protocol));
  for (const p of portless) keys.push({ protocol: protocolName(p) });
  return sortPortKeys(keys);
}
