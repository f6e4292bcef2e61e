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
   * CPU time (user + system) of that `iptables-restore`, one per run: its wall time on an idle
   * machine, and far less inflated than the wall time when other jobs share the CPUs.
   */
  readonly iptablesCpuMs?: readonly number[];
  /**
   * As Felix applies it (felix/iptables/table.go execIptablesRestore; all tables at once,
   * dataplane/linux/int_dataplane.go apply): one `iptables-restore --noflush --verbose --wait 10
   * --wait-interval 50000` per table, the tables in parallel; one per run.
   */
  readonly felixMs?: readonly number[];
  readonly iptablesVersion?: string;
  /** CPU time of Felix's calls, all tables summed, one per run. */
  readonly felixCpuMs?: readonly number[];
  /** `iptables-legacy-restore` of the same plan, one per run, when that command is installed. */
  readonly legacyMs?: readonly number[];
  /** As Felix calls it (per table, its flags, in parallel) with `iptables-legacy-restore`, one per run. */
  readonly felixLegacyMs?: readonly number[];
  /** CPU time of those calls, all tables summed, one per run. */
  readonly felixLegacyCpuMs?: readonly number[];
  /**
   * The backend Felix's `iptablesBackend: Auto` (the default) picks in a new namespace with the IP sets
   * loaded (felix/environment/feature_detect_linux.go DetectBackend): `nft` when a mangle table of the
   * nft backend holds kube-proxy's hint chains, `legacy` when a legacy one does, else the backend with
   * more rules, legacy on a tie.
   */
  readonly felixBackend?: 'legacy' | 'nft';
  /** `-A` rules of the plan, found in the kernel after every load. */
  readonly rules?: number;
  readonly error?: string;
}

/** Loads per measured command. */
const RUNS = 5;
const EMPTY_TABLES = '*raw\nCOMMIT\n*mangle\nCOMMIT\n*filter\nCOMMIT\n*nat\nCOMMIT\n';
/** Felix's arguments to iptables-restore (table.go: --noflush --verbose, and the lock wait it sets). */
const FELIX_ARGS = ['--noflush', '--verbose', '--wait', '10', '--wait-interval', '50000'];

type Method = 'whole' | 'felix' | 'legacy' | 'felix-legacy';

