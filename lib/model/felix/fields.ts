// Every FelixConfiguration field of Calico v3.31 and v3.32 (api/pkg/apis/projectcalico/v3/felixconfig.go,
// felix/docs/config-params.json of v3.32.1 and v3.31.7) and every other setting calico-node's
// environment can give Felix, each with what the plan and the engine do with it: honour it, read
// only Felix's default value (any other is refused), or accept and drop it because it changes no
// iptables rule and no verdict. One table: the manifest parser, the validator and `--felix` use it.

/** How a setting's value is written: the manifest field's type, and how `--felix` reads it. */
export type FelixValueKind = 'string' | 'integer' | 'boolean' | 'strings' | 'protoPorts' | 'portRange';

/** A setting the plan and the engine follow (lib/engine/model/felix.ts felixSettings). */
interface Honoured {
  readonly use: 'honoured';
  readonly kind: FelixValueKind;
}

/** A setting of which only some values are rendered: any other value is refused, never read past. */
interface DefaultOnly {
  readonly use: 'default-only';
  readonly kind: FelixValueKind;
  /** Whether the value is one the plan renders. */
  readonly accepts: (value: unknown) => boolean;
  /** What the plan does instead of what another value would make Felix do. */
  readonly why: string;
  /** The values accepted, for the message. */
  readonly supported: string;
}

/** A setting that changes no iptables rule Felix programs and no verdict: accepted and dropped. */
interface NoEffect {
  readonly use: 'no-effect';
  readonly why: string;
}

type FelixFieldUse = Honoured | DefaultOnly | NoEffect;

/** One Felix setting: its FelixConfiguration field (absent for environment-only ones) and Felix's own name. */
type FelixField = FelixFieldUse & {
  /** The FelixConfiguration `spec` field; undefined for settings only calico-node's environment gives. */
  readonly field?: string;
  /** Felix's config name (config-params.json NameConfigFile): `FELIX_<NAME>` in the environment, any case. */
  readonly param: string;
};

const honoured = (field: string, param: string, kind: FelixValueKind): FelixField => ({ use: 'honoured', field, param, kind });
const defaultOnly = (field: string, param: string, kind: FelixValueKind, accepts: (value: unknown) => boolean, supported: string, why: string): FelixField =>
  ({ use: 'default-only', field, param, kind, accepts, supported, why });
const noEffect = (field: string | undefined, param: string, why: string): FelixField => ({ use: 'no-effect', ...(field === undefined ? {} : { field }), param, why });

const lower = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim().toLowerCase() : undefined);
const oneOf = (...values: readonly string[]) => (v: unknown): boolean => values.map((x) => x.toLowerCase()).includes(lower(v) ?? '\u0000');

/** featureDetectOverride `Name=value,...`: the features whose absence would change rules the plan renders. */
const RULE_FEATURES = ['SNATFullyRandom', 'MASQFullyRandom', 'NFLogSize'];
function keepsRuleFeatures(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  return v.split(',').map((kv) => kv.split('=').map((s) => s.trim())).every(([k, value]) =>
    !RULE_FEATURES.some((f) => f.toLowerCase() === (k ?? '').toLowerCase()) || (value ?? '').toLowerCase() === 'true');
}

// Why a setting changes no rule, by what it is about.
const DATASTORE = 'where Felix reads its configuration and policy from, not what it programs';
const PROCESS = "Felix's process, not the rules it programs";
const TIMER = 'when and how often Felix programs the dataplane, not what it programs';
const LOGGING = "Felix's own log, not the rules (the Log rules' prefix and rate limit are logPrefix and logActionRateLimit)";
const HEALTH = "Felix's health endpoint; it opens no port in iptables";
const METRICS = "Felix's Prometheus endpoint; it opens no port in iptables";
const REPORTING = 'status reporting to the datastore, not rules';
const USAGE = 'usage reporting, not rules';
const DEBUG = "Felix's debugging aids, not rules";
const MTU = 'device MTUs, not iptables rules';
const ROUTES = 'routes and routing rules, not iptables rules or verdicts';
const BPF = 'an eBPF dataplane setting, used only with bpfEnabled (refused unless false)';
const NFTABLES = 'an nftables dataplane setting, used only with nftablesMode Enabled (refused)';
const XDP = 'XDP acceleration drops early what the plan\'s raw untracked rules drop anyway: the same verdicts';
const FLOW_LOG_TIMING = 'how flow logs are collected and flushed; the NFLOG rules are the same';
const WIREGUARD_LINK = 'the WireGuard device and its routing, not the host rules for its port';

