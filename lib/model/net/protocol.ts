/** The protocol names Calico knows, spelled as Calico spells them, and their IP protocol numbers. The one table. */
const PROTOCOL_NUMBERS: ReadonlyArray<readonly [string, number]> = [
  ['TCP', 6], ['UDP', 17], ['ICMP', 1], ['ICMPv6', 58], ['SCTP', 132], ['UDPLite', 136],
];

/**
 * IANA's keywords (protocol-numbers registry) of other protocols a cluster meets, for display only:
 * Calico's rules accept these by number, not by name.
 */
const DISPLAY_ONLY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['IGMP', 2], ['IPIP', 4], ['IPv6', 41], ['GRE', 47], ['ESP', 50], ['AH', 51], ['OSPF', 89], ['PIM', 103], ['VRRP', 112], ['L2TP', 115],
];

/** The names Calico's validator accepts in a rule's `protocol` (case-sensitive: protocolRegex). */
export const CALICO_PROTOCOL_NAMES: readonly string[] = PROTOCOL_NUMBERS.map(([name]) => name);

/** A name for people: Calico's name, else IANA's keyword (112 is `VRRP`), else `protocol <n>`. */
export function protocolDisplayName(n: number): string {
  const name = [...PROTOCOL_NUMBERS, ...DISPLAY_ONLY_NAMES].find(([, num]) => num === n)?.[0];
  return name ?? `protocol ${n}`;
}

/** Calico's name of a protocol number (`TCP`, `UDP`, `ICMP`, `ICMPv6`, `SCTP`, `UDPLite`), else its digits. */
export function protocolCanonicalName(n: number): string {
  return PROTOCOL_NUMBERS.find(([, num]) => num === n)?.[0] ?? `${n}`;
}

export const PROTOCOL_ALLOWED = 'TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255';

/** The IP protocol number of a name (any case) or digits 1-255; undefined otherwise. */
export function protocolNumber(p: string): number | undefined {
  if (/^[0-9]{1,3}$/.test(p)) {
    const n = Number(p);
    return n >= 1 && n <= 255 ? n : undefined;
  }
  const lower = p.toLowerCase();
  return PROTOCOL_NUMBERS.find(([name]) => name.toLowerCase() === lower)?.[1];
}

/** True when the protocol carries ports: TCP, UDP or SCTP (by name or number). */
export function protocolHasPorts(p: string): boolean {
  const n = protocolNumber(p);
  return n === 6 || n === 17 || n === 132;
}

/** True when the protocol is ICMP (1) or ICMPv6 (58), by name or number. */
export function protocolIsIcmp(p: string): boolean {
  const n = protocolNumber(p);
  return n === 1 || n === 58;
}

/** The highest ICMP type Calico accepts (libcalico-go ICMPFields: type 0-254). */
export const ICMP_TYPE_MAX = 254;
/** The highest ICMP code (one byte). */
export const ICMP_CODE_MAX = 255;

/** True for an ICMP type Calico accepts: an integer 0-254. */
export function isIcmpType(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= ICMP_TYPE_MAX;
}

/** True for an ICMP code: an integer 0-255. */
export function isIcmpCode(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= ICMP_CODE_MAX;
}

/** True for an IP protocol number Calico accepts: an integer 1-255. */
export function isProtocolNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 255;
}

/**
 * The IP version a Calico rule applies to: its `ipVersion`, else 4 for protocol `ICMP` and 6 for
 * `ICMPv6` given by name (Felix's ipVersionToProtoIPVersion, felix/calc/rule_convert.go: a rule
 * for ICMP renders nothing in ip6tables); by number, or any other protocol, both.
 */
export function ruleIpVersion(ipVersion: number | undefined, protocol: string | undefined): number | undefined {
  if (ipVersion !== undefined || protocol === undefined) return ipVersion;
  const lower = String(protocol).toLowerCase();
  return lower === 'icmp' ? 4 : lower === 'icmpv6' ? 6 : undefined;
}
