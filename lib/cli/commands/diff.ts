// `netsec diff`: the pod-level flows whose verdict changes between two trees of manifests.
import { buildEngineModel } from '../../engine';
import { semanticDiff } from '../../diff/compare';
import { diffToJson, diffToMarkdown, diffToText } from '../../diff/format';
import { comparedIntervals } from '../../diff/classes';
import { defineCommand } from '../command';
import { progressFor } from '../progress';
import { portsOption, readInputs } from './common';
import { CLUSTER, INPUT_FLAGS, PORTS, formatFlag } from './flags';

export const command = defineCommand({
  name: 'diff',
  about: `Lists the pod-level flows whose verdict changes (opened, closed) between two sets of manifests,
grouped by source and destination group (same namespace and labels), with the policies that
decided before and after.`,
  flags: [
    { name: 'before', kind: 'multi', value: 'M...', required: true, help: 'manifests before the change (files, folders or synth output folders)' },
    { name: 'after', kind: 'multi', value: 'M...', required: true, help: 'manifests after the change (files, folders or synth output folders)' },
    CLUSTER,
    {
      ...PORTS,
      help: `what to compare, e.g. TCP/80,UDP/53,ICMP (default: every TCP, UDP and SCTP port, as
the intervals either side's policies, pods and Felix settings cut them into, and each
portless protocol either side names)`,
    },
    formatFlag(`text (default), json ({"opened":[{"from","to","protocol","port","toPort","policies"}],
"closed":[...]}) or markdown (for a pull-request comment)`, ['text', 'json', 'markdown']),
    { name: 'allow-opening', kind: 'switch', help: 'exit 0 even when flows open' },
  ],
  inputFlags: INPUT_FLAGS,
  column: 22,
  footer: 'Exit codes: 0 nothing opens (or --allow-opening), 1 at least one flow opens, 2 usage or input error.',
  run(parsed, io) {
    const format = parsed.get('format');
    const beforePaths = parsed.getList('before');
    const afterPaths = parsed.getList('after');
    const cluster = parsed.value('cluster');
    const requested = portsOption(parsed);
    const progress = progressFor(io, format === 'json');
    progress.start('netsec diff: reading manifests', 2);
    const before = buildEngineModel(readInputs(parsed, io, beforePaths, cluster));
    progress.tick();
    const after = buildEngineModel(readInputs(parsed, io, afterPaths, cluster));
    progress.tick();
    const result = semanticDiff(before, after, {
      ports: requested ?? comparedIntervals([before, after]), progress,
    });
    io.stdout(format === 'json' ? diffToJson(result)
      : format === 'markdown' ? diffToMarkdown(result, before.endpoints) : diffToText(result, before.endpoints));
    if (result.opened.length > 0 && !parsed.has('allow-opening')) {
      io.stderr(`netsec diff: ${result.opened.length} flow(s) open; pass --allow-opening to accept\n`);
      return 1;
    }
    return 0;
  },
});
