// Felix's flow-log NFLOG rules: the groups (v3.32.1 felix/rules/rule_defs.go NFLOGInboundGroup 1,
// NFLOGOutboundGroup 2), the action (felix/iptables/actions.go NflogAction: size 80, `--nflog-size`
// on kernels from 4.8, environment/feature_detect_linux.go NFLogSize) and the prefixes
// (felix/rules/nflogprefix.go).
import { lengthLimitedId } from './names';

/** `ingress` or `egress` (the rule direction Felix writes as I or E). */
type FlowDirection = 'ingress' | 'egress';

/** Allow, Deny or Pass (Felix's RuleAction A, D, P). */
export type NflogVerdict = 'A' | 'D' | 'P';

/** Felix's longest prefix without its terminating NUL (NFLOGPrefixMaxLength 64, less one). */
const MAX_PREFIX = 63;
/** Kept unhashed at each end of a hashed prefix. */
const KEEP = 10;

/** The NFLOG group: 1 for ingress (to a workload, from a host endpoint), 2 for egress. */
function nflogGroup(dir: FlowDirection): number {
  return dir === 'ingress' ? 1 : 2;
}

/** The NFLOG rule's action fragment (Felix's default size 80, `--nflog-size` as on every kernel from 4.8). */
export function nflogAction(dir: FlowDirection, prefix: string): string {
  return `--jump NFLOG --nflog-group ${nflogGroup(dir)} --nflog-prefix ${prefix} --nflog-size 80`;
}

/**
 * nflogprefix.go maybeHash: a prefix of 63 characters or more keeps its first and last 10 and puts
 * `_` plus a 41-character hash of the whole prefix (GetLengthLimitedID with max 42), then `_`, between
 * them: 63 characters. (Calico names are ASCII, so characters are bytes.)
 */
function maybeHash(prefix: string): string {
  if (prefix.length < MAX_PREFIX) return prefix;
  const hash = lengthLimitedId('', prefix, MAX_PREFIX - 2 * KEEP - 1);
  return `${prefix.slice(0, KEEP)}${hash}_${prefix.slice(prefix.length - KEEP)}`;
}

const dirLetter = (dir: FlowDirection): string => (dir === 'ingress' ? 'I' : 'E');

/**
 * CalculateNFLOGPrefixStr: `<verdict><owner><dir><index>|<id>`, owner P (policy) or R (profile), the
 * id the policy's ID (3.32 `gnp/<name>`, `np/<ns>/<name>`, ...) or the profile's name.
 */
export function ruleNflogPrefix(verdict: NflogVerdict, owner: 'policy' | 'profile', dir: FlowDirection, index: number, id: string): string {
  return maybeHash(`${verdict}${owner === 'policy' ? 'P' : 'R'}${dirLetter(dir)}${index}|${id}`);
}

/** CalculateEndOfTierDropNFLOGPrefixStr (`DP<dir>|<tier>`) or, for a tier that ends in pass, CalculateEndOfTierPassNFLOGPrefixStr (`PP<dir>|<tier>`). */
export function endOfTierNflogPrefix(verdict: 'D' | 'P', dir: FlowDirection, tier: string): string {
  return maybeHash(`${verdict}P${dirLetter(dir)}|${tier}`);
}

/** CalculateNoMatchProfileNFLOGPrefixStr: `DRI` or `DRE` (never hashed). */
export function noMatchProfileNflogPrefix(dir: FlowDirection): string {
  return `DR${dirLetter(dir)}`;
}
