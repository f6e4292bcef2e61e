import { CIDR_ALLOWED, Cidr, IP_ADDRESS_ALLOWED, NetError, isIpAddress } from '../../model/net';
import { SUBDOMAIN_ALLOWED, isDns1123Subdomain } from '../../model/validate/names';

/** Throws `<path>: <field>: ...` unless `value` is a plain IPv4/IPv6 address. */
export function requireIp(path: string, field: string, value: string): void {
  if (!isIpAddress(value)) {
    throw new Error(`${path}: ${field}: invalid IP address ${JSON.stringify(value)}; allowed: ${IP_ADDRESS_ALLOWED}`);
  }
}

/** Throws `<path>: <field>: ...` unless `value` is a CIDR. */
export function requireCidr(path: string, field: string, value: string): void {
  try {
    Cidr.parse(value);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    throw new Error(`${path}: ${field}: invalid CIDR ${JSON.stringify(value)}; allowed: ${CIDR_ALLOWED}`);
  }
}

/** Throws unless `value` is a DNS-1123 subdomain (a Kubernetes node name). */
export function requireNodeName(path: string, field: string, value: string): void {
  if (!isDns1123Subdomain(value)) {
    throw new Error(`${path}: ${field}: invalid node name ${JSON.stringify(value)}; allowed: ${SUBDOMAIN_ALLOWED}`);
  }
}

/** Throws unless `value` is a Linux interface name (1-15 characters, no "/", ":", whitespace or "*"). */
export function requireInterfaceName(path: string, field: string, value: string): void {
  if (value.length < 1 || value.length > 15 || /[\s/:*]/.test(value) || value === '.' || value === '..') {
    throw new Error(`${path}: ${field}: invalid interface name ${JSON.stringify(value)}; allowed: a Linux interface `
      + 'name of 1-15 characters without "/", ":", "*" or whitespace, e.g. eth1');
  }
}
