// Running system commands (ip, iptables-restore, ipset, probe agents) with a time bound.
import { spawn } from 'child_process';

/** What a finished command printed and how it ended. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Thrown when a command fails: names the command, its exit code and its error output. */
export class CommandError extends Error {
  constructor(readonly command: readonly string[], readonly result: CommandResult) {
    super(`command failed (exit ${result.code}): ${command.join(' ')}\n${result.stderr.trim()}`);
    this.name = 'CommandError';
  }
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  /** Text written to the command's standard input. @default - none */
  readonly input?: string;
  /** Kill the command after this many milliseconds. @default 30000 */
  readonly timeoutMs?: number;
  /** Resolve (instead of throwing) when the exit code is not 0. @default false */
  readonly allowFailure?: boolean;
}

/** Runs `argv` without a shell, bounded in time; throws CommandError on a non-zero exit. */
export function runCommand(argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 30000;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new CommandError(argv, { code: 127, stdout, stderr: `${stderr}${err.message}` }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = {
        code: code ?? 128,
        stdout,
        stderr: timedOut ? `${stderr}killed after ${timeoutMs} ms` : stderr,
      };
      if (result.code !== 0 && !options.allowFailure) reject(new CommandError(argv, result));
      else resolve(result);
    });
    child.stdin.on('error', () => { /* the command may exit before reading its input */ });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `argv` inside the network namespace `ns` (`ip netns exec`). */
export function runInNamespace(ns: string, argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return runCommand(['ip', 'netns', 'exec', ns, ...argv], options);
}

/** Runs async jobs with at most `limit` in flight; results keep the order of `items`. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
