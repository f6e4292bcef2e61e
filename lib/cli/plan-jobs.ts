// `netsec plan` on more than one core: helper threads (node:worker_threads) that each read the same
// inputs into a model of their own and render the nodes they claim, writing the files straight into
// the output's temporary folder. Nodes are claimed one at a time from a shared counter, so a thread
// that finishes reading late still takes its share, and the files are the same whatever the thread
// count (each node's files are rendered by one thread, from the same inputs).
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { BuiltModel, LoadOptions } from '../engine';
import { PlanFile, nodePlanFiles } from '../iptables/plan-files';
import { PlanLayout } from '../iptables/plan-layout';
import { UsageError } from './args';

/** What a helper thread is given. */
export interface PlanJob {
  readonly load: LoadOptions;
  readonly layout: PlanLayout;
  /** The output's temporary folder (AtomicOutputDir.temporary). */
  readonly temporary: string;
  /**
   * Int32s: [0] the index of the next node to render (planNodeNames order); [slot] this helper's
   * state (LOADING, then CLAIMING once it has read the inputs, or CANCELLED by the main thread).
   */
  readonly counter: SharedArrayBuffer;
  readonly slot: number;
}

/** A helper's state in its slot of the counter. */
const LOADING = 0;
const CLAIMING = 1;
const CANCELLED = 2;

/**
 * The main thread took every node while the helper in `slot` was still reading: cancels it (it then
 * claims nothing). False when the helper had started claiming (its result must be awaited).
 */
export function cancelIfLoading(counter: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(counter, slot, LOADING, CANCELLED) === LOADING;
}

/** Called by a helper once it has read the inputs: false when the main thread cancelled it meanwhile. */
export function startClaiming(counter: Int32Array, slot: number): boolean {
  return Atomics.compareExchange(counter, slot, LOADING, CLAIMING) === LOADING;
}

/** What a helper thread reports when it ends. */
export type PlanJobResult =
  | { readonly kind: 'done'; readonly paths: readonly string[]; readonly nodes: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/** Below this many nodes a plan is rendered on one thread (a helper would spend longer reading the inputs). */
const PARALLEL_MIN_NODES = 32;
/** At most this many threads for `--jobs auto` (each holds a model of its own). */
const AUTO_MAX_JOBS = 4;

/** `--jobs`: a count of 1 to 64, or `auto` (one per core, at most 4, and 1 for fewer than 32 nodes). */
export function planJobCount(text: string, nodes: number): number {
  if (text === 'auto') return nodes < PARALLEL_MIN_NODES ? 1 : Math.max(1, Math.min(os.availableParallelism(), AUTO_MAX_JOBS));
  if (!/^[0-9]+$/.test(text) || Number(text) < 1 || Number(text) > 64) {
    throw new UsageError(`--jobs must be auto or a number of threads from 1 to 64, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** Claims the next node index of a shared counter (Atomics.add), or undefined when all are taken. */
function claimNode(counter: Int32Array, nodes: number): number | undefined {
  const i = Atomics.add(counter, 0, 1);
  return i < nodes ? i : undefined;
}

/** Renders the nodes this thread claims from the counter, one at a time, and hands each file to `write`. */
export function renderClaimedNodes(model: BuiltModel, nodes: readonly string[], counter: Int32Array, layout: PlanLayout, write: (f: PlanFile) => void): void {
  for (let i = claimNode(counter, nodes.length); i !== undefined; i = claimNode(counter, nodes.length)) {
    for (const f of nodePlanFiles(model, nodes[i], '', { layout })) write(f);
  }
}

/** A helper thread's young generation: three 64 MiB semi-space equivalents (V8 sizes it as 3 x semi-space). */
const HELPER_YOUNG_GENERATION_MB = 192;

/** A running helper thread: its result, and a way to stop it. */
export interface PlanHelper {
  readonly result: Promise<PlanJobResult>;
  stop(): Promise<void>;
}

/** Starts a helper thread on `job` (from the built JavaScript, or through ts-node when run from the TypeScript sources). */
export function startPlanHelper(job: PlanJob): PlanHelper {
  const fromSources = __filename.endsWith('.ts');
  const worker = new Worker(path.join(__dirname, `plan-worker${fromSources ? '.ts' : '.js'}`), {
    workerData: job,
    execArgv: fromSources ? ['-r', 'ts-node/register/transpile-only'] : [],
    stdout: true,
    stderr: true,
    // rendering allocates many short-lived strings: a larger young generation than V8's default
    // (16 MiB semi-spaces) halves the scavenges (100k pods: about 15 % less CPU with 64 MiB semi-spaces)
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  const result = new Promise<PlanJobResult>((resolve) => {
    let settled = false;
    const settle = (r: PlanJobResult): void => {
      if (!settled) resolve(r);
      settled = true;
    };
    worker.on('message', (m: PlanJobResult) => settle(m));
    worker.on('error', (e: Error) => settle({ kind: 'error', message: e.message }));
    worker.on('exit', (code) => settle({ kind: 'error', message: `plan helper thread exited (code ${code}) before it reported` }));
  });
  return { result, stop: async () => { await worker.terminate(); } };
}
