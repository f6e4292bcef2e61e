import { IPv4, IPv6 } from 'ip-num';
import { Cidr, CIDR_ALLOWED, IP_ADDRESS_ALLOWED, NetError, canonicalAddress, ipVersionOf, isIpAddress, toIpNum } from '../net';
import { Issues, report } from './issue';

/** What checking one CIDR text finds: the parsed CIDR (when the syntax is valid) and the problems. */
interface CidrCheck {
  readonly cidr?: Cidr;
  readonly problems: readonly { readonly message: string; readonly allowed: string }[];
}

/** Checks of CIDR texts already seen (policies repeat the same few nets); bounded. */
const checked = new Map<string, CidrCheck>();
const CHECKED_LIMIT = 10_000;

function checkCidrText(text: string, allowPlainIp: boolean): CidrCheck {
  const key = `${allowPlainIp ? 'ip' : 'cidr'}:${text}`;
  const seen = typeof text === 'string' ? checked.get(key) : undefined;
  if (seen) return seen;
  let result: CidrCheck;
  try {
    const cidr = allowPlainIp ? Cidr.parseCidrOrIp(text) : Cidr.parse(text);
    result = {
      cidr,
      problems: cidr.hasHostBits() ? [{ message: 'CIDR has host bits set', allowed: `the network address, ${cidr.toString()}` }] : [],
    };
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    result = { problems: [{ message: e.reason, allowed: allowPlainIp ? `${CIDR_ALLOWED}, or a plain IP address` : CIDR_ALLOWED }] };
  }
  if (typeof text === 'string') {
    if (checked.size >= CHECKED_LIMIT) checked.clear();
    checked.set(key, result);
  }
  return result;
}

/**
 * Checks one CIDR: syntax, then host bits. Returns the parsed CIDR when the syntax is valid (even
 * with host bits, so later checks still run). `allowPlainIp` accepts `192.0.2.1` as a /32 (Calico).
 */
export function checkCidr(issues: Issues, field: string, text: string, allowPlainIp: boolean): Cidr | undefined {
  const result = checkCidrText(text, allowPlainIp);
  for (const p of result.problems) report(issues, field, text, p.message, p.allowed);
  return result.cidr;
}

/** Checks each CIDR of a list; returns the ones that parsed. */
export function checkCidrList(issues: Issues, field: string, list: readonly string[] | undefined, allowPlainIp: boolean): Cidr[] {
  const out: Cidr[] = [];
  (list ?? []).forEach((text, i) => {
    const cidr = checkCidr(issues, `${field}[${i}]`, text, allowPlainIp);
    if (cidr) out.push(cidr);
  });
  return out;
}


/** The ranges ValidateEndpointIP refuses (pkg/apis/core/validation: Go's IsUnspecified, IsLoopback, IsLinkLocalUnicast, IsLinkLocalMulticast), with what they are. */
const SPECIAL_RANGES: readonly (readonly [Cidr, string])[] = [
  ['0.0.0.0/32', 'unspecified'], ['::/128', 'unspecified'],
  ['127.0.0.0/8', 'in the loopback range'], ['::1/128', 'in the loopback range'],
  ['169.254.0.0/16', 'in the link-local range'], ['fe80::/10', 'in the link-local range'],
  ['224.0.0.0/24', 'in the link-local multicast range'],
].map(([c, why]) => [Cidr.parse(c), why] as const);

/** Why an address may not be a Service's external IP or an endpoint (ValidateEndpointIP); undefined when it may. */
function specialIpReason(ip: string): string | undefined {
  // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as its IPv4 address, as Go's net.IP does
  const num = toIpNum(ip);
  if (num instanceof IPv6 && num.getValue() >> 32n === 0xffffn) return specialIpReason(IPv4.fromNumber(num.getValue() & 0xffffffffn).toString());
  const hit = SPECIAL_RANGES.find(([c]) => c.version === ipVersionOf(ip) && c.containsAddress(ip));
  if (hit) return hit[1];
  // IPv6 link-local multicast as Go's net.IP.IsLinkLocalMulticast: ff<flags>2::/16 (scope 2)
  if (ipVersionOf(ip) === 6 && /^ff[0-9a-f]2:/i.test(canonicalAddress(ip))) return 'in the link-local multicast range';
  return undefined;
}

/** Checks that each entry is a plain IP address and, when `nonSpecial`, no special address (ValidateEndpointIP). */
export function checkIpList(issues: Issues, field: string, list: readonly string[] | undefined, nonSpecial = false): void {
  (list ?? []).forEach((text, i) => checkIp(issues, `${field}[${i}]`, text, nonSpecial));
}

/** Checks one plain IP address; with `nonSpecial`, also that it is no unspecified, loopback or link-local address. */
export function checkIp(issues: Issues, field: string, text: string, nonSpecial: boolean): void {
  if (!isIpAddress(text)) {
    report(issues, field, text, 'not an IP address', IP_ADDRESS_ALLOWED);
    return;
  }
  const why = nonSpecial ? specialIpReason(text) : undefined;
  if (why !== undefined) report(issues, field, text, `the address is ${why}`, 'an address that is not unspecified, loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16, fe80::/10) or link-local multicast (224.0.0.0/24, ff02::/16)');
}
