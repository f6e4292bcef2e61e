// Namespaces still to remove if the process is interrupted: on SIGINT or SIGTERM every namespace
// the harness created and has not yet removed is deleted (synchronously), then the process exits.
import { spawnSync } from 'child_process';

const live = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const ns of live) spawnSync('ip', ['netns', 'delete', ns], { timeout: 10000 });
  live.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Remembers a namespace to delete on SIGINT/SIGTERM (the handlers are installed once). */
export function trackNamespace(ns: string): void {
  if (!installed) {
    installed = true;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  live.add(ns);
}

/** Forgets a namespace once it is deleted. */
export function untrackNamespace(ns: string): void {
  live.delete(ns);
}
