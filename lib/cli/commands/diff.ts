// `netsec diff --before DIR --after DIR --cluster C [--ports P,...] [--format text|json|markdown] [--allow-opening]`.
import { buildEngineModel } from '../../engine/model/build';
import { loadEngineInputs } from '../../engine/input/load';
import { semanticDiff } from '../../diff/compare';
import { inventoryContainerPorts } from '../../diff/container-ports';
import { diffToJson, diffToMarkdown, diffToText } from '../../diff/format';
import { PortKey, defaultPortKeys, parsePortList } from '../../diff/ports';
import { Progress } from '../progress';

const DIFF_USAGE = 'usage: netsec diff --before <file|dir> --after <file|dir> --cluster <inventory.yaml> '
  + '[--ports TCP/80,UDP/53,...] [--format text|json|markdown] [--allow-opening]';
const FORMATS = ['text', 'json', 'markdown'];

interface DiffArgs {
  readonly before: string;
  readonly after: string;
  readonly cluster: string;
  readonly ports?: PortKey[];
  readonly format: string;
  readonly allowOpening: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): DiffArgs {
  const values = new Map<string, string>();
  let allowOpening = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--allow-opening') {
      allowOpening = true;
    } else if (['--before', '--after', '--cluster', '--ports', '--format'].includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`netsec diff: ${a} needs a value; ${DIFF_USAGE}`);
      values.set(a, v);
      i++;
    } else {
      throw new UsageError(`netsec diff: unknown argument ${JSON.stringify(a)}; ${DIFF_USAGE}`);
    }
  }
  for (const required of ['--before', '--after', '--cluster']) {
    if (!values.has(required)) throw new UsageError(`netsec diff: ${required} is required; ${DIFF_USAGE}`);
  }
  const format = values.get('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`netsec diff: --format ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`);
  const portsText = values.get('--ports');
  let ports: PortKey[] | undefined;
  try {
    ports = portsText === undefined ? undefined : parsePortList(portsText);
  } catch (e) {
    throw new UsageError(`netsec diff: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    before: values.get('--before') ?? '', after: values.get('--after') ?? '', cluster: values.get('--cluster') ?? '',
    ports, format, allowOpening,
  };
}

/**
 * Runs the command. Exit code: 1 when a flow opens (unless --allow-opening), 2 on usage or input
 * errors, else 0. The report goes to stdout, errors and progress to stderr.
 */
export async function runDiffCommand(argv: string[]): Promise<number> {
  let args: DiffArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let output: string;
  let opened: number;
  try {
    const before = buildEngineModel(loadEngineInputs({ manifests: [args.before], cluster: args.cluster }));
    const after = buildEngineModel(loadEngineInputs({ manifests: [args.after], cluster: args.cluster }));
    const ports = args.ports ?? defaultPortKeys([before, after], inventoryContainerPorts([args.cluster]));
    const progress = new Progress({ json: args.format === 'json' });
    const result = semanticDiff(before, after, { ports, progress });
    opened = result.opened.length;
    output = args.format === 'json' ? diffToJson(result)
      : args.format === 'markdown' ? diffToMarkdown(result, before.endpoints) : diffToText(result, before.endpoints);
  } catch (e) {
    process.stderr.write(`netsec diff: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stdout.write(output);
  if (opened > 0 && !args.allowOpening) {
    process.stderr.write(`netsec diff: ${opened} flow(s) open; pass --allow-opening to accept\n`);
    return 1;
  }
  return 0;
}
