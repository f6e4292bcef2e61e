// Match and action fragments, spelled as Felix's iptables match builder spells them.
import { hex } from './marks';
import { PortRange, portListText } from './ports';

/** 4 or 6. */
export type IpVersion = 4 | 6;

export const protocolMatch = (p: string): string => `-p ${p}`;
export const notProtocolMatch = (p: string): string => `! -p ${p}`;
export const sourceNet = (cidr: string): string => `--source ${cidr}`;
export const destNet = (cidr: string): string => `--destination ${cidr}`;
export const notSourceNet = (cidr: string): string => `! --source ${cidr}`;
export const notDestNet = (cidr: string): string => `! --destination ${cidr}`;
export const sourceIpSet = (name: string): string => `-m set --match-set ${name} src`;
export const destIpSet = (name: string): string => `-m set --match-set ${name} dst`;
export const notSourceIpSet = (name: string): string => `-m set ! --match-set ${name} src`;
export const notDestIpSet = (name: string): string => `-m set ! --match-set ${name} dst`;
export const sourceIpPortSet = (name: string): string => `-m set --match-set ${name} src,src`;
export const destIpPortSet = (name: string): string => `-m set --match-set ${name} dst,dst`;
export const notSourceIpPortSet = (name: string): string => `-m set ! --match-set ${name} src,src`;
export const notDestIpPortSet = (name: string): string => `-m set ! --match-set ${name} dst,dst`;
export const sourcePorts = (p: readonly PortRange[]): string => `-m multiport --source-ports ${portListText(p)}`;
export const destPorts = (p: readonly PortRange[]): string => `-m multiport --destination-ports ${portListText(p)}`;
export const notSourcePorts = (p: readonly PortRange[]): string => `-m multiport ! --source-ports ${portListText(p)}`;
export const notDestPorts = (p: readonly PortRange[]): string => `-m multiport ! --destination-ports ${portListText(p)}`;
/** match_builder.go SrcAddrType/DestAddrType(AddrTypeLocal, false), NotSrcAddrType(AddrTypeLocal, true). */
export const SRC_LOCAL = '-m addrtype --src-type LOCAL';
export const DEST_LOCAL = '-m addrtype --dst-type LOCAL';
export const NOT_SRC_LOCAL_OF_OUT_IFACE = '-m addrtype ! --src-type LOCAL --limit-iface-out';
export const inInterface = (i: string): string => `--in-interface ${i}`;
export const outInterface = (i: string): string => `--out-interface ${i}`;
export const conntrackState = (s: string): string => `-m conntrack --ctstate ${s}`;
export const notConntrackState = (s: string): string => `-m conntrack ! --ctstate ${s}`;
/** `-m mark --mark <bit>/<bit>`. */
export const markSet = (bit: number): string => `-m mark --mark ${hex(bit)}/${hex(bit)}`;
/** `-m mark --mark 0/<bits>`. */
export const markClear = (bits: number): string => `-m mark --mark 0/${hex(bits)}`;
/** `-m mark ! --mark 0/<bits>`: some of the bits are set. */
export const markNotClear = (bits: number): string => `-m mark ! --mark 0/${hex(bits)}`;

/** Felix's Limit match: `-m limit --limit <rate>`, with `--limit-burst <n>` unless the burst is 0. */
export const limitMatch = (rate: string, burst: number): string => (burst === 0 ? `-m limit --limit ${rate}` : `-m limit --limit ${rate} --limit-burst ${burst}`);

/** ICMP type (and code) match; v6 uses the icmp6 module. */
export function icmpMatch(version: IpVersion, type: number, code: number | undefined, negated: boolean): string {
  const value = code === undefined ? `${type}` : `${type}/${code}`;
  const not = negated ? '! ' : '';
  return version === 4 ? `-m icmp ${not}--icmp-type ${value}` : `-m icmp6 ${not}--icmpv6-type ${value}`;
}

export const jump = (target: string): string => `--jump ${target}`;
export const goTo = (target: string): string => `--goto ${target}`;
export const ACCEPT = '--jump ACCEPT';
export const DROP = '--jump DROP';
/** Felix's RejectAction with no `--reject-with`: the kernel answers ICMP (ICMPv6) port unreachable. */
export const REJECT = '--jump REJECT';
export const RETURN = '--jump RETURN';
export const NOTRACK = '--jump CT --notrack';
/** Felix's DSCPAction (felix/iptables/actions.go): `--jump DSCP --set-dscp <n>`, decimal. */
export const setDscp = (value: number): string => `--jump DSCP --set-dscp ${value}`;
/** `--jump MARK --set-mark <bit>/<bit>`. */
export const setMark = (bit: number): string => `--jump MARK --set-mark ${hex(bit)}/${hex(bit)}`;
/** `--jump MARK --set-mark 0/<bits>`. */
export const clearMark = (bits: number): string => `--jump MARK --set-mark 0/${hex(bits)}`;
/**
 * `--jump MARK --set-mark <value>/<mask>`: Felix's SetMaskedMarkAction prints both with Go's `%#x`,
 * so a zero value is `0x0` (ClearMarkAction's literal `0/` is clearMark).
 */
export const setMaskedMark = (value: number, mask: number): string => `--jump MARK --set-mark 0x${value.toString(16)}/${hex(mask)}`;
/** Felix's LogAction. */
export const logAction = (prefix: string): string => `--jump LOG --log-prefix "${prefix.replace(/"/g, "'")}: " --log-level 5`;
