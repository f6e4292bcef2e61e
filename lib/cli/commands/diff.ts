// `netsec diff`: the pod-level flows whose verdict changes between two trees of manifests.
import { buildEngineModel } from '../../engine';
import { semanticDiff } from '../../diff/compare';
import { diffToJson, diffToMarkdown, diffToText } from '../../diff/format';
import { defaultPortKeys } from '../../diff/ports';
import { choice, parseArgs, requiredList } from '../args';
import { CliCommand, CliIo } from '../io';
import { progressFor } from '../progress';
import { FELIX_USAGE, portsOption, readInputs } from './common';

const USAGE = `usage: netsec diff --before M... --after M... [--cluster C] [--ports P,...]
                   [--format text|json|markdown] [--allow-opening]

Lists the pod-level flows whose verdict changes (opened, closed) between two sets of manifests,
grouped by source and destination group (same namespace and labels), with the policies that
decided before and after.

  --before M...       manifests before the change (files, folders or synth output folders)
  --after M...        manifests after the change (files, folders or synth output folders)
  --cluster C         inventory: kubectl get namespaces,pods,nodes -o yaml (without one, or
                      when it has no pods: one pod per workload manifest)
  --ports P,...       what to compare, e.g. TCP/80,UDP/53,ICMP (default: every port and protocol
                      that either side's policies or the container ports of the inventory's pods name)
  --format F          text (default), json ({"opened":[{"from","to","protocol","port","policies"}],
                      "closed":[...]}) or markdown (for a pull-request comment)
  --allow-opening     exit 0 even when flows open
${FELIX_USAGE}

Exit codes: 0 nothing opens (or --allow-opening), 1 at least one flow opens, 2 usage or input error.
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, { single: ['workload-pool', 'cluster', 'ports', 'format'], multi: ['before', 'after', 'felix'], switches: ['allow-opening'] });
  const format = choice(parsed, 'format', ['text', 'json', 'markdown'], 'text');
  const beforePaths = requiredList(parsed, 'before');
  const afterPaths = requiredList(parsed, 'after');
  const cluster = parsed.values.get('cluster');
  const requested = portsOption(parsed);
  const progress = progressFor(io, format === 'json');
  progress.start('netsec diff: reading manifests', 2);
  const before = buildEngineModel(readInputs(parsed, io, beforePaths, cluster));
  progress.tick();
  const after = buildEngineModel(readInputs(parsed, io, afterPaths, cluster));
  progress.tick();
  const result = semanticDiff(before, after, {
    ports: requested ?? defaultPortKeys([before, after]), progress,
  });
  io.stdout(format === 'json' ? diffToJson(result)
    : format === 'markdown' ? diffToMarkdown(result, before.endpoints) : diffToText(result, before.endpoints));
  if (result.opened.length > 0 && !parsed.switches.has('allow-opening')) {
    io.stderr(`netsec diff: ${result.opened.length} flow(s) open; pass --allow-opening to accept\n`);
    return 1;
  }
  return 0;
}

export const command: CliCommand = { usage: USAGE, run };
