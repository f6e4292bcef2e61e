// `netsec plan --manifests M... --cluster C --out DIR`: writes each node's plan, whole or not at all.
import * as fs from 'fs';
import * as path from 'path';
import { buildEngineModel } from '../../engine/model/build';
import { loadEngineInputs } from '../../engine/input/load';
import { planFilesFromModel } from '../../iptables/plan-files';

export const PLAN_USAGE = 'usage: netsec plan --manifests <file|dir>... --cluster <inventory.yaml> --out <dir>';

interface PlanArgs {
  readonly manifests: string[];
  readonly cluster: string;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): PlanArgs {
  const manifests: string[] = [];
  let cluster: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--manifests') {
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) manifests.push(argv[++i]);
    } else if (a === '--cluster') cluster = argv[++i];
    else if (a === '--out') out = argv[++i];
    else throw new Error(`netsec plan: unknown argument ${JSON.stringify(a)}; ${PLAN_USAGE}`);
  }
  if (manifests.length === 0) throw new Error(`netsec plan: --manifests needs at least one file or folder; ${PLAN_USAGE}`);
  if (!cluster) throw new Error(`netsec plan: --cluster <inventory.yaml> is required; ${PLAN_USAGE}`);
  if (!out) throw new Error(`netsec plan: --out <dir> is required; ${PLAN_USAGE}`);
  return { manifests, cluster, out };
}

/** Writes the files into a fresh sibling folder, then swaps it in place of `out`. */
export function writeWhole(out: string, files: readonly { readonly path: string; readonly content: string }[]): void {
  const parent = path.dirname(path.resolve(out));
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.tmp-`));
  try {
    for (const f of files) {
      const target = path.join(tmp, f.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
    }
    let old: string | undefined;
    if (fs.existsSync(out)) {
      old = `${tmp}.old`;
      fs.renameSync(out, old);
    }
    fs.renameSync(tmp, out);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Runs the command; returns the exit code (0 ok, 1 bad input), messages on stdout/stderr. */
export async function runPlanCommand(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const model = buildEngineModel(loadEngineInputs({ manifests: args.manifests, cluster: args.cluster }));
    const files = planFilesFromModel(model);
    writeWhole(args.out, files);
    process.stdout.write(`netsec plan: wrote ${files.length} files for ${model.nodes.length} node(s) to ${args.out}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
