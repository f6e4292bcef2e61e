// Loads a plan into fresh network namespaces with ipset + iptables-restore and times it, several
// times. Only rules are loaded; no traffic is sent. Each namespace has a unique name and is always deleted.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';

/** Result of loadPlanInNamespace: timings, or why it was skipped. */
export interface KernelLoad {
  readonly skipped?: string;
  /** ipset restore, one per run. */
  readonly ipsetMs?: readonly number[];
  /** `iptables-restore` (the default backend), one per run. */
  readonly iptablesMs?: readonly number[];
  readonly iptablesVersion?: string;
  /** `iptables-legacy-restore` of the same plan, one per run, when that command is installed. */
  readonly legacyMs?: readonly number[];
  readonly error?: string;
}

/** Loads per measured command. */
const RUNS = 5;
const EMPTY_TABLES = '*raw\nCOMMIT\n*mangle\nCOMMIT\n*filter\nCOMMIT\n';

function available(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function timed(args: string[], input: string): number {
  const t = process.hrtime.bigint();
  execFileSync('ip', args, { input, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** One load into a new namespace: [ipset ms, restore ms]. The namespace is emptied and deleted. */
function loadOnce(restore: string, iptables: string, ipsets: string, run: number): [number, number] {
  const ns = `netsec-bench-${process.pid}-${run}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const add = spawnSync('ip', ['netns', 'add', ns], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`cannot create a network namespace: ${(add.stderr || '').trim()}`);
  try {
    const ipsetMs = timed(['netns', 'exec', ns, 'ipset', 'restore'], ipsets);
    return [ipsetMs, timed(['netns', 'exec', ns, restore], iptables)];
  } finally {
    // empty the tables (so that the sets are unreferenced), destroy the sets, delete the namespace
    spawnSync('ip', ['netns', 'exec', ns, restore], { input: EMPTY_TABLES, stdio: ['pipe', 'ignore', 'ignore'] });
    spawnSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  }
}

/**
 * Loads `<plan>.ipsets` then `<plan>.iptables` into a new namespace, RUNS times with
 * `iptables-restore` and, when installed, RUNS times with `iptables-legacy-restore`; skips where
 * that cannot work.
 */
export function loadPlanInNamespace(iptablesFile: string, ipsetFile: string): KernelLoad {
  if (process.platform !== 'linux') return { skipped: 'not Linux' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { skipped: 'needs root for network namespaces' };
  for (const cmd of ['ip', 'ipset', 'iptables-restore']) if (!available(cmd)) return { skipped: `${cmd} not installed` };
  const iptables = fs.readFileSync(iptablesFile, 'utf8');
  const ipsets = fs.readFileSync(ipsetFile, 'utf8');
  try {
    const version = spawnSync('iptables-restore', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const runs = Array.from({ length: RUNS }, (_, i) => loadOnce('iptables-restore', iptables, ipsets, i));
    const legacyMs = available('iptables-legacy-restore')
      ? Array.from({ length: RUNS }, (_, i) => loadOnce('iptables-legacy-restore', iptables, ipsets, RUNS + i)[1]) : undefined;
    return { ipsetMs: runs.map((r) => r[0]), iptablesMs: runs.map((r) => r[1]), iptablesVersion: version, ...(legacyMs ? { legacyMs } : {}) };
  } catch (e) {
    const err = e as { stderr?: Buffer | string; message?: string };
    return { error: `${String(err.stderr ?? err.message ?? e).trim().split('\n').slice(0, 3).join(' / ')}` };
  }
}
