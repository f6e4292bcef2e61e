// Loads a plan into a fresh network namespace with ipset + iptables-restore and times it.
// Only rules are loaded; no traffic is sent. The namespace has a unique name and is always deleted.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';

/** Result of loadPlanInNamespace: timings, or why it was skipped. */
export interface KernelLoad {
  readonly skipped?: string;
  readonly ipsetMs?: number;
  readonly iptablesMs?: number;
  readonly iptablesVersion?: string;
  readonly error?: string;
}

function available(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function timed(args: string[], input: string): number {
  const t = process.hrtime.bigint();
  execFileSync('ip', args, { input, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Loads `<plan>.ipsets` then `<plan>.iptables` into a new namespace; skips where that cannot work. */
export function loadPlanInNamespace(iptablesFile: string, ipsetFile: string): KernelLoad {
  if (process.platform !== 'linux') return { skipped: 'not Linux' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { skipped: 'needs root for network namespaces' };
  for (const cmd of ['ip', 'ipset', 'iptables-restore']) if (!available(cmd)) return { skipped: `${cmd} not installed` };
  const ns = `netsec-bench-${process.pid}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const add = spawnSync('ip', ['netns', 'add', ns], { encoding: 'utf8' });
  if (add.status !== 0) return { skipped: `cannot create a network namespace: ${(add.stderr || '').trim()}` };
  try {
    const version = spawnSync('iptables-restore', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const ipsetMs = timed(['netns', 'exec', ns, 'ipset', 'restore'], fs.readFileSync(ipsetFile, 'utf8'));
    const iptablesMs = timed(['netns', 'exec', ns, 'iptables-restore'], fs.readFileSync(iptablesFile, 'utf8'));
    return { ipsetMs, iptablesMs, iptablesVersion: version };
  } catch (e) {
    const err = e as { stderr?: Buffer | string; message?: string };
    return { error: `${String(err.stderr ?? err.message ?? e).trim().split('\n').slice(0, 3).join(' / ')}` };
  } finally {
    // flush the namespace's sets, then delete it (the kernel frees its tables with it)
    spawnSync('ip', ['netns', 'exec', ns, 'iptables', '-F'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  }
}
