// The sizes of `npm run bench`: (pods, policies) pairs from issue 7, plus how long each may take.

export interface BenchSize {
  readonly label: string;
  readonly pods: number;
  readonly policies: number;
  /** HostEndpoint per node plus host policies. */
  readonly hostEndpoints: boolean;
  /** The child process is stopped after this many seconds (the table is measured last). */
  readonly timeoutS: number;
  /** Target for the truth table, when the issue sets one. */
  readonly tableTargetS?: number;
  readonly memoryTargetMiB?: number;
  /** Nodes. @default - one per 100 pods */
  readonly nodes?: number;
  /** Build the truth table. @default true */
  readonly table?: boolean;
  /** Also time synth of `policies` Kubernetes policies (ours vs cdk8s-plus). */
  readonly synth: boolean;
}

const scale = Number(process.env.BENCH_TIMEOUT_SCALE ?? '1');

export const SIZES: readonly BenchSize[] = [
  { label: '1k/200', pods: 1000, policies: 200, hostEndpoints: true, timeoutS: 60 * scale, synth: true },
  { label: '5k/1k', pods: 5000, policies: 1000, hostEndpoints: true, timeoutS: 60 * scale, tableTargetS: 5, memoryTargetMiB: 1024, synth: true },
  { label: '20k/2k', pods: 20000, policies: 2000, hostEndpoints: true, timeoutS: 120 * scale, tableTargetS: 30, synth: true },
  // the same 5k/1k cluster without host endpoints: shows what the node-keyed grouping costs
  { label: '5k/1k no HEP', pods: 5000, policies: 1000, hostEndpoints: false, timeoutS: 60 * scale, tableTargetS: 5, memoryTargetMiB: 1024, synth: false },
  // few, full nodes: the busiest node's plan carries 1,016 of the 1,260 policies (the kernel load
  // target is for a node with 1,000 policies)
  { label: 'plan 1k pods/1.26k on 4 nodes', pods: 1000, policies: 1260, nodes: 4, hostEndpoints: true, timeoutS: 120 * scale, synth: false, table: false },
];

export const SEED = 20260107;
export const TABLE_PORT = 8080;

/** One measurement of the scale bench (bench/scale.ts). */
export type ScaleMeasurement = { readonly label: string; readonly timeoutS: number; readonly targetMs?: number; readonly targetMiB?: number } & (
  | { readonly kind: 'cli'; readonly argv: readonly string[] }
  | { readonly kind: 'check' }
  | { readonly kind: 'plan'; readonly nodes: 'busiest' | 'all' });

/** A cluster of the scale bench and what is measured on it. */
export interface ScaleSize {
  readonly label: string;
  readonly pods: number;
  readonly policies: number;
  /** @default - one per 100 pods */
  readonly nodes?: number;
  readonly measurements: readonly ScaleMeasurement[];
}

/** Replaced by a fresh output folder in the bench's temporary folder. */
export const OUT_DIR = '@OUT';
const port = ['--protocol', 'TCP', '--port', String(TABLE_PORT)];
const GiB2 = 2048;

// issue 13 point 3: 10k x 10k connectivity and one-port table under 10 s and 2 GiB; 20k x 2k table
// under 5 s; check under 50 ms a flow on a loaded 10k x 10k model; plan of 100k pods under 20 s
export const SCALE_SIZES: readonly ScaleSize[] = [
  {
    label: '10k/10k', pods: 10000, policies: 10000, measurements: [
      { label: 'table --level groups, text', kind: 'cli', argv: ['table', ...port, '--level', 'groups'], timeoutS: 240 * scale, targetMs: 10000, targetMiB: GiB2 },
      { label: 'table --level groups, json', kind: 'cli', argv: ['table', ...port, '--level', 'groups', '--format', 'json'], timeoutS: 240 * scale, targetMs: 10000, targetMiB: GiB2 },
      { label: 'table, pod level (refused without --force)', kind: 'cli', argv: ['table', ...port], timeoutS: 240 * scale },
      { label: 'connectivity txt', kind: 'cli', argv: ['connectivity'], timeoutS: 150 * scale, targetMs: 10000, targetMiB: GiB2 },
      { label: 'connectivity json', kind: 'cli', argv: ['connectivity', '--format', 'json'], timeoutS: 150 * scale, targetMs: 10000, targetMiB: GiB2 },
      { label: 'check', kind: 'check', timeoutS: 240 * scale, targetMs: 50 },
      { label: 'plan, 3 busiest nodes', kind: 'plan', nodes: 'busiest', timeoutS: 240 * scale },
    ],
  },
  {
    label: '20k/2k', pods: 20000, policies: 2000, measurements: [
      { label: 'table --level groups, text', kind: 'cli', argv: ['table', ...port, '--level', 'groups'], timeoutS: 240 * scale, targetMs: 5000 },
    ],
  },
  {
    label: 'plan 100k/2k', pods: 100000, policies: 2000, measurements: [
      { label: 'plan, 3 busiest nodes', kind: 'plan', nodes: 'busiest', timeoutS: 240 * scale },
      { label: 'netsec plan (all nodes, files written)', kind: 'cli', argv: ['plan', '--out', OUT_DIR], timeoutS: 600 * scale, targetMs: 20000 },
    ],
  },
];
