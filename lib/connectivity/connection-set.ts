// A set of allowed connection classes, written in netpol-analyzer's words: `All Connections`,
// `No Connections`, or `TCP 1-79,81-65535,UDP 53`.
import { protocolCanonicalName } from '../model/net';
import { ConnectionClass } from './space';
import { Interval, intervalsText, mergeIntervals } from './intervals';

export const ALL_CONNECTIONS = 'All Connections';
export const NO_CONNECTIONS = 'No Connections';

const ORDER = [6, 17, 132, 1, 58];
const rank = (p: number): number => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length + p);

/** Writes the allowed classes out of the classes of the space (every class of `universe` that is allowed). */
export function connectionText(universe: readonly ConnectionClass[], allowed: readonly boolean[]): string {
  if (allowed.every((a) => a)) return ALL_CONNECTIONS;
  if (!allowed.some((a) => a)) return NO_CONNECTIONS;
  const byProtocol = new Map<number, { all: ConnectionClass[]; yes: ConnectionClass[] }>();
  universe.forEach((c, i) => {
    const entry = byProtocol.get(c.protocol) ?? { all: [], yes: [] };
    entry.all.push(c);
    if (allowed[i]) entry.yes.push(c);
    byProtocol.set(c.protocol, entry);
  });
  const parts: string[] = [];
  // the class of every other protocol comes last
  const isOthers = (c: ConnectionClass): boolean => c.protocols.length !== 1 || c.protocols[0][0] !== c.protocols[0][1];
  const order = (e: [number, { all: ConnectionClass[] }]): number => (isOthers(e[1].all[0]) ? Number.MAX_SAFE_INTEGER : rank(e[0]));
  for (const [protocol, { all, yes }] of [...byProtocol.entries()].sort((a, b) => order(a) - order(b))) {
    if (yes.length === 0) continue;
    const name = isOthers(all[0]) ? `protocols ${intervalsText(all[0].protocols)}` : protocolLabel(protocol);
    if (yes.length === all.length) {
      parts.push(name);
    } else if (protocol === 1 || protocol === 58) {
      parts.push(`${name} ${icmpText(all, yes)}`);
    } else {
      parts.push(`${name} ${intervalsText(yes.map((c) => c.range as Interval))}`);
    }
  }
  return parts.join(',');
}

function protocolLabel(n: number): string {
  const name = protocolCanonicalName(n);
  return /^[0-9]+$/.test(name) ? `protocol ${name}` : name;
}

/** `0,8,3/4`: whole types as intervals, then type/code for types allowed for some codes only. */
function icmpText(all: readonly ConnectionClass[], yes: readonly ConnectionClass[]): string {
  const whole: Interval[] = [];
  const partial: string[] = [];
  const types = new Map<string, { all: number; yes: ConnectionClass[] }>();
  for (const c of all) {
    const key = `${c.range?.[0]}-${c.range?.[1]}`;
    types.set(key, { all: (types.get(key)?.all ?? 0) + 1, yes: types.get(key)?.yes ?? [] });
  }
  for (const c of yes) types.get(`${c.range?.[0]}-${c.range?.[1]}`)?.yes.push(c);
  for (const { all: n, yes: y } of types.values()) {
    if (y.length === 0) continue;
    const range = y[0].range as Interval;
    if (y.length === n) whole.push(range);
    else partial.push(`${range[0]}/${intervalsText(mergeIntervals(y.map((c) => c.codes as Interval)))}`);
  }
  return [intervalsText(whole), ...partial].filter((s) => s !== '').join(',');
}

/** One text for the connections of each IP version: the common text, else `X (IPv4); Y (IPv6)`. */
export function joinVersions(versions: readonly number[], texts: readonly string[]): string {
  if (texts.length === 0) return NO_CONNECTIONS;
  return texts.every((t) => t === texts[0]) ? texts[0] : versions.map((v, i) => `${texts[i]} (IPv${v})`).join('; ');
}
