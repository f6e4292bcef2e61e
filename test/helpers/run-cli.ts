// Runs the netsec CLI in-process and collects what it prints.
import { runCli } from '../../lib/cli/run';

/** The exit code and both output streams of one `netsec` run. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `netsec <args>` in-process. */
export async function runNetsec(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}
