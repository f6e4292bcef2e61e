// Felix settings: failsafe ports, the workload-to-host action, the filter deny action and the
// encapsulation drops, from Felix's environment, FelixConfiguration `default`, then Felix's defaults.
import { FelixConfiguration, FelixConfigurationSpec, ProtoPort } from '../../model/resources';
import { FelixSettings } from './types';

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
  /** VXLANPort: not modelled as a setting; the workload VXLAN drop matches it. */
  vxlanPort: 4789,
} as const;

/** `Drop` or `Reject`, whatever case the FelixConfiguration used (its CRD pattern is case-insensitive). */
function denyAction(value: string | undefined): string {
  return value !== undefined && value.toLowerCase() === 'reject' ? 'Reject' : FELIX_DEFAULTS.filterDenyAction;
}

/**
 * The settings Felix runs with: its environment (`overrides`, from `--felix`) first, then the
 * FelixConfiguration named `default`, then Felix's built-in defaults.
 */
export function felixSettings(configs: readonly FelixConfiguration[], overrides: FelixConfigurationSpec = {}): FelixSettings {
  const spec = { ...(configs.find((c) => c.metadata.name === 'default')?.spec ?? {}), ...overrides };
  return {
    failsafeInbound: spec.failsafeInboundHostPorts ?? FELIX_DEFAULTS.failsafeInbound,
    failsafeOutbound: spec.failsafeOutboundHostPorts ?? FELIX_DEFAULTS.failsafeOutbound,
    defaultEndpointToHostAction: spec.defaultEndpointToHostAction ?? FELIX_DEFAULTS.defaultEndpointToHostAction,
    filterDenyAction: denyAction(spec.iptablesFilterDenyAction),
    allowVXLANPacketsFromWorkloads: spec.allowVXLANPacketsFromWorkloads ?? FELIX_DEFAULTS.allowVXLANPacketsFromWorkloads,
    allowIPIPPacketsFromWorkloads: spec.allowIPIPPacketsFromWorkloads ?? FELIX_DEFAULTS.allowIPIPPacketsFromWorkloads,
    vxlanPort: FELIX_DEFAULTS.vxlanPort,
  };
}
