// FelixConfiguration: each field as Felix's config parser and the CRD take it, and the values the
// plan does not render refused with the reason (lib/model/felix/fields.ts).
import { felixField, NODE_SELECTOR_FIELD } from '../felix/fields';
import { ipVersionOf, isProtoPortNumber, parseNatPortRange } from '../net';
import { FelixConfiguration, FelixConfigurationSpec, ProtoPort } from '../resources';
import { checkCidr } from './addresses';
import { checkFlowLogs } from './flow-logs';
import { Issues, report } from './issue';
import { checkSelector } from './selectors';

const PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

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

/**
 * FelixConfiguration: its scope (`default`, `node.<name>`, or a nodeSelector), then its fields as
 * Felix's config parser and the CRD take them; a value the plan does not render is refused.
 */
export function checkFelixConfiguration(issues: Issues, r: FelixConfiguration): void {
  checkScope(issues, r);
  checkFelixSpec(issues, r.spec);
}

/**
 * The fields of a FelixConfiguration other than `default`: Felix applies `node.<name>` to that node
 * and a nodeSelector one to the nodes it selects (3.32, calc/config_batcher.go; never both on one:
 * the CRD refuses it) and ignores any other. The plan and the engine use one configuration for every
 * node, so a scoped one may set only fields that change no rule, or the rendered default.
 */
function checkScope(issues: Issues, r: FelixConfiguration): void {
  const name = r.metadata.name;
  const scoped = name.startsWith('node.') || r.spec.nodeSelector !== undefined;
  if ((name === 'default' || name.startsWith('node.')) && r.spec.nodeSelector !== undefined) {
    report(issues, `spec.${NODE_SELECTOR_FIELD}`, r.spec.nodeSelector, "nodeSelector must not be set on the 'default' or per-node ('node.*') FelixConfiguration",
      'leave it out, or name the FelixConfiguration otherwise');
    return;
  }
  if (name === 'default' || !scoped) return;
  const values: readonly (readonly [string, unknown])[] = Object.entries(r.spec);
  for (const [field, value] of values) {
    const row = felixField(field);
    if (value === undefined || row === undefined || row.use === 'no-effect' || (row.use === 'default-only' && row.accepts(value))) continue;
    report(issues, `spec.${field}`, value,
      `not modelled: ${name.startsWith('node.') ? 'a per-node' : 'a selector-scoped'} FelixConfiguration setting a field that changes rules (the plan and the engine use FelixConfiguration default and --felix for every node)`,
      'the field in FelixConfiguration default (or --felix), or leave it out here');
  }
}

/** The fields of one FelixConfiguration spec. */
function checkFelixSpec(issues: Issues, spec: FelixConfigurationSpec): void {
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
  const port = spec.vxlanPort;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) report(issues, 'spec.vxlanPort', port, 'invalid vxlanPort', 'a port 1-65535');
  checkSelector(issues, `spec.${NODE_SELECTOR_FIELD}`, spec.nodeSelector, false);
  const values: readonly (readonly [string, unknown])[] = Object.entries(spec);
  for (const [field, value] of values) {
    const row = felixField(field);
    if (value !== undefined && row?.use === 'default-only' && !row.accepts(value)) report(issues, `spec.${field}`, value, `not modelled: ${row.why}`, row.supported);
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
