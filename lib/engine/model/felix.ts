// Felix settings: failsafe ports, the workload-to-host action, the filter deny action, the marks, the
// encapsulation drops and host rules, from Felix's environment, FelixConfiguration `default`, the
// IPPools, then Felix's defaults.
import { FelixConfiguration, FelixConfigurationSpec, IpPool, ProtoPort } from '../../model/resources';
import { ipVersionOf, parseNatPortRange } from '../../model/net';
import { InputError } from '../input/errors';
import { Endpoint, FelixSettings, NatOutgoingSettings, PoolNat, WireguardHostEncryption, WireguardSettings } from './types';

const pp = (spec: string): ProtoPort => {
  const [protocol, port] = spec.split(':');
  return { protocol, port: Number(port) };
};

/** Felix's built-in defaults (felix/config/config_params.go) for the settings the engine and plan use. */
const FELIX_DEFAULTS = {
  failsafeInbound: ['tcp:22', 'udp:68', 'tcp:179', 'tcp:2379', 'tcp:2380', 'tcp:5473', 'tcp:6443', 'tcp:6666', 'tcp:6667'].map(pp),
  failsafeOutbound: ['udp:53', 'udp:67', 'tcp:179', 'tcp:2379', 'tcp:2380', 'tcp:5473', 'tcp:6443', 'tcp:6666', 'tcp:6667'].map(pp),
  defaultEndpointToHostAction: 'Drop',
  filterDenyAction: 'Drop',
  allowVXLANPacketsFromWorkloads: false,
  allowIPIPPacketsFromWorkloads: false,
  vxlanPort: 4789,
  markMask: 0xffff0000,
  logPrefix: 'calico-packet',
  logActionRateLimitBurst: 5,
  disableConntrackInvalidCheck: false,
  wireguard: { port: 51820, interfaceName: 'wireguard.cali' },
  wireguardV6: { port: 51821, interfaceName: 'wg-v6.cali' },
} as const;

/** IP-in-IP is on when any pool (disabled ones too) has ipipMode other than Never (encapsulation_resolver.go updatePool). */
function poolsWantIpip(pools: readonly IpPool[]): boolean {
  return pools.some((p) => (p.spec.ipipMode ?? 'Never') !== 'Never');
}

/** VXLAN of an IP version is on when any pool of it (disabled ones too) has vxlanMode other than Never (encapsulation_resolver.go updatePool). */
function poolsWantVxlan(pools: readonly IpPool[], version: 4 | 6): boolean {
  return pools.some((p) => (p.spec.vxlanMode ?? 'Never') !== 'Never' && ipVersionOf(p.spec.cidr.split('/')[0]) === version);
}

/** The pools as the masquerade manager keeps them (masq_mgr.go OnUpdate, isLoadBalancerOnly). */
function poolNat(p: IpPool): PoolNat {
  const uses = p.spec.allowedUses ?? [];
  const encapsulated = (mode: string | undefined): boolean => mode === 'Always' || mode === 'CrossSubnet';
  const tunnel = encapsulated(p.spec.ipipMode) ? 'ipip' : encapsulated(p.spec.vxlanMode) ? 'vxlan' : undefined;
  const mode = tunnel === 'ipip' ? p.spec.ipipMode : p.spec.vxlanMode;
  return {
    ...(tunnel ? { tunnel } : {}),
    ...(tunnel && mode === 'CrossSubnet' ? { crossSubnet: true } : {}),
    name: p.metadata.name, cidr: p.spec.cidr, masquerade: p.spec.natOutgoing === true,
    loadBalancerOnly: uses.length === 1 && uses[0] === 'LoadBalancer',
  };
}

/** natOutgoingExclusions (default IPPoolsOnly), natOutgoingAddress (empty is unset) and natPortRange, validated at read. */
function natOutgoing(spec: FelixConfigurationSpec): NatOutgoingSettings {
  const range = spec.natPortRange === undefined ? undefined : parseNatPortRange(spec.natPortRange);
  return {
    excludeHosts: spec.natOutgoingExclusions === 'IPPoolsAndHostIPs',
    ...(spec.natOutgoingAddress ? { address: spec.natOutgoingAddress } : {}),
    ...(range ? { portRange: range } : {}),
  };
}

/** The WireGuard devices that are on (wireguardEnabled, wireguardEnabledV6), with their port and name. */
function wireguard(spec: FelixConfigurationSpec): { wireguard?: WireguardSettings; wireguardV6?: WireguardSettings } {
  const d = FELIX_DEFAULTS;
  return {
    ...(spec.wireguardEnabled === true
      ? { wireguard: { port: spec.wireguardListeningPort ?? d.wireguard.port, interfaceName: spec.wireguardInterfaceName ?? d.wireguard.interfaceName } } : {}),
    ...(spec.wireguardEnabledV6 === true
      ? { wireguardV6: { port: spec.wireguardListeningPortV6 ?? d.wireguardV6.port, interfaceName: spec.wireguardInterfaceNameV6 ?? d.wireguardV6.interfaceName } } : {}),
  };
}

/**
 * Host encryption as static.go StaticRawPreroutingChain turns it on: WireguardEncryptHostTraffic with
 * WireguardEnabled or WireguardEnabledV6 (their device names are never empty: config_params.go non-zero).
 */
