// Removes the harness's live network namespaces when the process is interrupted (SIGINT, SIGTERM),
// where the `finally` blocks of a run never get to: the processes inside are ended by pid, each
// namespace deleted, then the process exits with the signal's status.
import { spawnSync } from 'child_process';

const live = new Set<string>();
let installed = false;

function removeNow(ns: string): void {
  const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8', timeout: 5000 });
  for (const text of (pids.stdout ?? '').split(/\s+/).filter((p) => /^[0-9]+$/.test(p))) {
    try { process.kill(Number(text), 'SIGKILL'); } catch { /* already gone */ }
  }
  spawnSync('ip', ['netns', 'delete', ns], { timeout: 5000 });
}

function onSignal(signal: NodeJS.Signals): void {
  for (const ns of [...live]) removeNow(ns);
  live.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Records a namespace the harness created, so an interrupt removes it; installs the handlers once. */
export function trackNamespace(ns: string): void {
  if (!installed) {
    installed = true;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  live.add(ns);
}

/** Forgets a namespace the harness has deleted itself. */
export function untrackNamespace(ns: string): void {
  live.delete(ns);
}
