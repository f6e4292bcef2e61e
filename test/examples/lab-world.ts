// Synthesises the IBM Cloud lab in memory and builds the engine model from its output files only.
import { NetsecApp } from '../../lib/app';
import { SynthOutputFile } from '../../lib/constructs/app/output-provider';
import { BuiltModel, FlowVerdict, buildEngineModel, buildFlow, evaluateFlow, parseEngineInputs } from '../../lib/engine';
import { buildLab } from '../../examples/ibm-lab/lab';

/** The lab's output files, synthesised in memory (nothing written), and the warnings printed. */
export function synthLab(): { files: SynthOutputFile[]; stderr: string } {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written' });
  buildLab(app);
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { files: app.synthFiles(), stderr };
  } finally {
    spy.mockRestore();
  }
}

/** The engine model of the YAML files of the output, read back as text (as `netsec check` reads dist/). */
export function labModel(files: readonly SynthOutputFile[]): BuiltModel {
  return buildEngineModel(parseEngineInputs(files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }))));
}

/** Evaluates one new connection. */
export function flow(model: BuiltModel, from: string, to: string, protocol: string, port?: number): FlowVerdict {
  return evaluateFlow(model, buildFlow(model, { from, to, protocol, port }));
}

/** `<direction>:<policy>:<action>` for every policy whose rule decided at some stage of the verdict. */
export function decidingPolicies(v: FlowVerdict): string[] {
  const out: string[] = [];
  for (const side of [v.egress, v.ingress]) {
    for (const stage of side.stages) {
      for (const tier of stage.tiers) {
        for (const p of tier.policies) {
          if (p.action !== undefined && p.matchedRule !== undefined) out.push(`${side.direction}:${p.policy}:${p.action}`);
        }
      }
    }
  }
  return out;
}
