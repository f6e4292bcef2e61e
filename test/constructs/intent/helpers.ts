import { Chart, Testing } from 'cdk8s';

/** A fresh chart in a fresh app, id `test`. */
export function newChart(): Chart {
  return new Chart(Testing.app(), 'test');
}

/** The synthesised manifests of the chart, as plain objects. */
export function synth(chart: Chart): unknown[] {
  return Testing.synth(chart);
}

/** Runs `fn` and returns the message it throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected an error');
}
