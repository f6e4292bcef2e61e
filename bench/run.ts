// `npm run bench`: synth (ours vs cdk8s-plus-34), engine truth tables, plan rendering, kernel load,
// rules per packet and CLI start-up, one row per size. See bench/README.md.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCluster } from './generator';
import { loadPlanInNamespace, KernelLoad } from './measure/kernel';
import { startupMs } from './measure/startup';
import { denyCidrSynthMs, lintTwoThousandCidrsMs } from './measure/cidrs';
import { compareSynthOutputs, netsecSynth, plusSynth, takeSynthWarningCount } from './measure/synth';
import { median, timeMs } from './measure/timing';

const medianOf = (fn: () => unknown, runs: number): number => median(Array.from({ length: runs }, () => timeMs(fn)));
import { SEED, SIZES, TABLE_PORT, BenchSize } from './sizes';

const ROOT = path.resolve(__dirname, '..');
type Phase = { readonly [k: string]: unknown };

/** Runs the engine child for one size; resolves with the phases it finished (and whether it timed out). */
function runChild(size: BenchSize, dir: string): Promise<{ phases: Map<string, Phase>; timedOut: boolean; error?: string }> {
  const args = { seed: SEED, pods: size.pods, policies: size.policies, hostEndpoints: size.hostEndpoints, port: TABLE_PORT, planNodes: size.table === false ? 1 : 3, dir, nodes: size.nodes, table: size.table };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only',
      path.join(__dirname, 'measure', 'engine-child.ts'), JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const phases = new Map<string, Phase>();
    let buf = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, size.timeoutS * 1000);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const p = JSON.parse(line) as Phase;
        phases.set(String(p.phase), p);
        process.stderr.write(`  [${size.label}] ${p.phase} ${JSON.stringify(p)}\n`);
      }
    });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ phases, timedOut, error: code !== 0 && !timedOut ? err.trim().split('\n').slice(-3).join(' / ') : undefined });
    });
  });
}

interface SynthRow { ours: number; plus: number; same: string | undefined; warnings: number }

function synthRow(size: BenchSize): SynthRow {
  const cluster = generateCluster({ seed: SEED, pods: size.pods, policies: size.policies, calicoShare: 0, hostEndpoints: false });
  const policies = cluster.kubePolicies;
  // the comparison run is the warm-up; then the median of 3 runs, or the warm-up alone when one run
  // takes over 10 s (keeps `npm run bench` within minutes when synth is slow)
  let t = process.hrtime.bigint();
  takeSynthWarningCount();
  const oursYaml = netsecSynth(policies);
  const warnings = takeSynthWarningCount();
  const oursFirst = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const plusYaml = plusSynth(policies);
  const plusFirst = Number(process.hrtime.bigint() - t) / 1e6;
  const same = compareSynthOutputs(oursYaml, plusYaml);
  const ours = oursFirst > 10_000 ? oursFirst : medianOf(() => netsecSynth(policies), 3);
  const plus = plusFirst > 10_000 ? plusFirst : medianOf(() => plusSynth(policies), 3);
  return { ours, plus, same, warnings };
}

