// `netsec plan --manifests M... --cluster C --out DIR`: writes each node's plan, whole or not at all.
import { InputError } from '../../engine';
import { planFilesFromModel } from '../../iptables/plan-files';
import { writeOutputAtomically } from '../../util/atomic-write';
import { parseArgs, required } from '../args';
import { CliCommand, CliIo } from '../io';
import { FELIX_USAGE, loadModel } from './common';

const USAGE = `usage: netsec plan --manifests M... --cluster C --out DIR

Renders, for each Node of the inventory, the iptables and ipset state Calico's Felix would
program, and writes DIR/<node>.iptables (iptables-restore input), DIR/<node>.ipsets (ipset
restore input) and DIR/<node>.endpoints.json (each workload and host endpoint on the node:
id, interface, IPs). DIR is replaced as a whole, or left as it was on any error.

  --manifests M...   manifest files or folders
  --cluster C        inventory: kubectl get namespaces,pods,nodes -o yaml
  --out DIR          output folder (created; replaced only if empty or written by netsec)
${FELIX_USAGE}
`;

function run(args: readonly string[], io: CliIo): number {
  const parsed = parseArgs(args, { single: ['workload-pool', 'cluster', 'out'], multi: ['manifests', 'felix'] });
  const out = required(parsed, 'out');
  const model = loadModel(parsed, io, true);
  if (model.nodes.length === 0) {
    throw new InputError(`${required(parsed, 'cluster')}: the inventory has no Node: nothing to plan (add Node objects or WorkerNode constructs)`);
  }
  const files = planFilesFromModel(model);
  writeOutputAtomically(out, files);
  io.stdout(`netsec plan: wrote ${files.length} files for ${model.nodes.length} node(s) to ${out}\n`);
  return 0;
}

export const command: CliCommand = { usage: USAGE, run };
