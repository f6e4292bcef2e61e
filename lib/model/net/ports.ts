import { NetError } from './errors';

/** One entry of a Calico `ports` list: a number, an inclusive range, or a named port. */
export interface PortSpec {
  /** `'number'`, `'range'` or `'named'`. */
  readonly kind: string;
  /** Lowest port (0 for a named port). */
  readonly min: number;
  /** Highest port (65535 for a named port). */
  readonly max: number;
  /** The port name, for `named` only. @default - not a named port */
  readonly name?: string;
}

export const PORT_ALLOWED = 'a port 0-65535, a range "min:max" with min <= max, or a port name';
const MAX_PORT = 65535;

/** True for a Felix failsafe (ProtoPort) port: an integer 0-65535 (Calico accepts 0 there). */
export function isProtoPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_PORT;
}

/** True for a port number a rule may name: an integer 1-65535. */
export function isPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_PORT;
}
const NAMED_PORT = /^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;

function portNumber(digits: string, text: string): number {
  const n = Number(digits);
  if (digits.length > 5 || n > MAX_PORT) throw new NetError('port out of range', text, PORT_ALLOWED);
  return n;
}

/** Parses `80`, `"2040:2041"` or `"http"`. Throws NetError for out-of-range, reversed or malformed text. */
export function parsePortSpec(text: string): PortSpec {
  if (/^[0-9]+$/.test(text)) {
    const n = portNumber(text, text);
    return { kind: 'number', min: n, max: n };
  }
  const range = /^([0-9]+):([0-9]+)$/.exec(text);
  if (range) {
    const min = portNumber(range[1], text);
    const max = portNumber(range[2], text);
    if (min > max) throw new NetError('port range minimum is above its maximum', text, PORT_ALLOWED);
    return { kind: 'range', min, max };
  }
  if (text.length <= 128 && NAMED_PORT.test(text) && /[a-zA-Z]/.test(text)) {
    return { kind: 'named', min: 0, max: MAX_PORT, name: text };
  }
  throw new NetError('invalid port', text, PORT_ALLOWED);
}

/** The text form of a port spec: `80`, `2040:2041` or the name. */
export function portSpecToString(spec: PortSpec): string {
  if (spec.kind === 'named') return spec.name ?? '';
  return spec.kind === 'range' ? `${spec.min}:${spec.max}` : `${spec.min}`;
}

/**
 * FelixConfiguration natPortRange (felix/config/config_params.go `portrange`): a port 1-65535 or
 * `min:max` of them; undefined for anything else (a port name, 0, reversed bounds).
 */
export function parseNatPortRange(text: string): { readonly min: number; readonly max: number } | undefined {
  let spec: PortSpec;
  try {
    spec = parsePortSpec(text);
  } catch {
    return undefined;
  }
  return spec.kind === 'named' || spec.min < 1 ? undefined : { min: spec.min, max: spec.max };
}
