// `netsec plan --manifests M... --cluster C --out DIR`: writes each node's plan, whole or not at all.
import { InputError } from '../../engine';
import { nodePlanFiles, planNodeNames } from '../../iptables/plan-files';
import { AtomicOutputDir } from '../../util/atomic-write';
import { defineCommand } from '../command';
import { loadModel } from './common';
import { parsePlanLayout } from '../../iptables/plan-layout';
import { CLUSTER, INPUT_FLAGS, INVENTORY_HELP, MANIFESTS, PLAN_LAYOUT } from './flags';

export const command = defineCommand({
  name: 'plan',
  about: `Renders, for each Node of the inventory, the iptables and ipset state Calico's Felix would
program, and writes DIR/<node>.iptables (iptables-restore input), DIR/<node>.ipsets (ipset
restore input) and DIR/<node>.endpoints.json (each workload and host endpoint on the node:
id, interface, IPs). DIR is replaced as a whole, or left as it was on any error.`,
  flags: [
    MANIFESTS,
    { ...CLUSTER, required: true, help: INVENTORY_HELP },
    { name: 'out', kind: 'single', value: 'DIR', required: true, help: 'output folder (created; replaced only if empty or written by netsec)' },
    PLAN_LAYOUT,
  ],
  inputFlags: INPUT_FLAGS,
  run(parsed, io) {
    const out = parsed.get('out');
    const layout = parsePlanLayout(parsed.get('plan-layout'), '--plan-layout');
    const model = loadModel(parsed, io);
    if (model.nodes.length === 0) {
      throw new InputError(`${parsed.get('cluster')}: the inventory has no Node: nothing to plan (add Node objects or WorkerNode constructs)`);
    }
    // each node's files are written as soon as they are rendered (memory holds one node's plan, not
    // all of them); the folder replaces DIR only once every node is written
    const dir = new AtomicOutputDir(out);
    let count = 0;
    try {
      for (const node of planNodeNames(model)) {
        for (const f of nodePlanFiles(model, node, '', { layout })) {
          dir.write(f);
          count++;
        }
      }
    } catch (e) {
      dir.abort();
      throw e;
    }
    dir.commit();
    io.stdout(`netsec plan: wrote ${count} files for ${model.nodes.length} node(s) to ${out}\n`);
    return 0;
  },
});
