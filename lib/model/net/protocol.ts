/** Protocol names Calico accepts (matched case-insensitively) and their IP protocol numbers. */
const PROTOCOL_NUMBERS: ReadonlyArray<readonly [string, number]> = [
  ['tcp', 6], ['udp', 17], ['icmp', 1], ['icmpv6', 58], ['sctp', 132], ['udplite', 136],
];

export const PROTOCOL_ALLOWED = 'TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255';

/** The IP protocol number of a name (any case) or digits 1-255; undefined otherwise. */
export function protocolNumber(p: string): number | undefined {
  if (/^[0-9]{1,3}$/.test(p)) {
    const n = Number(p);
    return n >= 1 && n <= 255 ? n : undefined;
  }
  const lower = p.toLowerCase();
  return PROTOCOL_NUMBERS.find(([name]) => name === lower)?.[1];
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
