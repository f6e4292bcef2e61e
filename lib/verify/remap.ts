// `verify --remap`: maps every address and CIDR of the inputs (node, pod and host endpoint
// addresses, policy and network set nets, any YAML value that is an address or a CIDR) one to one
// into the documentation ranges, keeping containment: a CIDR and what it holds stay nested,
// disjoint prefixes stay disjoint. `0.0.0.0/0` and `::/0` stay as they are (they hold everything).
// All address math through ip-num; sizes are powers of two packed as in a buddy allocator.
import { dump, loadAll } from 'js-yaml';
import { IPv4, IPv6 } from 'ip-num';
import { TextSource } from '../engine';
import { NetsecInputError } from '../model/errors';
import { ipNumToString, ipVersionOf } from '../model/net';

/** Thrown when the inputs' prefixes do not fit the documentation ranges one to one. */
export class RemapError extends NetsecInputError {
  constructor(detail: string) {
    super(`--remap: ${detail}`);
    this.name = 'RemapError';
  }
}

/** The ranges an address of each version is mapped into. */
const TARGETS: { readonly [version: number]: readonly string[] } = {
  4: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'],
  6: ['2001:db8::/32'],
};

interface Prefix {
  readonly version: number;
  readonly start: bigint;
  readonly length: number;
}

interface Node {
  readonly prefix: Prefix;
  readonly children: Node[];
  size: bigint;
  mapped?: bigint;
}

function bits(version: number): number {
  return version === 4 ? 32 : 128;
}

function addressValue(text: string): bigint {
  return ipVersionOf(text) === 4 ? IPv4.fromString(text).getValue() : IPv6.fromString(text).getValue();
}

function addressText(version: number, value: bigint): string {
  return ipNumToString(version === 4 ? new IPv4(value) : new IPv6(value));
}

function key(p: Prefix): string {
  return `${p.version}/${p.start}/${p.length}`;
}

/** The address or CIDR a text is, with the host address of a CIDR written with host bits. */
function parseAddressText(text: string): { net: Prefix; host?: Prefix } | undefined {
  const m = /^([0-9a-fA-F:.]+)(?:\/([0-9]{1,3}))?$/.exec(text);
  if (!m) return undefined;
  const version = ipVersionOf(m[1]);
  if (version === undefined) return undefined;
  const full = bits(version);
  const length = m[2] === undefined ? full : Number(m[2]);
  if (length > full) return undefined;
  const value = addressValue(m[1]);
  const hostBits = BigInt(full - length);
  const start = (value >> hostBits) << hostBits;
  const net = { version, start, length };
  return start === value ? { net } : { net, host: { version, start: value, length: full } };
}

function contains(outer: Prefix, inner: Prefix): boolean {
  if (outer.length > inner.length) return false;
  const shift = BigInt(bits(outer.version) - outer.length);
  return (inner.start >> shift) === (outer.start >> shift);
}

function nextPowerOfTwo(n: bigint): bigint {
  let p = 1n;
  while (p < n) p <<= 1n;
  return p;
}

/** The containment forest of the prefixes (one version), children sorted by size, largest first. */
function forest(prefixes: readonly Prefix[]): Node[] {
  const sorted = [...prefixes].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.length - b.length));
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const p of sorted) {
    while (stack.length > 0 && !contains(stack[stack.length - 1].prefix, p)) stack.pop();
    const node: Node = { prefix: p, children: [], size: 1n };
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  const sizeOf = (n: Node): bigint => {
    const sum = n.children.reduce((s, c) => s + sizeOf(c), 0n);
    // a net keeps its first and last address free and holds at least 4
    n.size = n.prefix.length === bits(n.prefix.version) ? 1n : nextPowerOfTwo(sum + 2n > 4n ? sum + 2n : 4n);
    n.children.sort((a, b) => (a.size > b.size ? -1 : a.size < b.size ? 1 : 0));
    return n.size;
  };
  for (const r of roots) sizeOf(r);
  return roots.sort((a, b) => (a.size > b.size ? -1 : a.size < b.size ? 1 : 0));
}

/**
 * Places `nodes` (largest first) in [base, base + size): aligned, never on the first address when
 * it is a single address, never on the last; returns false when they do not fit.
 */
