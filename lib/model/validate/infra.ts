import { HostEndpointSpec, NetworkSetSpec, TierSpec } from '../resources';
import { checkCidrList, checkIpList } from './addresses';
import { Issues, report } from './issue';
import { INTERFACE_NAME_ALLOWED, SUBDOMAIN_ALLOWED, isDns1123Subdomain, isInterfaceName } from './names';
import { PORT_NAME_SHORT, checkPortNumber, isValidPortName } from './ports';

const PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** HostEndpoint: needs a node, and an interface name or expected IPs. */
export function checkHostEndpointSpec(issues: Issues, spec: HostEndpointSpec): void {
  if (!spec.node) report(issues, 'spec.node', spec.node, 'no node has been specified', 'the Calico node name');
  if (!spec.interfaceName && (spec.expectedIPs ?? []).length === 0) {
    report(issues, 'spec.interfaceName', spec.interfaceName, 'no interface or expected IPs have been specified',
      'an interfaceName, expectedIPs, or both');
  }
  if (spec.interfaceName && spec.interfaceName !== '*' && !isInterfaceName(spec.interfaceName)) {
    report(issues, 'spec.interfaceName', spec.interfaceName, 'invalid interface name',
      `'*' or ${INTERFACE_NAME_ALLOWED}`);
  }
  checkIpList(issues, 'spec.expectedIPs', spec.expectedIPs);
  (spec.profiles ?? []).forEach((name, i) => {
    if (!isDns1123Subdomain(name)) report(issues, `spec.profiles[${i}]`, name, 'invalid profile name', SUBDOMAIN_ALLOWED);
  });
  (spec.ports ?? []).forEach((p, i) => {
    if (!isValidPortName(p.name)) report(issues, `spec.ports[${i}].name`, p.name, 'invalid port name', PORT_NAME_SHORT);
    checkPortNumber(issues, `spec.ports[${i}].port`, p.port);
    if (!PORT_PROTOCOLS.includes(p.protocol)) report(issues, `spec.ports[${i}].protocol`, p.protocol, 'protocol does not support ports', 'TCP, UDP or SCTP');
  });
}

/** GlobalNetworkSet / NetworkSet: strictly masked CIDRs (or plain IPs). */
export function checkNetworkSetSpec(issues: Issues, spec: NetworkSetSpec): void {
  checkCidrList(issues, 'spec.nets', spec.nets, true);
}

/** Tier: defaultAction Deny or Pass. */
export function checkTierSpec(issues: Issues, spec: TierSpec): void {
  if (spec.defaultAction !== undefined && spec.defaultAction !== 'Deny' && spec.defaultAction !== 'Pass') {
    report(issues, 'spec.defaultAction', spec.defaultAction, 'invalid Tier defaultAction', 'Deny or Pass');
  }
}
