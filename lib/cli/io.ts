/** Where a command writes. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress is drawn only then). @default false */
  readonly stderrIsTTY?: boolean;
}

/** A subcommand: its help text and its entry point (returns the exit code). */
export interface CliCommand {
  readonly usage: string;
  /** Returns the exit code, or a promise of it for commands that wait (e.g. `verify`). */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}
