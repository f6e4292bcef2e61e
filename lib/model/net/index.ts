export { NetError } from './errors';
export { Cidr, CIDR_ALLOWED } from './cidr';
export { canonicalAddress, isIpAddress, ipNumToString, ipVersionOf, toIpNum, IP_ADDRESS_ALLOWED } from './address';
export { PortSpec, isPortNumber, isProtoPortNumber, parseNatPortRange, parsePortSpec, portSpecToString, PORT_ALLOWED } from './ports';
export {
  CALICO_PROTOCOL_NAMES, ICMP_CODE_MAX, ICMP_TYPE_MAX, PROTOCOL_ALLOWED, isIcmpCode, isIcmpType, isProtocolNumber,
  protocolCanonicalName, protocolDisplayName, protocolHasPorts, protocolIsIcmp, protocolNumber, ruleIpVersion,
} from './protocol';
