// Fast address-in-CIDR checks: IPv4 as 32-bit integers, IPv6 through the model's Cidr.
import { Cidr, ipVersionOf } from '../../model/net';

const parsed = new Map<string, CidrMatcher>();

/** A parsed CIDR that answers `contains(ip)` quickly. */
export class CidrMatcher {
  /** Parses the CIDR (cached per text; matchers are immutable); throws NetError when it is not one. */
  public static parse(text: string): CidrMatcher {
    let m = parsed.get(text);
    if (m === undefined) {
      m = new CidrMatcher(Cidr.parseCidrOrIp(text));
      if (parsed.size > 100000) parsed.clear();
      parsed.set(text, m);
    }
    return m;
  }

  public readonly version: number;
  private readonly network: number;
  private readonly mask: number;

  private constructor(private readonly cidr: Cidr) {
    this.version = cidr.version;
    if (cidr.version === 4) {
      this.mask = cidr.prefixLength === 0 ? 0 : (0xffffffff << (32 - cidr.prefixLength)) >>> 0;
      this.network = (ipv4ToNumber(cidr.networkAddress()) ?? 0) & this.mask;
    } else {
      this.mask = 0;
      this.network = 0;
    }
  }

  /** True when the plain address is in the network (false for other versions). */
  public contains(ip: string): boolean {
    if (this.version === 4) {
      const n = ipv4ToNumber(ip);
      return n !== undefined && ((n & this.mask) >>> 0) === this.network >>> 0;
    }
    return ipVersionOf(ip) === 6 && this.cidr.containsAddress(ip);
  }

  /** True when the IPv4 address, as an unsigned 32-bit number, is in the network (false for IPv6 networks). */
  public containsV4(n: number): boolean {
    return this.version === 4 && ((n & this.mask) >>> 0) === this.network >>> 0;
  }

  /** The canonical CIDR text. */
  public toString(): string {
    return this.cidr.toString();
  }
}

/** The IP version of an address already known to be valid: 6 when it has a colon, else 4 (no parsing). */
export function ipFamily(ip: string): number {
  return ip.includes(':') ? 6 : 4;
}

const v4Cache = new Map<string, number | undefined>();

/** An IPv4 address as an unsigned 32-bit number; undefined when it is not one. */
export function ipv4ToNumber(ip: string): number | undefined {
  if (v4Cache.has(ip)) return v4Cache.get(ip);
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  let out: number | undefined;
  if (m) {
    const parts = m.slice(1).map(Number);
    if (parts.every((p) => p <= 255)) out = (((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]) >>> 0;
  }
  if (v4Cache.size > 100000) v4Cache.clear();
  v4Cache.set(ip, out);
  return out;
}
