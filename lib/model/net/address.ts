import { IPv4, IPv6, Validator, collapseIPv6Number } from 'ip-num';

/** What a plain IP address may look like, for messages. */
export const IP_ADDRESS_ALLOWED = 'an IPv4 address like 192.0.2.1 or an IPv6 address like 2001:db8::1';

/** True when the text is a plain IPv4 address (no prefix, no spaces, no leading zeros). */
function isIpv4(text: string): boolean {
  return /^[0-9.]+$/.test(text) && Validator.isValidIPv4String(text)[0];
}

/** True when the text is a plain IPv6 address (no prefix, no zone index). */
function isIpv6(text: string): boolean {
  return text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text) && Validator.isValidIPv6String(text)[0];
}

/** The IP version (4 or 6) of a plain address, or undefined when the text is not an address. */
export function ipVersionOf(text: string): number | undefined {
  let v = versions.get(text);
  if (v === undefined) {
    v = isIpv4(text) ? 4 : isIpv6(text) ? 6 : 0;
    if (versions.size >= VERSIONS_KEPT) versions.clear();
    versions.set(text, v);
  }
  return v === 0 ? undefined : v;
}

/**
 * Versions of the texts seen last (0: not an address): the engine asks for the same endpoint and
 * node addresses again and again, and ip-num's validation was a twentieth of `connectivity`'s time.
 */
const versions = new Map<string, 0 | 4 | 6>();
const VERSIONS_KEPT = 1 << 17;

/** True when the text is a plain IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return ipVersionOf(text) !== undefined;
}

/** Parses a plain address into its ip-num value; undefined when the text is not an address. */
export function toIpNum(text: string): IPv4 | IPv6 | undefined {
  const version = ipVersionOf(text);
  if (version === 4) return IPv4.fromString(text);
  if (version === 6) return IPv6.fromString(text);
  return undefined;
}

/** The canonical text of an ip-num address: dotted quad, or compressed lower-case IPv6. */
export function ipNumToString(ip: IPv4 | IPv6): string {
  return ip instanceof IPv6 ? collapseIPv6Number(ip.toString()).toLowerCase() : ip.toString();
}

/**
 * The canonical text of an address as Kubernetes and Calico write it (dotted quad; compressed
 * lower-case IPv6, RFC 5952): `2001:DB8:0::1` is `2001:db8::1`. Any other text is returned as it is.
 */
export function canonicalAddress(text: string): string {
  const ip = toIpNum(text);
  return ip === undefined ? text : ipNumToString(ip);
}