function wireguardHostEncryption(spec: FelixConfigurationSpec): { wireguardHostEncryption?: WireguardHostEncryption } {
  const d = FELIX_DEFAULTS;
  const on = spec.wireguardHostEncryptionEnabled === true && (spec.wireguardEnabled === true || spec.wireguardEnabledV6 === true);
  return on ? {
    wireguardHostEncryption: {
      interfaceName: spec.wireguardInterfaceName ?? d.wireguard.interfaceName,
      interfaceNameV6: spec.wireguardInterfaceNameV6 ?? d.wireguardV6.interfaceName,
    },
  } : {};
}

/** felix/config/config_params.go FlowLogsEnabled: a Goldmane server is named or the local reporter is Enabled. */
function flowLogsEnabled(spec: FelixConfigurationSpec): boolean {
  return (spec.flowLogsGoldmaneServer ?? '') !== '' || spec.flowLogsLocalReporter === 'Enabled';
}

/** `Drop` or `Reject`, whatever case the FelixConfiguration used (its CRD pattern is case-insensitive). */
function denyAction(value: string | undefined): string {
  return value !== undefined && value.toLowerCase() === 'reject' ? 'Reject' : FELIX_DEFAULTS.filterDenyAction;
}

/**
 * The settings Felix runs with: its environment (`overrides`, from `--felix`) first, then the
 * FelixConfiguration named `default`, then Felix's built-in defaults.
 */
export function felixSettings(configs: readonly FelixConfiguration[], overrides: FelixConfigurationSpec = {}, pools: readonly IpPool[] = []): FelixSettings {
  const spec = { ...(configs.find((c) => c.metadata.name === 'default')?.spec ?? {}), ...overrides };
  return {
    ipv6Support: spec.ipv6Support ?? true,
    failsafeInbound: spec.failsafeInboundHostPorts ?? FELIX_DEFAULTS.failsafeInbound,
    failsafeOutbound: spec.failsafeOutboundHostPorts ?? FELIX_DEFAULTS.failsafeOutbound,
    defaultEndpointToHostAction: spec.defaultEndpointToHostAction ?? FELIX_DEFAULTS.defaultEndpointToHostAction,
    filterDenyAction: denyAction(spec.iptablesFilterDenyAction),
    allowVXLANPacketsFromWorkloads: spec.allowVXLANPacketsFromWorkloads ?? FELIX_DEFAULTS.allowVXLANPacketsFromWorkloads,
    allowIPIPPacketsFromWorkloads: spec.allowIPIPPacketsFromWorkloads ?? FELIX_DEFAULTS.allowIPIPPacketsFromWorkloads,
    vxlanPort: spec.vxlanPort ?? FELIX_DEFAULTS.vxlanPort,
    markMask: spec.iptablesMarkMask ?? FELIX_DEFAULTS.markMask,
    logPrefix: spec.logPrefix ?? FELIX_DEFAULTS.logPrefix,
    ...(spec.logActionRateLimit !== undefined
      ? { logActionRateLimit: { rate: spec.logActionRateLimit, burst: spec.logActionRateLimitBurst ?? FELIX_DEFAULTS.logActionRateLimitBurst } }
      : {}),
    disableConntrackInvalidCheck: spec.disableConntrackInvalidCheck ?? FELIX_DEFAULTS.disableConntrackInvalidCheck,
    flowLogs: flowLogsEnabled(spec),
    ipipEnabled: spec.ipipEnabled ?? poolsWantIpip(pools),
    vxlanEnabled: spec.vxlanEnabled ?? poolsWantVxlan(pools, 4),
    vxlanEnabledV6: poolsWantVxlan(pools, 6),
    ...wireguard(spec),
    ...wireguardHostEncryption(spec),
    ipPools: pools.map(poolNat),
    natOutgoing: natOutgoing(spec),
  };
}

/**
 * A FelixConfiguration that is neither `default`, `node.<name>` nor scoped by a nodeSelector: Felix
 * reads none of it (calc/config_batcher.go), and neither does the engine; the note says so.
 */
export function unusedFelixConfigNotes(configs: readonly FelixConfiguration[]): string[] {
  return configs
    .filter((c) => c.metadata.name !== 'default' && !c.metadata.name.startsWith('node.') && c.spec.nodeSelector === undefined)
    .map((c) => `FelixConfiguration ${c.metadata.name}: not default, node.<name> or scoped by a nodeSelector, so Felix does not read it (nor does the engine)`);
}

/**
 * Ipv6Support false: Felix programs no ip6tables rules, so an endpoint's IPv6 traffic would pass
 * unpoliced; the plan and the engine do not model that, so it is refused (`where` names the setting).
 */
export function checkIpv6Support(felix: FelixSettings, endpoints: readonly Endpoint[], where: string): void {
  if (felix.ipv6Support) return;
  const e = endpoints.find((x) => x.ips.some((ip) => ipVersionOf(ip.split('/')[0]) === 6));
  if (e === undefined) return;
  throw new InputError(`${where}.ipv6Support: not modelled: with ipv6Support false Felix programs no ip6tables rules, so the IPv6 traffic of ${e.id} `
    + `(${e.ips.filter((ip) => ipVersionOf(ip.split('/')[0]) === 6)[0]}) would pass unpoliced (got false; allowed: true, or false in a cluster without IPv6 endpoints)`);
}
