// The only addresses the kernel harness may give to test hosts or send traffic to.
import { Cidr } from '../model/net';
import { NetsecInputError } from '../model/errors';

/** The documentation ranges (RFC 5737, RFC 3849). */
const DOCUMENTATION_RANGES: readonly string[] = [
  '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32',
];

const RANGES = DOCUMENTATION_RANGES.map((r) => Cidr.parse(r));

/** True when the plain address lies in one of the documentation ranges. */
export function isDocumentationAddress(ip: string): boolean {
  return RANGES.some((r) => r.containsAddress(ip));
}

/** Thrown when a test host would get an address outside the documentation ranges. */
export class UnsafeAddressError extends NetsecInputError {
  constructor(readonly where: string, readonly addresses: readonly string[]) {
    super(
      `${where}: address(es) ${addresses.join(', ')} are outside the documentation ranges `
      + `(${DOCUMENTATION_RANGES.join(', ')}); the kernel harness only wires test hosts with those ranges. `
      + 'Use documentation addresses for pods, nodes and host endpoints to verify this input.',
    );
    this.name = 'UnsafeAddressError';
  }
}

/** Throws UnsafeAddressError naming `where` when any address is not a documentation address. */
export function assertDocumentationAddresses(where: string, addresses: readonly string[]): void {
  const bad = addresses.filter((a) => !isDocumentationAddress(a));
  if (bad.length > 0) throw new UnsafeAddressError(where, bad);
}

/** IP version of a plain address: 6 when it contains a colon, else 4. */
export function familyOf(ip: string): number {
  return ip.includes(':') ? 6 : 4;
}