/** Every setting, grouped as config-params.json groups them. */
export const FELIX_FIELDS: readonly FelixField[] = [
  // Datastore connection (environment or config file only)
  ...['DatastoreType', 'EtcdAddr', 'EtcdCaFile', 'EtcdCertFile', 'EtcdEndpoints', 'EtcdKeyFile', 'EtcdScheme', 'FelixHostname',
    'TyphaAddr', 'TyphaCAFile', 'TyphaCN', 'TyphaCertFile', 'TyphaK8sNamespace', 'TyphaK8sServiceName', 'TyphaKeyFile',
    'TyphaReadTimeout', 'TyphaURISAN', 'TyphaWriteTimeout'].map((p) => noEffect(undefined, p, DATASTORE)),
  // Process: feature detection, Go runtime, health, logging, metrics
  defaultOnly('featureDetectOverride', 'FeatureDetectOverride', 'string', keepsRuleFeatures,
    `any features but ${RULE_FEATURES.join(', ')} set to false`,
    'the plan renders --random-fully on masquerade and SNAT and --nflog-size on NFLOG, as Felix does where the kernel has them'),
  noEffect('featureGates', 'FeatureGates', 'no feature gate of Felix 3.31 or 3.32 changes an iptables rule'),
  noEffect('goGCThreshold', 'GoGCThreshold', PROCESS), noEffect('goMaxProcs', 'GoMaxProcs', PROCESS), noEffect('goMemoryLimitMB', 'GoMemoryLimitMB', PROCESS),
  noEffect('healthEnabled', 'HealthEnabled', HEALTH), noEffect('healthHost', 'HealthHost', HEALTH), noEffect('healthPort', 'HealthPort', HEALTH),
  noEffect('healthTimeoutOverrides', 'HealthTimeoutOverrides', HEALTH),
  honoured('logActionRateLimit', 'LogActionRateLimit', 'string'), honoured('logActionRateLimitBurst', 'LogActionRateLimitBurst', 'integer'),
  noEffect('logDebugFilenameRegex', 'LogDebugFilenameRegex', LOGGING), noEffect('logFilePath', 'LogFilePath', LOGGING),
  honoured('logPrefix', 'LogPrefix', 'string'),
  noEffect('logSeverityFile', 'LogSeverityFile', LOGGING), noEffect('logSeverityScreen', 'LogSeverityScreen', LOGGING), noEffect('logSeveritySys', 'LogSeveritySys', LOGGING),
  ...['prometheusGoMetricsEnabled', 'prometheusMetricsCAFile', 'prometheusMetricsCertFile', 'prometheusMetricsClientAuth', 'prometheusMetricsEnabled',
    'prometheusMetricsHost', 'prometheusMetricsKeyFile', 'prometheusMetricsPort', 'prometheusProcessMetricsEnabled', 'prometheusWireGuardMetricsEnabled']
    .map((f) => noEffect(f, f[0].toUpperCase() + f.slice(1), METRICS)),
  // Dataplane: common
  honoured('allowIPIPPacketsFromWorkloads', 'AllowIPIPPacketsFromWorkloads', 'boolean'),
  honoured('allowVXLANPacketsFromWorkloads', 'AllowVXLANPacketsFromWorkloads', 'boolean'),
  noEffect('cgroupV2Path', 'CgroupV2Path', 'the cgroup the eBPF connect-time load balancer attaches to, not iptables rules'),
  defaultOnly('chainInsertMode', 'ChainInsertMode', 'string', oneOf('insert'), 'Insert',
    "with Append Felix puts its jumps after the rules already in the kernel's INPUT, FORWARD and OUTPUT chains, which then decide first; the plan and the engine put Calico's first"),
  noEffect('dataplaneDriver', 'DataplaneDriver', 'the external driver, used only with useInternalDataplaneDriver false (refused)'),
  noEffect('dataplaneWatchdogTimeout', 'DataplaneWatchdogTimeout', TIMER),
  honoured('defaultEndpointToHostAction', 'DefaultEndpointToHostAction', 'string'),
  noEffect('deviceRouteProtocol', 'DeviceRouteProtocol', ROUTES), noEffect('deviceRouteSourceAddress', 'DeviceRouteSourceAddress', ROUTES),
  noEffect('deviceRouteSourceAddressIPv6', 'DeviceRouteSourceAddressIPv6', ROUTES),
  honoured('disableConntrackInvalidCheck', 'DisableConntrackInvalidCheck', 'boolean'),
  noEffect('endpointStatusPathPrefix', 'EndpointStatusPathPrefix', REPORTING),
  defaultOnly('externalNodesList', 'ExternalNodesCIDRList', 'strings', (v) => Array.isArray(v) && v.length === 0, 'an empty list, or leave it out',
    "Felix adds these CIDRs to the all-hosts-net set that IP-in-IP and VXLAN are accepted from; the plan fills the set from the cluster's nodes only"),
  honoured('failsafeInboundHostPorts', 'FailsafeInboundHostPorts', 'protoPorts'),
  honoured('failsafeOutboundHostPorts', 'FailsafeOutboundHostPorts', 'protoPorts'),
  defaultOnly('floatingIPs', 'FloatingIPs', 'string', oneOf('Disabled'), 'Disabled',
    'with floating IPs on Felix adds DNAT and SNAT rules for the pods\' floating IP annotations, which the plan does not render'),
  noEffect('ipForwarding', 'IPForwarding', 'the ip_forward sysctl Felix sets, not rules'),
  noEffect('ipv4ElevatedRoutePriority', 'IPv4ElevatedRoutePriority', ROUTES), noEffect('ipv4NormalRoutePriority', 'IPv4NormalRoutePriority', ROUTES),
  noEffect('ipv6ElevatedRoutePriority', 'IPv6ElevatedRoutePriority', ROUTES), noEffect('ipv6NormalRoutePriority', 'IPv6NormalRoutePriority', ROUTES),
  defaultOnly('interfaceExclude', 'InterfaceExclude', 'string', oneOf('kube-ipvs0'), 'kube-ipvs0',
    "Felix leaves the excluded interfaces out of all-interfaces host endpoints and of this-host; the plan assumes Felix's default"),
  defaultOnly('interfacePrefix', 'InterfacePrefix', 'string', oneOf('cali'), 'cali',
    "the plan matches workload interfaces as cali+ and names them as Calico's CNI plugin does"),
  noEffect('interfaceRefreshInterval', 'InterfaceRefreshInterval', TIMER),
  honoured('ipv6Support', 'Ipv6Support', 'boolean'),
  defaultOnly('istioAmbientMode', 'IstioAmbientMode', 'string', oneOf('Disabled'), 'Disabled',
    "with Istio ambient mode on Felix adds rules for Istio's DSCP-marked traffic, which the plan does not render"),
  noEffect('istioDSCPMark', 'IstioDSCPMark', 'the DSCP mark of Istio ambient mode, used only with istioAmbientMode Enabled (refused)'),
  noEffect('liveMigrationRouteConvergenceTime', 'LiveMigrationRouteConvergenceTime', ROUTES),
  noEffect('mtuIfacePattern', 'MTUIfacePattern', MTU),
  honoured('natOutgoingAddress', 'NATOutgoingAddress', 'string'), honoured('natOutgoingExclusions', 'NATOutgoingExclusions', 'string'),
  honoured('natPortRange', 'NATPortRange', 'portRange'),
  defaultOnly('nftablesMode', 'NFTablesMode', 'string', oneOf('Disabled', 'Auto'), 'Disabled or Auto (Auto programs iptables unless kube-proxy runs in nftables mode)',
    'the plan is of the iptables dataplane; in nftables mode Felix programs nftables'),
  noEffect('netlinkTimeout', 'NetlinkTimeoutSecs', TIMER),
  noEffect('policySyncPathPrefix', 'PolicySyncPathPrefix', 'the policy sync socket for application-layer policy agents, not iptables rules'),
  noEffect('programClusterRoutes', 'ProgramClusterRoutes', ROUTES), noEffect('removeExternalRoutes', 'RemoveExternalRoutes', ROUTES),
  noEffect('requireMTUFile', 'RequireMTUFile', MTU), noEffect('routeRefreshInterval', 'RouteRefreshInterval', TIMER),
  noEffect('routeSource', 'RouteSource', ROUTES), noEffect('routeSyncDisabled', 'RouteSyncDisabled', ROUTES),
  noEffect('routeTableRange', 'RouteTableRange', ROUTES), noEffect('routeTableRanges', 'RouteTableRanges', ROUTES),
  noEffect('serviceLoopPrevention', 'ServiceLoopPrevention',
    'rules only for the Service ranges a BGPConfiguration advertises, and the engine does not read BGPConfiguration (it is skipped with a note)'),
  noEffect('sidecarAccelerationEnabled', 'SidecarAccelerationEnabled', 'an eBPF socket acceleration for sidecars, not iptables rules'),
  defaultOnly('useInternalDataplaneDriver', 'UseInternalDataplaneDriver', 'boolean', (v) => v === true, 'true, or leave it out',
    "with it false an external dataplane driver programs the node, not Felix's iptables dataplane"),
  defaultOnly('workloadSourceSpoofing', 'WorkloadSourceSpoofing', 'string', oneOf('Disabled'), 'Disabled',
    "with Any Felix lets pods that ask for it send from other addresses (it relaxes the raw table's RPF check), which the plan does not render"),
  // Dataplane: iptables
  noEffect('ipsetsRefreshInterval', 'IpsetsRefreshInterval', TIMER),
  noEffect('iptablesBackend', 'IptablesBackend', 'which iptables binary (legacy or nft) Felix uses: the same rules with either'),
  defaultOnly('iptablesFilterAllowAction', 'IptablesFilterAllowAction', 'string', oneOf('Accept'), 'Accept',
    'the plan renders ACCEPT for allowed packets in the filter table'),
  honoured('iptablesFilterDenyAction', 'IptablesFilterDenyAction', 'string'),
  noEffect('iptablesLockProbeInterval', 'IptablesLockProbeIntervalMillis', TIMER),
  defaultOnly('iptablesMangleAllowAction', 'IptablesMangleAllowAction', 'string', oneOf('Accept'), 'Accept',
    'the plan renders ACCEPT for allowed packets in the mangle table'),
  honoured('iptablesMarkMask', 'IptablesMarkMask', 'integer'),
  defaultOnly('iptablesNATOutgoingInterfaceFilter', 'IptablesNATOutgoingInterfaceFilter', 'string', (v) => v === '', 'an empty string, or leave it out (every interface)',
    'Felix would masquerade only traffic leaving by the matching host interfaces; the engine does not know which interface a packet leaves by'),
  noEffect('iptablesPostWriteCheckInterval', 'IptablesPostWriteCheckIntervalSecs', TIMER),
  noEffect('iptablesRefreshInterval', 'IptablesRefreshInterval', TIMER),
  noEffect('kubeNodePortRanges', 'KubeNodePortRanges', "used by the rules Felix adds when kube-proxy runs in IPVS mode; the plan models kube-proxy's iptables mode"),
  defaultOnly('maxIpsetSize', 'MaxIpsetSize', 'integer', (v) => v === 1048576, '1048576', 'the plan creates every IP set with maxelem 1048576'),
  // 3.31 only (removed in 3.32)
  noEffect('iptablesLockFilePath', 'IptablesLockFilePath', 'the xtables lock file Felix takes (Calico 3.31), not rules'),
  noEffect('iptablesLockTimeout', 'IptablesLockTimeoutSecs', 'how long Felix waits for the xtables lock (Calico 3.31), not rules'),
  // Dataplane: nftables
  ...['nftablesFilterAllowAction', 'nftablesFilterDenyAction', 'nftablesMangleAllowAction', 'nftablesMarkMask', 'nftablesRefreshInterval']
    .map((f) => noEffect(f, f[0].toUpperCase() + f.slice(1), NFTABLES)),
  // Dataplane: eBPF
  ...bpfFields().map(([f, p]) => (f === 'bpfEnabled'
    ? defaultOnly(f, p, 'boolean', (v) => v === false, 'false, or leave it out', 'the plan is of the iptables dataplane, not eBPF')
    : noEffect(f, p, BPF))),
  // Dataplane: Windows, OpenStack, XDP
  noEffect('windowsManageFirewallRules', 'WindowsManageFirewallRules', 'Windows nodes\' firewall; the plan is of Linux nodes'),
  noEffect('endpointReportingDelay', 'EndpointReportingDelaySecs', REPORTING), noEffect('endpointReportingEnabled', 'EndpointReportingEnabled', REPORTING),
  defaultOnly('metadataAddr', 'MetadataAddr', 'string', oneOf('', '127.0.0.1'), "'' or 127.0.0.1",
    'another address turns on OpenStack support (config_params.go OpenstackActive), with rules the plan does not render'),
  defaultOnly('metadataPort', 'MetadataPort', 'integer', (v) => v === 0 || v === 8775, '0 or 8775',
    'another port turns on OpenStack support (config_params.go OpenstackActive), with rules the plan does not render'),
  noEffect('openstackRegion', 'OpenstackRegion', DATASTORE),
  noEffect('reportingInterval', 'ReportingIntervalSecs', REPORTING), noEffect('reportingTTL', 'ReportingTTLSecs', REPORTING),
  noEffect('genericXDPEnabled', 'GenericXDPEnabled', XDP), noEffect('xdpEnabled', 'XDPEnabled', XDP), noEffect('xdpRefreshInterval', 'XDPRefreshInterval', TIMER),
  // Overlay: VXLAN, IP-in-IP, WireGuard
  honoured('vxlanEnabled', 'VXLANEnabled', 'boolean'),
  noEffect('vxlanMTU', 'VXLANMTU', MTU), noEffect('vxlanMTUV6', 'VXLANMTUV6', MTU),
  honoured('vxlanPort', 'VXLANPort', 'integer'),
  noEffect('vxlanVNI', 'VXLANVNI', "the VXLAN device's network identifier; Felix's VXLAN rules match the UDP port, not the VNI"),
  honoured('ipipEnabled', 'IpInIpEnabled', 'boolean'),
  noEffect('ipipMTU', 'IpInIpMtu', MTU),
  honoured('wireguardEnabled', 'WireguardEnabled', 'boolean'), honoured('wireguardEnabledV6', 'WireguardEnabledV6', 'boolean'),
  honoured('wireguardHostEncryptionEnabled', 'WireguardHostEncryptionEnabled', 'boolean'),
  honoured('wireguardInterfaceName', 'WireguardInterfaceName', 'string'), honoured('wireguardInterfaceNameV6', 'WireguardInterfaceNameV6', 'string'),
  honoured('wireguardListeningPort', 'WireguardListeningPort', 'integer'), honoured('wireguardListeningPortV6', 'WireguardListeningPortV6', 'integer'),
  noEffect('wireguardMTU', 'WireguardMTU', MTU), noEffect('wireguardMTUV6', 'WireguardMTUV6', MTU),
  noEffect('wireguardKeepAlive', 'WireguardPersistentKeepAlive', WIREGUARD_LINK),
  noEffect('wireguardRoutingRulePriority', 'WireguardRoutingRulePriority', WIREGUARD_LINK),
  noEffect('wireguardThreadingEnabled', 'WireguardThreadingEnabled', WIREGUARD_LINK),
  // Flow logs
  noEffect('flowLogsCollectorDebugTrace', 'FlowLogsCollectorDebugTrace', FLOW_LOG_TIMING),
  noEffect('flowLogsFlushInterval', 'FlowLogsFlushInterval', FLOW_LOG_TIMING),
  honoured('flowLogsGoldmaneServer', 'FlowLogsGoldmaneServer', 'string'), honoured('flowLogsLocalReporter', 'FlowLogsLocalReporter', 'string'),
  noEffect('flowLogsPolicyEvaluationMode', 'FlowLogsPolicyEvaluationMode', FLOW_LOG_TIMING),
  // AWS, debug, usage reporting
  noEffect('awsSrcDstCheck', 'AWSSrcDstCheck', "the EC2 instance's source/destination check, not rules"),
  ...['DebugBPFCgroupV2', 'DebugCPUProfilePath', 'DebugPanicAfter', 'DebugSimulateDataRace'].map((p) => noEffect(undefined, p, DEBUG)),
  ...['debugDisableLogDropping', 'debugHost', 'debugMemoryProfilePath', 'debugPort', 'debugSimulateCalcGraphHangAfter',
    'debugSimulateDataplaneApplyDelay', 'debugSimulateDataplaneHangAfter'].map((f) => noEffect(f, f[0].toUpperCase() + f.slice(1), DEBUG)),
  noEffect('usageReportingEnabled', 'UsageReportingEnabled', USAGE),
  noEffect('usageReportingInitialDelay', 'UsageReportingInitialDelaySecs', USAGE), noEffect('usageReportingInterval', 'UsageReportingIntervalSecs', USAGE),
];

