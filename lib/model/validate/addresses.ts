import { Cidr, CIDR_ALLOWED, IP_ADDRESS_ALLOWED, NetError, isIpAddress } from '../net';
import { Issues, report } from './issue';

/**
 * Checks one CIDR: syntax, then host bits. Returns the parsed CIDR when the syntax is valid (even
 * with host bits, so later checks still run). `allowPlainIp` accepts `192.0.2.1` as a /32 (Calico).
 */
export function checkCidr(issues: Issues, field: string, text: string, allowPlainIp: boolean): Cidr | undefined {
  let cidr: Cidr;
  try {
    cidr = allowPlainIp ? Cidr.parseCidrOrIp(text) : Cidr.parse(text);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    report(issues, field, text, e.reason, allowPlainIp ? `${CIDR_ALLOWED}, or a plain IP address` : CIDR_ALLOWED);
    return undefined;
  }
  if (cidr.hasHostBits()) {
    report(issues, field, text, 'CIDR has host bits set', `the network address, ${cidr.toString()}`);
  }
  return cidr;
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
