// Felix settings given as calico-node's environment would (FELIX_<NAME>=value): they win over FelixConfiguration.
import { NetsecInputError } from '../errors';
import { FelixConfigurationSpec, ProtoPort } from '../resources';
import { didYouMean } from '../suggest';
import { FELIX_PARAMS, FelixValueKind, felixParam } from './fields';

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

/** Felix's int params (strconv base 0: decimal, 0x hex, 0o or 0 octal, 0b binary), e.g. IptablesMarkMask=0xffff0000. */
function parseInteger(value: string): number | undefined {
  const text = value.trim();
  if (!/^-?(?:0x[0-9a-f]+|0o[0-7]+|0b[01]+|[0-9]+)$/i.test(text)) return undefined;
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const n = /^0[0-7]+$/.test(body) ? Number.parseInt(body, 8) : Number(body);
  return Number.isSafeInteger(n) ? (negative ? -n : n) : undefined;
}

/** How `--felix` reads each kind of value, and what it says is allowed. */
const KINDS: { readonly [kind in FelixValueKind]: { readonly parse: (value: string) => unknown; readonly allowed: string } } = {
  string: { parse: (v) => v, allowed: 'a string' },
  integer: { parse: parseInteger, allowed: 'an integer (decimal, or 0x hexadecimal)' },
  boolean: { parse: (v) => BOOLEANS.get(v.trim().toLowerCase()), allowed: BOOLEANS_ALLOWED },
  strings: { parse: (v) => (v.trim() === '' ? [] : v.split(',').map((x) => x.trim())), allowed: 'a comma-separated list' },
  protoPorts: { parse: parsePorts, allowed: PORTS_ALLOWED },
  portRange: { parse: (v) => v.trim(), allowed: 'a port or a port range min:max' },
};

/** The settings whose environment spelling differs from the FelixConfiguration one (Felix's oneof params, any case). */
const SPELLINGS: { readonly [field: string]: { readonly words: { readonly [upper: string]: string }; readonly allowed: string } } = {
  defaultEndpointToHostAction: { words: ACTIONS, allowed: 'DROP, ACCEPT or RETURN' },
  iptablesFilterDenyAction: { words: DENY_ACTIONS, allowed: 'DROP or REJECT' },
};

/** A `--felix` entry that cannot be read: the message says what was given and what is allowed. */
class FelixSettingError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Reads `KEY=VALUE` entries (KEY a Felix config name as `DefaultEndpointToHostAction` or
 * `FELIX_DEFAULTENDPOINTTOHOSTACTION`, any case; lib/model/felix/fields.ts) into the
 * FelixConfiguration fields they set. Settings that change no rule are accepted and dropped. Throws
 * FelixSettingError for an unknown key or a bad value. The caller validates the result with the
 * FelixConfiguration validator, which refuses the values the plan does not render.
 */
export function parseFelixEnv(entries: readonly string[]): FelixConfigurationSpec {
  const out: { [key: string]: unknown } = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = (eq < 0 ? entry : entry.slice(0, eq)).replace(/^FELIX_/i, '');
    const setting = felixParam(key);
    if (eq < 0 || !setting) {
      throw new FelixSettingError(`--felix ${JSON.stringify(entry)}: expected KEY=VALUE with KEY one of Felix's settings (e.g. DefaultEndpointToHostAction)`
        + (eq < 0 ? '' : `, got ${JSON.stringify(key)}${didYouMean(key, FELIX_PARAMS)}`));
    }
    if (setting.use === 'no-effect' || setting.field === undefined) continue;
    const text = entry.slice(eq + 1);
    const spelling = SPELLINGS[setting.field];
    const value = spelling ? spelling.words[text.trim().toUpperCase()] : KINDS[setting.kind].parse(text);
    if (value === undefined) {
      throw new FelixSettingError(`--felix ${setting.param}: got ${JSON.stringify(text)}; allowed: ${spelling ? spelling.allowed : KINDS[setting.kind].allowed}`);
    }
    out[setting.field] = value;
  }
  return out as FelixConfigurationSpec;
}
