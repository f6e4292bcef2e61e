import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { collectSynthWarnings } from '../../../lib/constructs/app/warnings';

/** A resource as synthesised (plain JSON). */
export type Manifest = { [key: string]: unknown };

/** A NetsecApp and one chart, for building constructs under test. */
export function newChart(): { app: NetsecApp; chart: Chart } {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written' });
  return { app, chart: new Chart(app, 'test') };
}

/**
 * Validates the whole app the way synth does (throws on any problem, writes nothing) and returns
 * the chart's manifests as plain JSON.
 */
export function synthChart(app: NetsecApp, chart: Chart): Manifest[] {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    app.synthFiles();
  } finally {
    stderr.mockRestore();
  }
  return chart.toJson() as Manifest[];
}

/** The synth warnings recorded in the app, as `<path>: <message>`. */
export function warningsOf(app: NetsecApp): string[] {
  return collectSynthWarnings(app);
}

/** `<kind>/<namespace>/<name>` of a manifest, for sorting and lookup. */
export function keyOf(m: Manifest): string {
  const meta = m.metadata as { name?: string; namespace?: string };
  return `${String(m.kind)}/${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

/** Manifests sorted by kind, namespace and name. */
export function sortManifests(ms: Manifest[]): Manifest[] {
  return [...ms].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
