// The argument parser: `--flag value`, `--flag=value`, multi-value flags, switches, read against the declared flags.
import { NetsecInputError } from '../model/errors';
import { Flag } from './flag';

/** Thrown for bad command lines; the CLI prints it with the usage and exits 2. */
export class UsageError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A parsed command line, read by flag name; required flags, choices and defaults as declared. */
export interface ParsedArgs<N extends string> {
  /** A one-value flag's value, else its default; UsageError when required and not given or not one of its choices. */
  value(name: N): string | undefined;
  /** The value of a one-value flag that always has one (required, or with a default). */
  get(name: N): string;
  /** A multi-value flag's values; UsageError when required and not given. */
  list(name: N): readonly string[] | undefined;
  /** The values of a required multi-value flag. */
  getList(name: N): readonly string[];
  /** Whether a switch was given. */
  has(name: N): boolean;
}

class Parsed<N extends string> implements ParsedArgs<N> {
  constructor(
    private readonly flags: readonly Flag<N>[],
    private readonly values: ReadonlyMap<string, string>,
    private readonly lists: ReadonlyMap<string, readonly string[]>,
    private readonly switches: ReadonlySet<string>,
  ) {}

  value(name: N): string | undefined {
    const flag = this.flag(name, 'single');
    const v = this.values.get(name);
    if (v === undefined) {
      if (flag.required) throw new UsageError(`--${name} is required`);
      return flag.default;
    }
    if (flag.choices && !flag.choices.includes(v)) {
      throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')}, got ${JSON.stringify(v)}`);
    }
    return v;
  }

  get(name: N): string {
    const v = this.value(name);
    if (v === undefined) throw new Error(`--${name} is neither required nor has a default`);
    return v;
  }

  list(name: N): readonly string[] | undefined {
    const flag = this.flag(name, 'multi');
    const v = this.lists.get(name);
    if (v === undefined && flag.required) throw new UsageError(`--${name} is required`);
    return v;
  }

  getList(name: N): readonly string[] {
    const v = this.list(name);
    if (v === undefined) throw new Error(`--${name} is not required`);
    return v;
  }

  has(name: N): boolean {
    this.flag(name, 'switch');
    return this.switches.has(name);
  }

  private flag(name: N, kind: Flag['kind']): Flag<N> {
    const flag = this.flags.find((f) => f.name === name);
    if (flag?.kind !== kind) throw new Error(`--${name} is not a declared ${kind} flag`);
    return flag;
  }
}

/** Parses `args` against the flags; throws UsageError for unknown flags, missing values or stray words. */
export function parseArgs<N extends string>(args: readonly string[], flags: readonly Flag<N>[]): ParsedArgs<N> {
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
    const kind = flags.find((f) => f.name === name)?.kind;
    if (kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (kind === 'single') {
      const v = inline ?? args[i++];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      if (values.has(name)) throw new UsageError(`--${name} given twice`);
      values.set(name, v);
    } else if (kind === 'multi') {
      const list = lists.get(name) ?? [];
      if (inline !== undefined) list.push(inline);
      while (i < args.length && !args[i].startsWith('--')) list.push(args[i++]);
      if (list.length === 0) throw new UsageError(`--${name} needs at least one value`);
      lists.set(name, list);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return new Parsed(flags, values, lists, switches);
}
