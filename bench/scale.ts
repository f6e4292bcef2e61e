// `npm run bench:scale`: the issue 13 scale targets, one child process per measurement (its own peak
// RSS): table (one port, text and json), connectivity (txt and json), check per flow on a loaded model,
// and plans (busiest nodes, all nodes). See bench/README.md, "Scale".
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clusterYaml, generateCluster } from './generator';
import { ScalePhase } from './measure/scale-child';
import { OUT_DIR, SCALE_SIZES, SEED, TABLE_PORT } from './sizes';

const ROOT = path.resolve(__dirname, '..');
type Result = { readonly [k: string]: unknown };

function child(args: ScalePhase, timeoutS: number): Promise<Result> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only',
      path.join(__dirname, 'measure', 'scale-child.ts'), JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, timeoutS * 1000);
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve({ error: `timed out after ${timeoutS} s` });
      else if (code !== 0) resolve({ error: err.trim().split('\n').slice(-3).join(' / ') });
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result);
    });
  });
}

const n = (v: unknown, digits = 0): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '-');

async function main(): Promise<void> {
  const only = process.argv[2];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-scale-'));
  const out: string[] = ['| size | measurement | time | peak RSS MiB | output | target | result |', '|---|---|---|---|---|---|---|'];
  try {
    for (const size of SCALE_SIZES.filter((s) => only === undefined || s.label === only)) {
      const cluster = generateCluster({ seed: SEED, pods: size.pods, policies: size.policies, hostEndpoints: true, ...(size.nodes ? { nodes: size.nodes } : {}) });
      const yaml = clusterYaml(cluster);
      const dir = path.join(tmp, size.label.replace(/[^a-z0-9]+/gi, '-'));
      fs.mkdirSync(dir, { recursive: true });
      const manifests = path.join(dir, 'manifests.yaml');
      const inventory = path.join(dir, 'inventory.yaml');
      fs.writeFileSync(manifests, yaml.manifests);
      fs.writeFileSync(inventory, yaml.inventory);
      const files = ['--manifests', manifests, '--cluster', inventory];
      for (const m of size.measurements) {
        const args: ScalePhase = m.kind === 'cli' ? { phase: 'cli', argv: [...m.argv.map((a) => (a === OUT_DIR ? path.join(dir, 'plan-out') : a)), ...files] }
          : m.kind === 'check' ? { phase: 'check', manifests, inventory, flows: 50, seed: SEED + 2, port: TABLE_PORT }
            : { phase: 'plan', manifests, inventory, nodes: m.nodes };
        process.stderr.write(`[${size.label}] ${m.label} ...\n`);
        const r = await child(args, m.timeoutS);
        process.stderr.write(`[${size.label}] ${m.label}: ${JSON.stringify(r)}\n`);
        const time = m.kind === 'check' ? Number(r.medianMs) : Number(r.ms);
        const rss = Number(r.maxRssMiB);
        const met = r.error === undefined && (m.targetMs === undefined || time <= m.targetMs) && (m.targetMiB === undefined || rss <= m.targetMiB)
          && (m.kind !== 'cli' || r.code === 0);
        const timeText = r.error !== undefined ? String(r.error) : m.kind === 'check' ? `${n(time, 1)} ms/flow (max ${n(Number(r.maxMs), 1)}; load+build ${n(Number(r.loadMs) / 1000, 1)} s)` : `${n(time / 1000, 2)} s${r.cpuMs !== undefined ? ` (CPU ${n(Number(r.cpuMs) / 1000, 2)} s)` : ''}`;
        const output = m.kind === 'cli' ? `${n(Number(r.bytes) / 1e6, 1)} MB, exit ${String(r.code)}` : m.kind === 'plan' ? `${String(r.nodes)} nodes, ${String(r.rules)} rules` : `${String(r.flows)} flows`;
        const target = [m.targetMs !== undefined ? (m.kind === 'check' ? `${m.targetMs} ms` : `${m.targetMs / 1000} s`) : '', m.targetMiB !== undefined ? `${m.targetMiB} MiB` : ''].filter(Boolean).join(', ') || '-';
        out.push(`| ${size.label} | ${m.label} | ${timeText} | ${n(rss)} | ${output} | ${target} | ${target === '-' ? '-' : met ? 'met' : 'NOT met'} |`);
      }
    }
    out.push('', `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`scale bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
