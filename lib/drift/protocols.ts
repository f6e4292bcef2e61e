// Protocol names iptables-save may print (xtables' own names, then the system's /etc/protocols,
// which are IANA's keywords) and their numbers: a saved `-p vrrp` and a planned `-p 112` agree.
import { protocolNumber } from '../model/net';

const SAVED_PROTOCOL_NAMES: { readonly [name: string]: number } = {
  all: 0, ip: 0, icmp: 1, igmp: 2, ipencap: 4, 'ip-encap': 4, ipip: 4, tcp: 6, egp: 8, udp: 17, ipv6: 41, gre: 47,
  esp: 50, ah: 51, 'ipv6-icmp': 58, icmpv6: 58, ospf: 89, ospfigp: 89, pim: 103, vrrp: 112, l2tp: 115,
  sctp: 132, mh: 135, 'ipv6-mh': 135, udplite: 136,
};

/** The protocol number as digits, or the name in lower case when it is not known. */
export function canonicalProtocol(text: string): string {
  const lower = text.toLowerCase();
  const known = SAVED_PROTOCOL_NAMES[lower] ?? protocolNumber(lower);
  return known === undefined ? lower : `${known}`;
}
