// `netsec plan --manifests M... --cluster C --out DIR`: writes each node's plan, whole or not at all.
import { InputError } from '../../engine';
import { planNodeNames } from '../../iptables/plan-files';
import { AtomicOutputDir } from '../../util/atomic-write';
import { defineCommand } from '../command';
import { PlanHelper, cancelIfLoading, planJobCount, renderClaimedNodes, startPlanHelper } from '../plan-jobs';
import { loadModel, loadOptions } from './common';
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
    {
      name: 'jobs', kind: 'single', value: 'N', default: 'auto',
      help: 'threads that render nodes: a number from 1 to 64, or auto (one per core, at most 4;\n'
        + 'one for fewer than 32 nodes); each thread reads the inputs itself; the files are\n'
        + 'the same for any number (default auto)',
    },
  ],
  inputFlags: INPUT_FLAGS,
  async run(parsed, io) {
    const out = parsed.get('out');
    const layout = parsePlanLayout(parsed.get('plan-layout'), '--plan-layout');
    const jobsText = parsed.get('jobs');
    // a bad --jobs is a usage error before the (possibly long) read of the inputs
    planJobCount(jobsText, 0);
    const model = loadModel(parsed, io);
    if (model.nodes.length === 0) {
      throw new InputError(`${parsed.get('cluster')}: the inventory has no Node: nothing to plan (add Node objects or WorkerNode constructs)`);
    }
    const nodes = planNodeNames(model);
    const jobs = planJobCount(jobsText, nodes.length);
    // each node's files are written as soon as they are rendered (memory holds one node's plan, not
    // all of them); the folder replaces DIR only once every node is written
    const dir = new AtomicOutputDir(out);
    const counter = new Int32Array(new SharedArrayBuffer(4 * jobs));
    const helpers: PlanHelper[] = [];
    try {
      const load = loadOptions(parsed, parsed.getList('manifests'), parsed.value('cluster'));
      for (let slot = 1; slot < jobs; slot++) {
        helpers.push(startPlanHelper({ load, layout, temporary: dir.temporary, counter: counter.buffer as SharedArrayBuffer, slot }));
      }
      renderClaimedNodes(model, nodes, counter, layout, (f) => dir.write(f));
      for (const [k, h] of helpers.entries()) {
        if (cancelIfLoading(counter, k + 1)) {
          await h.stop();
          continue;
        }
        const r = await h.result;
        if (r.kind === 'error') throw new Error(`plan helper thread: ${r.message}`);
        if (r.nodes.join('\n') !== nodes.join('\n')) {
          throw new InputError('the inputs changed while the plan was written (a helper thread read other nodes): run netsec plan again');
        }
        dir.adopt(r.paths);
      }
    } catch (e) {
      await Promise.all(helpers.map((h) => h.stop()));
      dir.abort();
      throw e;
    }
    dir.commit();
    io.stdout(`netsec plan: wrote ${dir.count} files for ${model.nodes.length} node(s) to ${out}\n`);
    return 0;
  },
});
