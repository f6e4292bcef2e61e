import { IPv4, IPv4CidrRange, IPv4Prefix, IPv6, IPv6CidrRange, IPv6Prefix } from 'ip-num';
import { ipNumToString, ipVersionOf, toIpNum } from './address';
import { NetError } from './errors';

export const CIDR_ALLOWED = 'a CIDR like 192.0.2.0/24 or 2001:db8::/32 (prefix 0-32 for IPv4, 0-128 for IPv6)';

/** An IPv4 or IPv6 CIDR, remembering whether the text as written had host bits set. */
export class Cidr {
  /** Parses `<address>/<prefix>`. Throws NetError for anything else. */
  public static parse(text: string): Cidr {
    const match = /^([^/]+)\/([0-9]{1,3})$/.exec(text);
    if (!match) throw new NetError('invalid CIDR', text, CIDR_ALLOWED);
    const [, address, prefixText] = match;
    const ip = toIpNum(address);
    const prefixLength = Number(prefixText);
    if (ip === undefined) throw new NetError('invalid CIDR address', text, CIDR_ALLOWED);
    const version = ipVersionOf(address) ?? 4;
    if (prefixLength > (version === 4 ? 32 : 128)) {
      throw new NetError('CIDR prefix out of range', text, CIDR_ALLOWED);
    }
    const range = ip instanceof IPv4
      ? new IPv4CidrRange(ip, IPv4Prefix.fromNumber(BigInt(prefixLength)))
      : new IPv6CidrRange(ip as IPv6, IPv6Prefix.fromNumber(BigInt(prefixLength)));
    return new Cidr(range, ip, version, prefixLength);
  }

  /** Like parse, but a plain address is also accepted, as a /32 or /128 (Calico's `nets` allow this). */
  public static parseCidrOrIp(text: string): Cidr {
    const version = ipVersionOf(text);
    return version === undefined ? Cidr.parse(text) : Cidr.parse(`${text}/${version === 4 ? 32 : 128}`);
  }

  private constructor(
    private readonly range: IPv4CidrRange | IPv6CidrRange,
    private readonly written: IPv4 | IPv6,
    /** 4 or 6. */
    public readonly version: number,
    /** The prefix length as written. */
    public readonly prefixLength: number,
  ) {}

  /** True when the address as written has bits set beyond the prefix (e.g. `10.0.0.1/8`). */
  public hasHostBits(): boolean {
    return !this.range.getFirst().isEquals(this.written);
  }

  /** True for `0.0.0.0/0` and `::/0`: every address of its version. */
  public isCatchAll(): boolean {
    return this.prefixLength === 0;
  }

  /** The first address of the network, in canonical text. */
  public networkAddress(): string {
    return ipNumToString(this.range.getFirst());
  }

  /** The last address of the network, in canonical text. */
  public lastAddress(): string {
    return ipNumToString(this.range.getLast());
  }

  /** True when every address of `other` lies in this network (same IP version only). */
  public contains(other: Cidr): boolean {
    if (other.version !== this.version) return false;
    if (this.range instanceof IPv4CidrRange && other.range instanceof IPv4CidrRange) {
      return this.range.contains(other.range);
    }
    if (this.range instanceof IPv6CidrRange && other.range instanceof IPv6CidrRange) {
      return this.range.contains(other.range);
    }
    return false;
  }

  /** True when the plain address lies in this network; false for other versions or non-addresses. */
  public containsAddress(ip: string): boolean {
    const addr = toIpNum(ip);
    if (addr === undefined) return false;
    if (this.range instanceof IPv4CidrRange && addr instanceof IPv4) return this.range.contains(addr);
    if (this.range instanceof IPv6CidrRange && addr instanceof IPv6) return this.range.contains(addr);
    return false;
  }

  /** The first and last address of the network as numbers (computed from the prefix, without ip-num's masks). */
  public bounds(): { readonly first: bigint; readonly last: bigint } {
    const bits = this.version === 4 ? 32 : 128;
    const size = 1n << BigInt(bits - this.prefixLength);
    const first = (this.written.getValue() / size) * size;
    return { first, last: first + size - 1n };
  }

  /** Canonical `network/prefix`: host bits cleared, IPv6 compressed and lower case. */
  public toString(): string {
    return `${this.networkAddress()}/${this.prefixLength}`;
  }
}
