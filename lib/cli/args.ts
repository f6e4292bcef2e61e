// A small argument parser: `--flag value`, `--flag=value`, multi-value flags, boolean switches.

/** Thrown for bad command lines; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command accepts. */
export interface FlagSpec {
  /** Flags that take one value. */
  readonly single?: readonly string[];
  /** Flags that take one or more values (until the next `--flag`); may repeat. */
  readonly multi?: readonly string[];
  /** Flags without a value. */
  readonly switches?: readonly string[];
}

/** Parsed flags. */
export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
}

/** Parses `args` against the spec; throws UsageError for unknown flags, missing values or stray words. */
export function parseArgs(args: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  let i = 0;
  while (i < args.length) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    i++;
    if (spec.switches?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (spec.single?.includes(name)) {
      const v = inline ?? args[i++];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      if (values.has(name)) throw new UsageError(`--${name} given twice`);
      values.set(name, v);
    } else if (spec.multi?.includes(name)) {
      const list = lists.get(name) ?? [];
      if (inline !== undefined) list.push(inline);
      while (i < args.length && !args[i].startsWith('--')) list.push(args[i++]);
      if (list.length === 0) throw new UsageError(`--${name} needs at least one value`);
      lists.set(name, list);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { values, lists, switches };
}

/** The value of a required flag. */
export function required(parsed: ParsedArgs, name: string): string {
  const v = parsed.values.get(name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** The values of a required multi-value flag. */
export function requiredList(parsed: ParsedArgs, name: string): readonly string[] {
  const v = parsed.lists.get(name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** One of the allowed choices, or the default. */
export function choice(parsed: ParsedArgs, name: string, allowed: readonly string[], def: string): string {
  const v = parsed.values.get(name) ?? def;
  if (!allowed.includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  return v;
}
