// Synthesises the tenants guardrails example (examples/guardrails-tenants/) in memory; its YAML
// output files as the engine and the verify harness read them.
import { NetsecApp } from '../../lib/app';
import { SynthOutputFile } from '../../lib/constructs/app/output-provider';
import { TextSource } from '../../lib/engine';
import { buildTenants } from '../../examples/guardrails-tenants/tenants';

/** The example's output files (nothing written). */
export function synthTenants(): SynthOutputFile[] {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written' });
  buildTenants(app);
  return app.synthFiles();
}

/** The YAML files of the output, as text sources. */
export function tenantsSources(files: readonly SynthOutputFile[]): TextSource[] {
  return files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }));
}