function pack(nodes: readonly Node[], base: bigint, size: bigint, cursorStart: bigint = base): bigint | undefined {
  let cursor = cursorStart;
  for (const n of nodes) {
    if (n.size === 1n && cursor === base) cursor += 1n;
    cursor = ((cursor + n.size - 1n) / n.size) * n.size;
    if (cursor + n.size > base + size - 1n) return undefined;
    n.mapped = cursor;
    if (n.children.length > 0 && pack(n.children, cursor, n.size) === undefined) return undefined;
    cursor += n.size;
  }
  return cursor;
}

/** The mapping, original text of a prefix key -> mapped prefix. */
function allocate(version: number, prefixes: readonly Prefix[]): Map<string, Prefix> {
  const roots = forest(prefixes);
  const bins = TARGETS[version].map((t) => {
    const parsed = parseAddressText(t)?.net ?? { version, start: 0n, length: 0 };
    return { start: parsed.start, size: 1n << BigInt(bits(version) - parsed.length), cursor: parsed.start };
  });
  for (const r of roots) {
    const bin = bins.find((b) => {
      const next = pack([r], b.start, b.size, b.cursor);
      if (next === undefined) return false;
      b.cursor = next;
      return true;
    });
    if (!bin) {
      const need = roots.reduce((s, n) => s + n.size, 0n);
      throw new RemapError(`the IPv${version} addresses and CIDRs of the inputs (${prefixes.length} distinct, nested in ${roots.length} group(s) `
        + `needing ${need} addresses, the largest ${roots[0].size}) cannot be mapped one to one into ${TARGETS[version].join(', ')} `
        + 'with their containment kept; verify a smaller part of the cluster (e.g. fewer nodes or policies)');
    }
  }
  const out = new Map<string, Prefix>();
  const walk = (n: Node): void => {
    out.set(key(n.prefix), { version, start: n.mapped ?? 0n, length: bits(version) - (n.size.toString(2).length - 1) });
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

function prefixText(p: Prefix, asAddress: boolean): string {
  const a = addressText(p.version, p.start);
  return asAddress ? a : `${a}/${p.length}`;
}

/** The remapped inputs, and each original address or CIDR with what it became (sorted). */
export interface RemappedInputs {
  readonly sources: TextSource[];
  readonly mapping: ReadonlyArray<readonly [string, string]>;
}

function visit(value: unknown, onString: (s: string) => string): unknown {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => visit(v, onString));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, visit(v, onString)]));
  }
  return value;
}

/** Maps the sources' addresses into the documentation ranges; throws RemapError when impossible. */
export function remapSources(sources: readonly TextSource[]): RemappedInputs {
  const docs = sources.map((s) => {
    try {
      return loadAll(s.text);
    } catch (e) {
      throw new RemapError(`${s.file}: not YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  });
  const texts = new Set<string>();
  const prefixes = new Map<string, Prefix>();
  const collect = (s: string): string => {
    const parsed = parseAddressText(s.trim());
    if (!parsed) return s;
    texts.add(s.trim());
    for (const p of [parsed.net, ...(parsed.host ? [parsed.host] : [])]) if (p.length > 0) prefixes.set(key(p), p);
    return s;
  };
  docs.forEach((d) => visit(d, collect));
  const mapped = new Map<string, Prefix>();
  for (const version of [4, 6]) {
    for (const [k, v] of allocate(version, [...prefixes.values()].filter((p) => p.version === version))) mapped.set(k, v);
  }
  const textMap = new Map<string, string>();
  for (const t of texts) {
    const parsed = parseAddressText(t);
    if (!parsed || parsed.net.length === 0) continue;
    const net = mapped.get(key(parsed.net));
    if (!net) continue;
    const isAddress = !t.includes('/');
    if (parsed.host) {
      const host = mapped.get(key(parsed.host));
      textMap.set(t, `${addressText(parsed.host.version, host?.start ?? 0n)}/${net.length}`);
    } else textMap.set(t, prefixText(net, isAddress));
  }
  const remap = (s: string): string => textMap.get(s.trim()) ?? s;
  const out = sources.map((s, i) => ({
    file: s.file,
    text: docs[i].map((d) => dump(visit(d, remap), { noRefs: true })).join('---\n'),
  }));
  return { sources: out, mapping: [...textMap].sort(([a], [b]) => a.localeCompare(b)) };
}

/** The mapping as lines `original -> mapped`. */
export function formatMapping(mapping: ReadonlyArray<readonly [string, string]>): string {
  return mapping.map(([from, to]) => `  ${from} -> ${to}`).join('\n');
}
