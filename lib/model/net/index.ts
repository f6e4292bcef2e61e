export { NetError } from './errors';
export { Cidr, CIDR_ALLOWED } from './cidr';
export { isIpAddress, ipVersionOf, IP_ADDRESS_ALLOWED } from './address';
export { PortSpec, parsePortSpec, portSpecToString, PORT_ALLOWED } from './ports';
export { CALICO_PROTOCOL_NAMES, protocolCanonicalName, protocolNumber, protocolHasPorts, protocolIsIcmp, PROTOCOL_ALLOWED } from './protocol';
