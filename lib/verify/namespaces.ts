// Unique network namespace names (prefix `nsec-<pid>-<random>-`) and removal of our leftovers.
import { randomBytes } from 'crypto';
import { runCommand } from './exec';

/** Every namespace the harness creates starts with this. */
const NAMESPACE_PREFIX = 'nsec-';

/** A fresh run tag: `nsec-<pid in base 36>-<4 random hex>`; namespaces are `<tag>-<role>`. */
export function newRunTag(): string {
  return `${NAMESPACE_PREFIX}${process.pid.toString(36)}-${randomBytes(2).toString('hex')}`;
}

/** The names of all network namespaces on the machine. */
export async function listNamespaces(): Promise<string[]> {
  const out = await runCommand(['ip', 'netns', 'list'], { timeoutMs: 10000 });
  return out.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter((n) => n.length > 0);
}

/** True when a process with this id exists. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The creating process id encoded in a harness namespace name, or undefined for other names. */
export function ownerPid(ns: string): number | undefined {
  const m = /^nsec-([0-9a-z]+)-[0-9a-f]{4}-/.exec(ns);
  return m ? parseInt(m[1], 36) : undefined;
}

/** Deletes one namespace, first ending the processes the harness started inside it (by pid). */
export async function deleteNamespace(ns: string): Promise<void> {
  const pids = await runCommand(['ip', 'netns', 'pids', ns], { timeoutMs: 10000, allowFailure: true });
  for (const text of pids.stdout.split(/\s+/).filter((p) => /^[0-9]+$/.test(p))) {
    try {
      process.kill(Number(text), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await runCommand(['ip', 'netns', 'delete', ns], { timeoutMs: 10000, allowFailure: true });
}

/**
 * Removes namespaces left by earlier harness runs whose process has ended (a crash or a kill).
 * Namespaces of live runs (parallel test workers) are kept. Returns the names removed.
 */
export async function removeLeftoverNamespaces(): Promise<string[]> {
  const removed: string[] = [];
  for (const ns of await listNamespaces()) {
    const pid = ownerPid(ns);
    if (pid === undefined || (pid !== process.pid && processAlive(pid))) continue;
    if (pid === process.pid) continue;
    await deleteNamespace(ns);
    removed.push(ns);
  }
  return removed;
}
