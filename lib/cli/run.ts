// The dispatcher: `netsec <command> [options]`, `--help` everywhere, exit codes 0/1/2.
import { NetsecInputError } from '../model/errors';
import { escapeUnsafe } from '../model/quote';
import { UsageError } from './args';
import { CliIo } from './io';
import { COMMANDS } from './registry';

const TOP_USAGE = (): string => [
  'usage: netsec <command> [options]',
  '',
  'commands:',
  ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
  '',
  'Run `netsec <command> --help` for the options of a command.',
  '',
].join('\n');

/**
 * True for errors caused by the input rather than by netsec: every NetsecInputError, and operating
 * system errors (a file that cannot be read or written: ENOENT, EACCES, EISDIR...).
 */
export function isInputError(e: unknown): e is Error {
  if (e instanceof NetsecInputError) return true;
  // read structurally: errors of Node's own modules may come from another realm (e.g. under Jest)
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { readonly message?: unknown; readonly code?: unknown; readonly syscall?: unknown };
  return typeof err.message === 'string' && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code) && typeof err.syscall === 'string';
}

/** Runs the CLI; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(TOP_USAGE());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(TOP_USAGE());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`netsec: unknown command ${JSON.stringify(name)}\n\n${TOP_USAGE()}`);
    return 2;
  }
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`netsec ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (isInputError(e)) {
      io.stderr(`netsec ${name}: ${escapeUnsafe(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}