/** The eBPF fields with Felix's names (config-params.json group "Dataplane: eBPF"; the last is 3.31 only). */
function bpfFields(): readonly (readonly [string, string])[] {
  const yaml = ['bpfAttachType', 'bpfCTLBLogFilter', 'bpfConnectTimeLoadBalancing', 'bpfConnectTimeLoadBalancingEnabled', 'bpfConntrackLogLevel',
    'bpfConntrackTimeouts', 'bpfDSROptoutCIDRs', 'bpfDataIfacePattern', 'bpfDisableGROForIfaces', 'bpfDisableUnprivileged', 'bpfEnabled', 'bpfEnforceRPF',
    'bpfExcludeCIDRsFromNAT', 'bpfExportBufferSizeMB', 'bpfExtToServiceConnmark', 'bpfExternalServiceMode', 'bpfForceTrackPacketsFromIfaces',
    'bpfHostConntrackBypass', 'bpfHostNetworkedNATWithoutCTLB', 'bpfJITHardening', 'bpfKubeProxyHealthzPort', 'bpfKubeProxyIptablesCleanupEnabled',
    'bpfKubeProxyMinSyncPeriod', 'bpfL3IfacePattern', 'bpfLogFilters', 'bpfLogLevel', 'bpfMaglevMaxEndpointsPerService', 'bpfMaglevMaxServices',
    'bpfMapSizeConntrack', 'bpfMapSizeConntrackCleanupQueue', 'bpfMapSizeConntrackScaling', 'bpfMapSizeIPSets', 'bpfMapSizeIfState',
    'bpfMapSizeNATAffinity', 'bpfMapSizeNATBackend', 'bpfMapSizeNATFrontend', 'bpfMapSizeRoute', 'bpfPSNATPorts',
    'bpfPolicyDebugEnabled', 'bpfProfiling', 'bpfRedirectToPeer', 'bpfKubeProxyEndpointSlicesEnabled'];
  const own: { readonly [field: string]: string } = { bpfConntrackMode: 'BPFConntrackCleanupMode', bpfMapSizePerCpuConntrack: 'BPFMapSizePerCPUConntrack' };
  return [
    ...yaml.map((f): [string, string] => [f, `BPF${f.slice(3)}`]),
    ...Object.entries(own),
  ];
}

/** The FelixConfiguration-only field that scopes a configuration to the nodes its selector matches (3.32). */
export const NODE_SELECTOR_FIELD = 'nodeSelector';

/** The setting a FelixConfiguration field is, or undefined for a field that is not one. */
export function felixField(field: string): FelixField | undefined {
  return FIELD_INDEX.get(field);
}

/** The setting of a Felix config name (any case, without `FELIX_`), or undefined. */
export function felixParam(param: string): FelixField | undefined {
  return PARAM_INDEX.get(param.toLowerCase());
}

const FIELD_INDEX: ReadonlyMap<string, FelixField> = new Map(FELIX_FIELDS.filter((f) => f.field !== undefined).map((f) => [f.field as string, f]));
const PARAM_INDEX: ReadonlyMap<string, FelixField> = new Map(FELIX_FIELDS.map((f) => [f.param.toLowerCase(), f]));

/** Felix's config names, for `--felix` errors. */
export const FELIX_PARAMS: readonly string[] = FELIX_FIELDS.map((f) => f.param);
