// Runs a CLI command the way lib/cli/run.ts does (UsageError and input errors exit 2), capturing output.
import * as path from 'path';
import { UsageError } from '../../lib/cli/args';
import { CliCommand } from '../../lib/cli/io';
import { isInputError } from '../../lib/cli/run';

export const FIXTURES = path.join(__dirname, 'fixtures');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The error's class name when the command threw. */
  readonly error?: string;
}

export function capture(command: CliCommand, argv: readonly string[]): RunResult {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string): void => { stdout += t; }, stderr: (t: string): void => { stderr += t; } };
  try {
    const code = command.run(argv, io);
    if (typeof code !== 'number') throw new Error('capture() runs synchronous commands only');
    return { code, stdout, stderr };
  } catch (e) {
    if (e instanceof UsageError || isInputError(e)) {
      return { code: 2, stdout, stderr: `${stderr}${e.message}`, error: e.name };
    }
    throw e;
  }
}
