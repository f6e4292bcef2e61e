import { ipVersionOf, isProtoPortNumber, parseNatPortRange } from '../net';
import { FelixConfigurationSpec, HostEndpointSpec, NetworkSetSpec, ProtoPort, TierSpec } from '../resources';
import { checkCidr, checkCidrList, checkIpList } from './addresses';
import { checkFlowLogs } from './flow-logs';
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

function checkFailsafe(issues: Issues, field: string, list: readonly ProtoPort[] | undefined): void {
  (list ?? []).forEach((e, i) => {
    if (!PORT_PROTOCOLS.includes(e.protocol.toUpperCase())) {
      report(issues, `${field}[${i}].protocol`, e.protocol, 'invalid failsafe protocol', 'tcp, udp or sctp');
    }
    // Calico's ProtoPort takes 0-65535 (validator_test: "should accept ProtoPort.Protocol: UDP" with port 0)
    if (!isProtoPortNumber(e.port)) {
      report(issues, `${field}[${i}].port`, e.port, 'port number must be between 0 and 65535', 'a port number 0-65535');
    }
    if (e.net !== undefined) checkCidr(issues, `${field}[${i}].net`, e.net, true);
  });
}

/** FelixConfiguration: failsafe entries and the enforcement enums. */
export function checkFelixSpec(issues: Issues, spec: FelixConfigurationSpec): void {
  checkFailsafe(issues, 'spec.failsafeInboundHostPorts', spec.failsafeInboundHostPorts);
  checkFailsafe(issues, 'spec.failsafeOutboundHostPorts', spec.failsafeOutboundHostPorts);
  const a = spec.defaultEndpointToHostAction;
  if (a !== undefined && !['Drop', 'Accept', 'Return'].includes(a)) {
    report(issues, 'spec.defaultEndpointToHostAction', a, 'invalid defaultEndpointToHostAction', 'Drop, Accept or Return');
  }
  const d = spec.iptablesFilterDenyAction;
  // The CRD's pattern is case-insensitive: ^(?i)(Drop|Reject)?$ (api/.../v3/felixconfig.go).
  if (d !== undefined && !['drop', 'reject'].includes(d.toLowerCase())) {
    report(issues, 'spec.iptablesFilterDenyAction', d, 'invalid iptablesFilterDenyAction', 'Drop or Reject');
  }
  const m = spec.iptablesMarkMask;
  if (m !== undefined && (!Number.isInteger(m) || m < 0 || m > 0xffffffff)) {
    report(issues, 'spec.iptablesMarkMask', m, 'invalid iptablesMarkMask', 'a 32-bit unsigned integer');
  } else if (m !== undefined && bitCount(m) < MIN_MARK_BITS) {
    // felix/dataplane/driver.go allocates accept, pass, drop, scratch0, scratch1 one bit each and stops without them
    report(issues, 'spec.iptablesMarkMask', m, `iptablesMarkMask has ${bitCount(m)} bits set; Felix needs at least ${MIN_MARK_BITS} (accept, pass, drop, scratch0, scratch1)`,
      `a 32-bit mask with at least ${MIN_MARK_BITS} bits set (Felix's default 0xffff0000)`);
  }
  const rate = spec.logActionRateLimit;
  // api/.../v3/felixconfig.go LogActionRateLimit pattern and LogActionRateLimitBurst bounds
  if (rate !== undefined && !/^[1-9][0-9]{0,3}\/(?:second|minute|hour|day)$/.test(rate)) {
    report(issues, 'spec.logActionRateLimit', rate, 'invalid logActionRateLimit', 'N/second, N/minute, N/hour or N/day, N from 1 to 9999');
  }
  const burst = spec.logActionRateLimitBurst;
  if (burst !== undefined && (!Number.isInteger(burst) || burst < 0 || burst > 9999)) {
    report(issues, 'spec.logActionRateLimitBurst', burst, 'invalid logActionRateLimitBurst', 'an integer from 0 to 9999');
  }
  checkNatOutgoing(issues, spec);
  checkFlowLogs(issues, spec);
  checkWireguard(issues, spec);
  for (const u of FELIX_UNMODELLED) {
    const v = spec[u.field];
    if (v !== undefined && !u.modelled(v)) {
      report(issues, `spec.${u.field}`, v, `not modelled: ${u.why}`, u.supported);
    }
  }
}

/** felix/config/config_params.go IfaceParamRegexp (wireguardInterfaceName, wireguardInterfaceNameV6). */
const IFACE_PARAM = /^[a-zA-Z0-9:._+-]{1,15}$/;

