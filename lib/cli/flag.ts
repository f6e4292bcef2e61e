// What a command line flag is: declared once, it gives the parser, the usage line and the option list.

/** How a flag takes values. */
export type FlagKind =
  /** one value: `--flag value` or `--flag=value` */
  | 'single'
  /** one or more values, up to the next `--flag`; may repeat */
  | 'multi'
  /** no value */
  | 'switch';

/** One flag of a command. */
export interface Flag<N extends string = string> {
  /** The name without the leading `--`. */
  readonly name: N;
  readonly kind: FlagKind;
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
