import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { constructValidationErrors } from '../../../lib/constructs/app/tree-validation';

/** A fresh chart in a fresh app, id `test`. */
export function newChart(): Chart {
  return new Chart(Testing.app(), 'test');
}

/** The synthesised manifests of the chart, as plain objects. */
export function synth(chart: Chart): unknown[] {
  return Testing.synth(chart);
}

/**
 * Runs `fn` (which builds a construct) and returns the problems it causes: what synth reports for
 * the construct's app (intents collect their errors there, issue 14), or else what `fn` throws.
 * Fails the test when there is neither.
 */
export function errorOf(fn: () => unknown): string {
  let made: unknown;
  try {
    made = fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (Construct.isConstruct(made)) {
    const problems = constructValidationErrors(made.node.root);
    if (problems.length > 0) return problems.join('\n');
  }
  throw new Error('expected an error');
}
