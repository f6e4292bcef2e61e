import { CIDR_ALLOWED, Cidr, IP_ADDRESS_ALLOWED, NetError, isIpAddress } from '../../model/net';
import { INTERFACE_NAME_ALLOWED, SUBDOMAIN_ALLOWED, isDns1123Subdomain, isInterfaceName } from '../../model/validate/names';

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

/** Throws unless `value` is an interface name Calico accepts (model isInterfaceName). */
export function requireInterfaceName(path: string, field: string, value: string): void {
  if (!isInterfaceName(value)) {
    throw new Error(`${path}: ${field}: invalid interface name ${JSON.stringify(value)}; allowed: a Linux interface name: `
      + `${INTERFACE_NAME_ALLOWED}, e.g. eth1`);
  }
}
