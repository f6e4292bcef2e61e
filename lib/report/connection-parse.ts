// Reads back a connection set as `netsec connectivity` writes it (connectivity/connection-set.ts:
// `All Connections`, `No Connections`, `TCP 1-79,81,UDP 53,ICMP,protocol 112,protocols 2-3,5`, per
// IP version `X (IPv4); Y (IPv6)`) into ranges the page's selector can test a protocol and port against.
import { protocolDisplayName, protocolHasPorts, protocolNumber } from '../model/net';
import { ALL_CONNECTIONS, NO_CONNECTIONS } from '../connectivity';
import { ConnectionSummary } from './data';

type Range = [number, number];

interface Building {
  all: boolean;
  protocols: Map<number, Range[]>;
  partial: Set<number>;
  others: Range[];
  varies: boolean;
}

function range(text: string, whole: string): Range {
  const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(text);
  if (!m) throw new Error(`internal: unreadable range "${text}" in connection set "${whole}"`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function parseOne(text: string, into: Building): void {
  if (text === ALL_CONNECTIONS) {
    into.all = true;
    return;
  }
  if (text === NO_CONNECTIONS) return;
  /** What a continuation token (digits after a comma) belongs to. */
  let current: { kind: 'ports'; protocol: number } | { kind: 'partial' } | { kind: 'others' } | undefined;
  for (const token of text.split(',')) {
    let m: RegExpExecArray | null;
    if ((m = /^protocols (.+)$/.exec(token))) {
      into.others.push(range(m[1], text));
      current = { kind: 'others' };
    } else if ((m = /^protocol ([0-9]+)$/.exec(token))) {
      into.protocols.set(Number(m[1]), []);
      current = undefined;
    } else if ((m = /^([A-Za-z][A-Za-z0-9]*)(?: (.+))?$/.exec(token))) {
      const n = protocolNumber(m[1]);
      if (n === undefined) throw new Error(`internal: unknown protocol "${m[1]}" in connection set "${text}"`);
      if (m[2] === undefined) {
        into.protocols.set(n, []);
        current = undefined;
      } else if (protocolHasPorts(m[1])) {
        into.protocols.set(n, [range(m[2], text)]);
        current = { kind: 'ports', protocol: n };
      } else {
        // ICMP types or type/code: only some of the protocol
        into.partial.add(n);
        current = { kind: 'partial' };
      }
    } else if (current?.kind === 'ports') {
      into.protocols.get(current.protocol)?.push(range(token, text));
    } else if (current?.kind === 'others') {
      into.others.push(range(token, text));
    } else if (current?.kind !== 'partial') {
      throw new Error(`internal: unreadable part "${token}" of connection set "${text}"`);
    }
  }
}

/** The connection set of a text; per-IP-version texts are joined (and marked `varies`). */
export function parseConnectionText(text: string): ConnectionSummary {
  const b: Building = { all: false, protocols: new Map(), partial: new Set(), others: [], varies: false };
  const parts = text.split('; ');
  for (const part of parts) parseOne(parts.length > 1 ? part.replace(/ \(IPv[46]\)$/, '') : part, b);
  const allSides = parts.every((p) => p.startsWith(ALL_CONNECTIONS));
  const protocols: { [n: number]: Range[] } = {};
  for (const [n, ranges] of [...b.protocols.entries()].sort((x, y) => x[0] - y[0])) protocols[n] = ranges;
  return { all: allSides && b.all, varies: parts.length > 1, protocols, partial: [...b.partial].sort((x, y) => x - y), others: b.others };
}

/** The text for people: `protocol 112` becomes `VRRP (112)` (names from the protocol table). */
export function connectionDisplayText(text: string): string {
  return text.replace(/\bprotocol ([0-9]+)\b/g, (whole, n: string) => {
    const name = protocolDisplayName(Number(n));
    return name === whole ? whole : `${name} (${n})`;
  });
}