const n = (v: unknown, digits = 0): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '-');
/** `median 703 ms (min 650, max 760)` for a list of timings. */
const spread = (ms: readonly number[] | undefined): string => (ms && ms.length > 0
  ? `median ${n(median([...ms]))} ms (min ${n(Math.min(...ms))}, max ${n(Math.max(...ms))})` : '-');

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-bench-'));
  const rows: string[][] = [];
  const notes: string[] = [];
  let lastSynth: { ms: number; policies: number } | undefined;
  let largest: { label: string; rules: number; file: string; ipsets: string; policies: number; compactRules: number; compactFile: string } | undefined;
  try {
    for (const size of SIZES) {
      process.stderr.write(`size ${size.label}: ${size.pods} pods, ${size.policies} policies${size.hostEndpoints ? ', host endpoints' : ''}\n`);
      // when our synth already took over 10 s at a smaller size, do not run it again at a larger one
      const skipSynth = size.synth && lastSynth !== undefined && lastSynth.ms > 10_000;
      if (skipSynth && lastSynth) {
        const est = lastSynth.ms * (size.policies / lastSynth.policies) ** 3 / 1000;
        notes.push(`${size.label}: synth not run: ${lastSynth.policies} policies already took ${n(lastSynth.ms / 1000, 1)} s `
          + `(growth looks cubic: about ${n(est)} s expected here)`);
      }
      const s = size.synth && !skipSynth ? synthRow(size) : undefined;
      if (s) lastSynth = { ms: s.ours, policies: size.policies };
      if (s) process.stderr.write(`  [${size.label}] synth ours ${n(s.ours)} ms, cdk8s-plus ${n(s.plus)} ms${s.same ? `; OUTPUTS DIFFER: ${s.same}` : ''}\n`);
      if (s && s.warnings > 0) notes.push(`${size.label}: our synth reported ${s.warnings} lint warnings (counted, not printed)`);
      if (s?.same) notes.push(`${size.label}: synth outputs differ: ${s.same}`);
      const r = await runChild(size, path.join(tmp, size.label.replace(/[^a-z0-9]+/gi, '-')));
      const g = r.phases.get('generate') ?? {};
      const sample = r.phases.get('sample') ?? {};
      const table = r.phases.get('table');
      const plan = r.phases.get('plan') ?? {};
      const walk = r.phases.get('walk') ?? {};
      const load = r.phases.get('load') ?? {};
      const build = r.phases.get('build') ?? {};
      const estGroups = Number(sample.groupsEstimate);
      const estS = (estGroups * estGroups * Number(sample.usPerEval)) / 1e6;
      const tableText = size.table === false ? 'not run' : table ? `${n(Number(table.ms) / 1000, 2)} s` : r.timedOut ? `>${size.timeoutS} s (est. ${n(estS)} s)` : 'error';
      const peak = table ? Number(table.maxRssMiB) : Number(sample.maxRssMiB);
      if (r.error) notes.push(`${size.label}: child failed: ${r.error}`);
      if (typeof plan.largestRules === 'number' && (!largest || plan.largestRules > largest.rules)) {
        largest = {
          label: size.label, rules: plan.largestRules, file: String(plan.planFile), ipsets: String(plan.ipsetFile), policies: Number(plan.largestPolicyChains),
          compactRules: Number(plan.compactRules), compactFile: String(plan.compactPlanFile),
        };
      }
      if (Array.isArray(walk.unknownMatches) && walk.unknownMatches.length) notes.push(`${size.label}: walker did not understand ${walk.unknownMatches.join(' ')}`);
      rows.push([
        size.label + (size.hostEndpoints ? '' : ''), String(g.nodes ?? '-'),
        s ? n(s.ours) : '-', s ? n(s.plus) : '-', s ? n(s.ours / s.plus, 2) : '-',
        `${n(Number(load.ms))}+${n(Number(build.ms))}`,
        String(table ? table.groups : `~${n(estGroups)}`), n(Number(sample.usPerEval)), tableText,
        `${n(peak)}${table ? '' : '+'}`,
        n(Number(plan.msPerNodeMedian)), `${String(plan.largestRules ?? '-')}/${String(plan.largestPolicyChains ?? '-')}`,
        `${String(walk.typical ?? '-')}/${String(walk.worst ?? '-')}`,
      ]);
    }
    let kernel: KernelLoad = { skipped: 'no plan was rendered' };
    let compactKernel: KernelLoad = { skipped: 'no plan was rendered' };
    if (largest) kernel = await loadPlanInNamespace(largest.file, largest.ipsets);
    if (largest) compactKernel = await loadPlanInNamespace(largest.compactFile, largest.ipsets);
    const startup = startupMs(ROOT);
    const lintCidrs = lintTwoThousandCidrsMs();
    const denySynth = denyCidrSynthMs();

    const header = ['size (pods/policies)', 'nodes', 'synth ours ms', 'synth cdk8s-plus ms', 'ratio',
      'load+build ms', 'groups', 'µs/eval (warm)', 'truth table', 'peak RSS MiB', 'plan ms/node', 'largest plan rules/policies', 'rules/packet typ/worst'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    const out: string[] = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
    out.push('');
    out.push(kernel.skipped ? `iptables-restore load: skipped (${kernel.skipped})`
      : kernel.error ? `iptables-restore load: FAILED: ${kernel.error}`
        : `iptables-restore load of the largest plan, Felix layout (${largest?.label}, ${kernel.rules} rules, ${largest?.policies} policy chains, `
          + `rules counted in the kernel after each load), ${kernel.iptablesMs?.length} loads: whole plan in one call ${spread(kernel.iptablesMs)}, `
          + `CPU ${spread(kernel.iptablesCpuMs)}; as Felix calls it (per table, --noflush --wait, in parallel) ${spread(kernel.felixMs)}, CPU ${spread(kernel.felixCpuMs)} `
          + `(ipset restore ${spread(kernel.ipsetMs)}; ${kernel.iptablesVersion}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    if (kernel.legacyMs) out.push(`iptables-legacy-restore of the same plan, ${kernel.legacyMs.length} loads: ${spread(kernel.legacyMs)}`);
    if (kernel.felixLegacyMs) out.push(`as Felix calls it with iptables-legacy-restore, ${kernel.felixLegacyMs.length} loads: ${spread(kernel.felixLegacyMs)}, CPU ${spread(kernel.felixLegacyCpuMs)}`);
    if (kernel.felixBackend) out.push(`backend Felix's iptablesBackend Auto (the default) picks in this bench's namespace: ${kernel.felixBackend}; as Felix loads this plan here: `
      + `${spread(kernel.felixBackend === 'legacy' ? kernel.felixLegacyMs : kernel.felixMs)} (target < 1 s)`);
    if (compactKernel.felixLegacyMs) out.push(`compact layout as Felix calls it with iptables-legacy-restore: ${spread(compactKernel.felixLegacyMs)}, CPU ${spread(compactKernel.felixLegacyCpuMs)}`);
    out.push(compactKernel.skipped ? `iptables-restore load, compact layout: skipped (${compactKernel.skipped})`
      : compactKernel.error ? `iptables-restore load, compact layout: FAILED: ${compactKernel.error}`
        : `iptables-restore load of the same node, compact layout (${compactKernel.rules} rules), `
          + `${compactKernel.iptablesMs?.length} loads: whole plan in one call ${spread(compactKernel.iptablesMs)}, CPU ${spread(compactKernel.iptablesCpuMs)}; `
          + `as Felix calls it ${spread(compactKernel.felixMs)}, CPU ${spread(compactKernel.felixCpuMs)}`);
    out.push(`lint of two rules of 1,000 CIDRs: ${n(lintCidrs)} ms; synth of a 1,200-CIDR DenyCidr (validation and lint included): ${n(denySynth)} ms`);
    out.push(startup.ms !== undefined ? `netsec --help start-up: ${n(startup.ms)} ms (median of 5)` : `netsec --help: FAILED: ${startup.error}`);
    out.push(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${n(os.totalmem() / 2 ** 30, 1)} GiB, node ${process.version}; total ${n((Date.now() - started) / 1000)} s`);
    for (const note of notes) out.push(`note: ${note}`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