/**
 * The WireGuard ports (api/.../v3/felixconfig.go: gt=0,lte=65535) and device names (config_params.go
 * iface-param, non-zero); with WireGuard on, the mark mask needs a sixth bit (driver.go allocates the
 * WireGuard mark after scratch1 and stops without one).
 */
function checkWireguard(issues: Issues, spec: FelixConfigurationSpec): void {
  for (const field of ['wireguardListeningPort', 'wireguardListeningPortV6'] as const) {
    const p = spec[field];
    if (p !== undefined && (!Number.isInteger(p) || p < 1 || p > 65535)) report(issues, `spec.${field}`, p, `invalid ${field}`, 'a port 1-65535');
  }
  for (const field of ['wireguardInterfaceName', 'wireguardInterfaceNameV6'] as const) {
    const name = spec[field];
    if (name !== undefined && !IFACE_PARAM.test(name)) report(issues, `spec.${field}`, name, `invalid ${field}`, '1-15 characters of letters, digits and : . _ + -');
  }
  const m = spec.iptablesMarkMask;
  if ((spec.wireguardEnabled === true || spec.wireguardEnabledV6 === true) && m !== undefined && Number.isInteger(m) && bitCount(m) === MIN_MARK_BITS) {
    report(issues, 'spec.iptablesMarkMask', m, `iptablesMarkMask has ${MIN_MARK_BITS} bits set; with WireGuard on Felix needs ${MIN_MARK_BITS + 1} (the WireGuard mark too)`,
      `a 32-bit mask with at least ${MIN_MARK_BITS + 1} bits set (Felix's default 0xffff0000)`);
  }
}

/** felix/config/config_params.go NATOutgoingExclusions: oneof(IPPoolsOnly,IPPoolsAndHostIPs). */
const NAT_EXCLUSIONS = ['IPPoolsOnly', 'IPPoolsAndHostIPs'];

/** natPortRange (`portrange`), natOutgoingAddress (`ipv4`) and natOutgoingExclusions, as Felix's config parser takes them. */
function checkNatOutgoing(issues: Issues, spec: FelixConfigurationSpec): void {
  const range = spec.natPortRange;
  if (range !== undefined && parseNatPortRange(range) === undefined) {
    report(issues, 'spec.natPortRange', range, 'invalid natPortRange', 'a port 1-65535, or a range min:max of them with min <= max');
  }
  const address = spec.natOutgoingAddress;
  if (address !== undefined && address !== '' && ipVersionOf(address) !== 4) {
    report(issues, 'spec.natOutgoingAddress', address, 'invalid natOutgoingAddress', 'an IPv4 address');
  }
  const exclusions = spec.natOutgoingExclusions;
  if (exclusions !== undefined && !NAT_EXCLUSIONS.includes(exclusions)) {
    report(issues, 'spec.natOutgoingExclusions', exclusions, 'invalid natOutgoingExclusions', NAT_EXCLUSIONS.join(' or '));
  }
}

const MIN_MARK_BITS = 5;

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) count += v % 2;
  return count;
}

/** A FelixConfiguration field whose other values the plan does not render: the values it does, and why. */
interface Unmodelled {
  readonly field: keyof FelixConfigurationSpec;
  readonly modelled: (value: NonNullable<FelixConfigurationSpec[keyof FelixConfigurationSpec]>) => boolean;
  readonly why: string;
  readonly supported: string;
}

const isFalse = (v: unknown): boolean => v === false;
const isAccept = (v: unknown): boolean => typeof v === 'string' && v.toLowerCase() === 'accept';

/**
 * The FelixConfiguration values the plan and the engine do not render: reading past them would give
 * rules and verdicts Felix does not program, so they are refused (never silently ignored).
 */
const FELIX_UNMODELLED: readonly Unmodelled[] = [
  { field: 'iptablesFilterAllowAction', modelled: isAccept, why: 'the plan renders ACCEPT for allowed packets in the filter table', supported: 'Accept' },
  { field: 'iptablesMangleAllowAction', modelled: isAccept, why: 'the plan renders ACCEPT for allowed packets in the mangle table', supported: 'Accept' },
  { field: 'bpfEnabled', modelled: isFalse, why: 'the plan is of the iptables dataplane, not eBPF', supported: 'false, or leave it out' },
  {
    field: 'iptablesNATOutgoingInterfaceFilter', modelled: (v) => v === '',
    why: 'Felix would masquerade only traffic leaving by the matching host interfaces; the engine does not know which interface a packet leaves by',
    supported: 'an empty string, or leave it out (every interface)',
  },
  { field: 'kubeIPVSSupportEnabled', modelled: isFalse, why: "kube-proxy's IPVS mode rules (cali-forward-check) are not rendered", supported: 'false, or leave it out' },
];
