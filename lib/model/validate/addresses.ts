import { Cidr, CIDR_ALLOWED, IP_ADDRESS_ALLOWED, NetError, isIpAddress } from '../net';
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

/** Checks that each entry is a plain IP address. */
export function checkIpList(issues: Issues, field: string, list: readonly string[] | undefined): void {
  (list ?? []).forEach((text, i) => {
    if (!isIpAddress(text)) report(issues, `${field}[${i}]`, text, 'not an IP address', IP_ADDRESS_ALLOWED);
  });
}
