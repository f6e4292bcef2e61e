// A `netsec plan` helper thread (plan-jobs.ts): reads the inputs, renders the nodes it claims, writes
// their files into the output's temporary folder and reports the paths and the node list it saw.
import { parentPort, workerData } from 'worker_threads';
import { buildEngineModel, loadEngineInputs } from '../engine';
import { planNodeNames } from '../iptables/plan-files';
import { writePartial } from '../util/atomic-write';
import { PlanJob, PlanJobResult, renderClaimedNodes, startClaiming } from './plan-jobs';

function run(job: PlanJob): PlanJobResult {
  try {
    const model = buildEngineModel(loadEngineInputs(job.load));
    const nodes = planNodeNames(model);
    const counter = new Int32Array(job.counter);
    const paths: string[] = [];
    if (!startClaiming(counter, job.slot)) return { kind: 'done', paths, nodes };
    renderClaimedNodes(model, nodes, counter, job.layout, (f) => {
      writePartial(job.temporary, f);
      paths.push(f.path);
    });
    return { kind: 'done', paths, nodes };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.postMessage(run(workerData as PlanJob));
