// What a command line flag is: declared once, it gives the parser, the usage line and the option list.

/** One flag of a command. */
export interface Flag<N extends string = string> {
  /** The name without the leading `--`. */
  readonly name: N;
  /** `single`: one value (`--flag value`, `--flag=value`); `multi`: one or more, up to the next `--flag`, may repeat; `switch`: none. */
  readonly kind: 'single' | 'multi' | 'switch';
  /** The value's placeholder in the option list, e.g. `M...`. @default - none (a switch) */
  readonly value?: string;
  /** The value as the usage line shows it. @default - the choices joined by `|`, else `value` */
  readonly synopsis?: string;
  /** The values allowed (checked when the flag is read). @default - any value */
  readonly choices?: readonly string[];
  /** The value when the flag is not given. @default - none */
  readonly default?: string;
  /** Reading the flag without it given is a usage error; shown without brackets in the usage line. @default false */
  readonly required?: boolean;
  /**
   * The option list's text, broken into lines where they should break.
   * @default - described on the line of the flag before it (as in `--from, --to REF`)
   */
  readonly help?: string;
}
