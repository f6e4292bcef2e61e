// Child process of the scale bench (bench/scale.ts): one phase per process, so that its peak RSS is its
// own. Reads the manifests and inventory the parent generated, runs one phase and prints one JSON line:
// `cli` runs a `netsec` command in process with stdout counted (not kept), `check` times evaluateFlow on
// a loaded model, `plan` renders node plans.
import { buildEngineModel, buildFlow, evaluateFlow, loadEngineInputs } from '../../lib/engine';
import { renderNodePlan, nodeEndpoints } from '../../lib/iptables';
import { runCli } from '../../lib/cli/run';
import { COMMANDS } from '../../lib/cli/registry';
import { Rng } from '../../lib/util/rng';

/** What the parent asks for. */
export type ScalePhase =
  | { readonly phase: 'cli'; readonly argv: readonly string[] }
  | { readonly phase: 'check'; readonly manifests: string; readonly inventory: string; readonly flows: number; readonly seed: number; readonly port: number }
  | { readonly phase: 'plan'; readonly manifests: string; readonly inventory: string; readonly nodes: 'busiest' | 'all' };

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const rssMiB = (): number => process.resourceUsage().maxRSS / 1024;

function loadModel(manifests: string, inventory: string): { model: ReturnType<typeof buildEngineModel>; loadMs: number } {
  const t = process.hrtime.bigint();
  const model = buildEngineModel(loadEngineInputs({ manifests: [manifests], cluster: inventory }));
  return { model, loadMs: ms(t) };
}

async function main(args: ScalePhase): Promise<{ [k: string]: unknown }> {
  if (args.phase === 'cli') {
    let bytes = 0;
    let stderr = '';
    // load (and, under ts-node, transpile) the command's modules before the clock starts, as the
    // compiled CLI would have them: about 5 s of CPU here that `netsec` does not spend
    COMMANDS.find((c) => c.name === args.argv[0])?.load();
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const code = await runCli(args.argv, { stdout: (s) => { bytes += Buffer.byteLength(s); }, stderr: (s) => { stderr += s; } });
    const used = process.cpuUsage(cpu);
    return { ms: ms(t), cpuMs: (used.user + used.system) / 1000, code, bytes, stderr: stderr.slice(0, 400) };
  }
  const { model, loadMs } = loadModel(args.manifests, args.inventory);
  if (args.phase === 'check') {
    const rng = new Rng(args.seed);
    const pods = model.endpoints.filter((e) => e.kind === 'workload');
    const times: number[] = [];
    for (let i = 0; i < args.flows; i++) {
      const a = rng.pick(pods);
      const b = rng.pick(pods);
      const t = process.hrtime.bigint();
      evaluateFlow(model, buildFlow(model, { from: a.id, to: b.id, protocol: 'TCP', port: args.port }));
      times.push(ms(t));
    }
    const sorted = [...times].sort((x, y) => x - y);
    return { loadMs, flows: times.length, firstMs: times[0], medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1] };
  }
  const byEps = model.nodes.map((n) => ({ name: n.name, eps: nodeEndpoints(model, n.name).length }))
    .sort((a, b) => b.eps - a.eps || a.name.localeCompare(b.name));
  const nodes = args.nodes === 'busiest' ? byEps.slice(0, 3) : byEps;
  const t = process.hrtime.bigint();
  let rules = 0;
  const per: number[] = [];
  for (const n of nodes) {
    const t1 = process.hrtime.bigint();
    const plan = renderNodePlan(model, n.name);
    per.push(ms(t1));
    rules += plan.iptables.split('\n').filter((l) => l.startsWith('-A ')).length;
  }
  return { loadMs, nodes: nodes.length, ms: ms(t), firstNodeMs: per[0], rules };
}

main(JSON.parse(process.argv[2]) as ScalePhase).then((r) => {
  process.stdout.write(`${JSON.stringify({ ...r, maxRssMiB: rssMiB() })}\n`);
}, (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
