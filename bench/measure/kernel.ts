// Loads a plan into fresh network namespaces and times it, several times. Only rules are loaded;
// no traffic is sent. Each namespace has a unique name and is always deleted. After each load the
// rules in the kernel are counted (iptables-save) and must be the plan's: a load that is not
// complete fails the measurement.
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';

/** Result of loadPlanInNamespace: timings, or why it was skipped. */
export interface KernelLoad {
  readonly skipped?: string;
  /** ipset restore, one per run. */
  readonly ipsetMs?: readonly number[];
  /** The whole plan in one `iptables-restore` call (the default backend), one per run. */
  readonly iptablesMs?: readonly number[];
  /**
   * As Felix applies it (felix/iptables/table.go execIptablesRestore; all tables at once,
   * dataplane/linux/int_dataplane.go apply): one `iptables-restore --noflush --verbose --wait 10
   * --wait-interval 50000` per table, the tables in parallel; one per run.
   */
  readonly felixMs?: readonly number[];
  readonly iptablesVersion?: string;
  /** `iptables-legacy-restore` of the same plan, one per run, when that command is installed. */
  readonly legacyMs?: readonly number[];
  /** `-A` rules of the plan, found in the kernel after every load. */
  readonly rules?: number;
  readonly error?: string;
}

/** Loads per measured command. */
const RUNS = 5;
const EMPTY_TABLES = '*raw\nCOMMIT\n*mangle\nCOMMIT\n*filter\nCOMMIT\n*nat\nCOMMIT\n';
/** Felix's arguments to iptables-restore (table.go: --noflush --verbose, and the lock wait it sets). */
const FELIX_ARGS = ['--noflush', '--verbose', '--wait', '10', '--wait-interval', '50000'];

type Method = 'whole' | 'felix' | 'legacy';

function available(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function run(args: string[], input: string): void {
  execFileSync('ip', args, { input, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
}

function runAsync(args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: exit ${code}: ${err.trim()}`))));
    child.stdin.end(input);
  });
}

/** The `*table ... COMMIT` blocks of an iptables-restore text. */
function tableBlocks(text: string): string[] {
  return text.split(/^(?=\*)/m).filter((b) => b.startsWith('*')).map((b) => `${b.slice(0, b.indexOf('\nCOMMIT') + '\nCOMMIT'.length)}\n`);
}

const countRules = (text: string): number => text.split('\n').filter((l) => l.startsWith('-A ')).length;

async function restore(ns: string, method: Method, iptables: string): Promise<number> {
  const t = process.hrtime.bigint();
  if (method === 'whole') run(['netns', 'exec', ns, 'iptables-restore'], iptables);
  else if (method === 'legacy') run(['netns', 'exec', ns, 'iptables-legacy-restore'], iptables);
  else await Promise.all(tableBlocks(iptables).map((b) => runAsync(['netns', 'exec', ns, 'iptables-restore', ...FELIX_ARGS], b)));
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** One load into a new namespace: [ipset ms, restore ms]. Checks the rule count; the namespace is emptied and deleted. */
async function loadOnce(method: Method, iptables: string, ipsets: string, run: number): Promise<[number, number]> {
  const ns = `netsec-bench-${process.pid}-${method}-${run}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const add = spawnSync('ip', ['netns', 'add', ns], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`cannot create a network namespace: ${(add.stderr || '').trim()}`);
  const restoreCmd = method === 'legacy' ? 'iptables-legacy-restore' : 'iptables-restore';
  try {
    const t = process.hrtime.bigint();
    execFileSync('ip', ['netns', 'exec', ns, 'ipset', 'restore'], { input: ipsets, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
    const ipsetMs = Number(process.hrtime.bigint() - t) / 1e6;
    const ms = await restore(ns, method, iptables);
    const saved = execFileSync('ip', ['netns', 'exec', ns, method === 'legacy' ? 'iptables-legacy-save' : 'iptables-save'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (countRules(saved) !== countRules(iptables)) throw new Error(`${method} load: ${countRules(saved)} rules in the kernel, the plan has ${countRules(iptables)}`);
    return [ipsetMs, ms];
  } finally {
    // empty the tables (so that the sets are unreferenced), destroy the sets, delete the namespace
    spawnSync('ip', ['netns', 'exec', ns, restoreCmd], { input: EMPTY_TABLES, stdio: ['pipe', 'ignore', 'ignore'] });
    spawnSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  }
}

async function series(method: Method, iptables: string, ipsets: string): Promise<Array<[number, number]>> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < RUNS; i++) out.push(await loadOnce(method, iptables, ipsets, i));
  return out;
}

/**
 * Loads `<plan>.ipsets` then `<plan>.iptables` into a new namespace, RUNS times each way: the whole
 * plan in one `iptables-restore`, then as Felix does (per table, its flags, in parallel), and, when
 * installed, with `iptables-legacy-restore`; skips where that cannot work.
 */
export async function loadPlanInNamespace(iptablesFile: string, ipsetFile: string): Promise<KernelLoad> {
  if (process.platform !== 'linux') return { skipped: 'not Linux' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { skipped: 'needs root for network namespaces' };
  for (const cmd of ['ip', 'ipset', 'iptables-restore', 'iptables-save']) if (!available(cmd)) return { skipped: `${cmd} not installed` };
  const iptables = fs.readFileSync(iptablesFile, 'utf8');
  const ipsets = fs.readFileSync(ipsetFile, 'utf8');
  try {
    const version = spawnSync('iptables-restore', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const whole = await series('whole', iptables, ipsets);
    const felix = await series('felix', iptables, ipsets);
    const legacyMs = available('iptables-legacy-restore') && available('iptables-legacy-save')
      ? (await series('legacy', iptables, ipsets)).map((r) => r[1]) : undefined;
    return {
      ipsetMs: whole.map((r) => r[0]), iptablesMs: whole.map((r) => r[1]), felixMs: felix.map((r) => r[1]), iptablesVersion: version,
      rules: countRules(iptables), ...(legacyMs ? { legacyMs } : {}),
    };
  } catch (e) {
    const err = e as { stderr?: Buffer | string; message?: string };
    return { error: `${String(err.stderr ?? err.message ?? e).trim().split('\n').slice(0, 3).join(' / ')}` };
  }
}
