// Felix settings: failsafe ports and the workload-to-host action, defaults or FelixConfiguration `default`.
import { FelixConfiguration, FelixConfigurationSpec, ProtoPort } from '../../model/resources';
import { FelixSettings } from './types';

const pp = (spec: string): ProtoPort => {
  const [protocol, port] = spec.split(':');
  return { protocol, port: Number(port) };
};

/** Felix's FailsafeInboundHostPorts default. */
const DEFAULT_FAILSAFE_INBOUND: readonly ProtoPort[] =
  ['tcp:22', 'udp:68', 'tcp:179', 'tcp:2379', 'tcp:2380', 'tcp:5473', 'tcp:6443', 'tcp:6666', 'tcp:6667'].map(pp);
/** Felix's FailsafeOutboundHostPorts default. */
const DEFAULT_FAILSAFE_OUTBOUND: readonly ProtoPort[] =
  ['udp:53', 'udp:67', 'tcp:179', 'tcp:2379', 'tcp:2380', 'tcp:5473', 'tcp:6443', 'tcp:6666', 'tcp:6667'].map(pp);

/**
 * The settings Felix runs with: its environment (`overrides`, from `--felix`) first, then the
 * FelixConfiguration named `default`, then Felix's built-in defaults.
 */
export function felixSettings(configs: readonly FelixConfiguration[], overrides: FelixConfigurationSpec = {}): FelixSettings {
  const spec = { ...(configs.find((c) => c.metadata.name === 'default')?.spec ?? {}), ...overrides };
  return {
    failsafeInbound: spec.failsafeInboundHostPorts ?? DEFAULT_FAILSAFE_INBOUND,
    failsafeOutbound: spec.failsafeOutboundHostPorts ?? DEFAULT_FAILSAFE_OUTBOUND,
    defaultEndpointToHostAction: spec.defaultEndpointToHostAction ?? 'Drop',
  };
}
