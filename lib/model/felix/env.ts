// Felix settings given as calico-node's environment would (FELIX_<NAME>=value): they win over FelixConfiguration.
import { NetsecInputError } from '../errors';
import { FelixConfigurationSpec, ProtoPort } from '../resources';

/** One setting Felix takes from its environment: its name, what FelixConfiguration field it sets, the values. */
interface EnvSetting {
  readonly name: string;
  readonly field: keyof FelixConfigurationSpec;
  readonly allowed: string;
  readonly parse: (value: string) => FelixConfigurationSpec[keyof FelixConfigurationSpec] | undefined;
}

const ACTIONS: { readonly [upper: string]: string } = { DROP: 'Drop', ACCEPT: 'Accept', RETURN: 'Return' };
const DENY_ACTIONS: { readonly [upper: string]: string } = { DROP: 'Drop', REJECT: 'Reject' };
/** Felix's BoolParam (felix/config/param_types.go): these words, any case. */
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['true', '1', 'yes', 'y', 't'].map((w): [string, boolean] => [w, true]),
  ...['false', '0', 'no', 'n', 'f'].map((w): [string, boolean] => [w, false]),
]);
const BOOLEANS_ALLOWED = 'true, false, 1, 0, yes, no, y, n, t or f';

/** Felix's port-list form: `tcp:22,udp:68` or `tcp:198.51.100.0/24:22`; `none` or empty for no ports. */
function parsePorts(value: string): ProtoPort[] | undefined {
  const text = value.trim();
  if (text === '' || text.toLowerCase() === 'none') return [];
  const out: ProtoPort[] = [];
  for (const entry of text.split(',')) {
    const parts = entry.trim().split(':');
    const [protocol, net, port] = parts.length === 2 ? [parts[0], undefined, parts[1]] : parts.length === 3 ? parts : [];
    if (protocol === undefined || port === undefined || !/^[0-9]{1,5}$/.test(port)) return undefined;
    out.push(net === undefined ? { protocol, port: Number(port) } : { protocol, port: Number(port), net });
  }
  return out;
}

const PORTS_ALLOWED = "a comma-separated list of <protocol>:<port> or <protocol>:<net>:<port> (e.g. 'tcp:22,udp:68'), or 'none'";

/** The settings `--felix` takes, with Felix's built-in default and the stock calico-node manifests' value. */
const SETTINGS: readonly EnvSetting[] = [
  {
    name: 'DefaultEndpointToHostAction', field: 'defaultEndpointToHostAction', allowed: 'DROP, ACCEPT or RETURN',
    parse: (v) => ACTIONS[v.toUpperCase()],
  },
  { name: 'FailsafeInboundHostPorts', field: 'failsafeInboundHostPorts', allowed: PORTS_ALLOWED, parse: parsePorts },
  { name: 'FailsafeOutboundHostPorts', field: 'failsafeOutboundHostPorts', allowed: PORTS_ALLOWED, parse: parsePorts },
  { name: 'IptablesFilterDenyAction', field: 'iptablesFilterDenyAction', allowed: 'DROP or REJECT', parse: (v) => DENY_ACTIONS[v.toUpperCase()] },
  {
    name: 'AllowVXLANPacketsFromWorkloads', field: 'allowVXLANPacketsFromWorkloads', allowed: BOOLEANS_ALLOWED,
    parse: (v) => BOOLEANS.get(v.trim().toLowerCase()),
  },
  {
    name: 'AllowIPIPPacketsFromWorkloads', field: 'allowIPIPPacketsFromWorkloads', allowed: BOOLEANS_ALLOWED,
    parse: (v) => BOOLEANS.get(v.trim().toLowerCase()),
  },
];

/** Names `--felix` accepts, for help and errors. */
const FELIX_ENV_NAMES: readonly string[] = SETTINGS.map((s) => s.name);

/** A `--felix` entry that cannot be read: the message says what was given and what is allowed. */
class FelixSettingError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Reads `KEY=VALUE` entries (KEY as `DefaultEndpointToHostAction` or `FELIX_DEFAULTENDPOINTTOHOSTACTION`,
 * any case) into the FelixConfiguration fields they set. Throws FelixSettingError for an unknown key
 * or a bad value. The caller validates the result with the FelixConfiguration validator.
 */
export function parseFelixEnv(entries: readonly string[]): FelixConfigurationSpec {
  const out: { [key: string]: unknown } = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = (eq < 0 ? entry : entry.slice(0, eq)).replace(/^FELIX_/i, '').toLowerCase();
    const setting = SETTINGS.find((s) => s.name.toLowerCase() === key);
    if (eq < 0 || !setting) {
      throw new FelixSettingError(`--felix ${JSON.stringify(entry)}: expected KEY=VALUE with KEY one of ${FELIX_ENV_NAMES.join(', ')}`);
    }
    const value = setting.parse(entry.slice(eq + 1));
    if (value === undefined) {
      throw new FelixSettingError(`--felix ${setting.name}: got ${JSON.stringify(entry.slice(eq + 1))}; allowed: ${setting.allowed}`);
    }
    out[setting.field] = value;
  }
  return out as FelixConfigurationSpec;
}
