// A subcommand defined from its declared flags: the usage text and the parser both come from them.
import { parseArgs, ParsedArgs } from './args';
import { Flag } from './flag';
import { CliCommand, CliIo } from './io';
import { UsageText, renderUsage } from './usage';

/** A subcommand: its usage text and flags, and what it does with the parsed flags. */
export interface CommandSpec<N extends string> extends UsageText {
  readonly flags: readonly Flag<N>[];
  readonly inputFlags?: readonly Flag<N>[];
  /** Returns the exit code, or a promise of it for commands that wait (e.g. `verify`). */
  run(parsed: ParsedArgs<N>, io: CliIo): number | Promise<number>;
}

/** The command: its generated usage, and a run that parses the arguments against the declared flags. */
export function defineCommand<N extends string>(spec: CommandSpec<N>): CliCommand {
  const flags = [...spec.flags, ...(spec.inputFlags ?? [])];
  return { usage: renderUsage(spec), run: (args, io) => spec.run(parseArgs(args, flags), io) };
}