function available(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** `sh -c '<cmd>; times'`, exiting with the command's status: the last line `times` prints is the CPU time of the shell's children. */
function withTimes(cmd: string[]): string[] {
  return ['sh', '-c', `${cmd.map((a) => `'${a}'`).join(' ')}; s=$?; times; exit $s`];
}

/** CPU milliseconds (user + system) of the children, from the last line of `times`. */
function childCpuMs(stdout: string): number {
  const last = stdout.trim().split('\n').pop() ?? '';
  const parts = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  if (parts.length !== 2) throw new Error(`cannot read the CPU time from ${JSON.stringify(last)}`);
  return parts[0] + parts[1];
}

/** Runs a restore in the namespace, input on stdin; resolves with its CPU ms. */
function runAsync(ns: string, cmd: string[], input: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['netns', 'exec', ns, ...withTimes(cmd)];
    const child = spawn('ip', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${cmd.join(' ')}: exit ${code}: ${err.trim()}`));
      else {
        try { resolve(childCpuMs(out)); } catch (e) { reject(e); }
      }
    });
    child.stdin.end(input);
  });
}

/** The `*table ... COMMIT` blocks of an iptables-restore text. */
function tableBlocks(text: string): string[] {
  return text.split(/^(?=\*)/m).filter((b) => b.startsWith('*')).map((b) => `${b.slice(0, b.indexOf('\nCOMMIT') + '\nCOMMIT'.length)}\n`);
}

const countRules = (text: string): number => text.split('\n').filter((l) => l.startsWith('-A ')).length;

/** Loads the plan into the namespace: [wall ms, CPU ms]. */
async function restore(ns: string, method: Method, iptables: string): Promise<[number, number]> {
  const t = process.hrtime.bigint();
  let cpu: number;
  if (method === 'whole') cpu = await runAsync(ns, ['iptables-restore'], iptables);
  else if (method === 'legacy') cpu = await runAsync(ns, ['iptables-legacy-restore'], iptables);
  else {
    const cmd = method === 'felix' ? 'iptables-restore' : 'iptables-legacy-restore';
    cpu = (await Promise.all(tableBlocks(iptables).map((b) => runAsync(ns, [cmd, ...FELIX_ARGS], b)))).reduce((a, b) => a + b, 0);
  }
  return [Number(process.hrtime.bigint() - t) / 1e6, cpu];
}

/** One load into a new namespace: [ipset ms, restore ms, restore CPU ms]. Checks the rule count; the namespace is emptied and deleted. */
async function loadOnce(method: Method, iptables: string, ipsets: string, run: number): Promise<[number, number, number]> {
  const ns = `netsec-bench-${process.pid}-${method}-${run}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const add = spawnSync('ip', ['netns', 'add', ns], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`cannot create a network namespace: ${(add.stderr || '').trim()}`);
  const legacy = method === 'legacy' || method === 'felix-legacy';
  const restoreCmd = legacy ? 'iptables-legacy-restore' : 'iptables-restore';
  try {
    const t = process.hrtime.bigint();
    execFileSync('ip', ['netns', 'exec', ns, 'ipset', 'restore'], { input: ipsets, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
    const ipsetMs = Number(process.hrtime.bigint() - t) / 1e6;
    const [ms, cpu] = await restore(ns, method, iptables);
    const saved = execFileSync('ip', ['netns', 'exec', ns, legacy ? 'iptables-legacy-save' : 'iptables-save'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (countRules(saved) !== countRules(iptables)) throw new Error(`${method} load: ${countRules(saved)} rules in the kernel, the plan has ${countRules(iptables)}`);
    return [ipsetMs, ms, cpu];
  } finally {
    // empty the tables (so that the sets are unreferenced), destroy the sets, delete the namespace
    spawnSync('ip', ['netns', 'exec', ns, restoreCmd], { input: EMPTY_TABLES, stdio: ['pipe', 'ignore', 'ignore'] });
    spawnSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  }
}

const KUBE_HINTS = /KUBE-IPTABLES-HINT|KUBE-KUBELET-CANARY/;

/** Output of a save command in the namespace ('' when it fails, as Felix ignores the error). */
function saved(ns: string, cmd: string, args: readonly string[] = []): string {
  const r = spawnSync('ip', ['netns', 'exec', ns, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.status === 0 ? r.stdout : '';
}

/** Felix's DetectBackend in the namespace, with the same save commands it runs (`-A` lines counted). */
function detectFelixBackend(ns: string): 'legacy' | 'nft' {
  const nft = ['iptables-nft-save', 'ip6tables-nft-save'];
  const legacy = ['iptables-legacy-save', 'ip6tables-legacy-save'];
  if (nft.some((c) => KUBE_HINTS.test(saved(ns, c, ['-t', 'mangle'])))) return 'nft';
  if (legacy.some((c) => KUBE_HINTS.test(saved(ns, c, ['-t', 'mangle'])))) return 'legacy';
  const count = (cmds: readonly string[]): number => cmds.reduce((n, c) => n + countRules(saved(ns, c)), 0);
  return count(legacy) >= count(nft) ? 'legacy' : 'nft';
}

/** The backend Felix's Auto detection picks in a new namespace after `ipset restore`; the namespace is deleted. */
function felixBackendHere(ipsets: string): 'legacy' | 'nft' {
  const ns = `netsec-bench-${process.pid}-detect-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const add = spawnSync('ip', ['netns', 'add', ns], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`cannot create a network namespace: ${(add.stderr || '').trim()}`);
  try {
    execFileSync('ip', ['netns', 'exec', ns, 'ipset', 'restore'], { input: ipsets, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
    return detectFelixBackend(ns);
  } finally {
    spawnSync('ip', ['netns', 'exec', ns, 'ipset', 'destroy'], { stdio: 'ignore' });
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  }
}

async function series(method: Method, iptables: string, ipsets: string): Promise<Array<[number, number, number]>> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < RUNS; i++) out.push(await loadOnce(method, iptables, ipsets, i));
  return out;
}

/**
 * Loads `<plan>.ipsets` then `<plan>.iptables` into a new namespace, RUNS times each way: the whole
 * plan in one `iptables-restore`, then as Felix does (per table, its flags, in parallel), and, when
 * installed, with `iptables-legacy-restore` both ways, and says which backend Felix would pick here;
 * skips where that cannot work.
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
    const hasLegacy = available('iptables-legacy-restore') && available('iptables-legacy-save');
    const legacyMs = hasLegacy ? (await series('legacy', iptables, ipsets)).map((r) => r[1]) : undefined;
    const felixLegacy = hasLegacy ? await series('felix-legacy', iptables, ipsets) : undefined;
    const felixBackend = hasLegacy && available('iptables-nft-save') ? felixBackendHere(ipsets) : undefined;
    return {
      ipsetMs: whole.map((r) => r[0]), iptablesMs: whole.map((r) => r[1]), iptablesCpuMs: whole.map((r) => r[2]),
      felixMs: felix.map((r) => r[1]), felixCpuMs: felix.map((r) => r[2]), iptablesVersion: version,
      rules: countRules(iptables), ...(legacyMs ? { legacyMs } : {}),
      ...(felixLegacy ? { felixLegacyMs: felixLegacy.map((r) => r[1]), felixLegacyCpuMs: felixLegacy.map((r) => r[2]) } : {}),
      ...(felixBackend ? { felixBackend } : {}),
    };
  } catch (e) {
    const err = e as { stderr?: Buffer | string; message?: string };
    return { error: `${String(err.stderr ?? err.message ?? e).trim().split('\n').slice(0, 3).join(' / ')}` };
  }
}
