// Turns what a matcher receives (chart, app, manifests, paths) into manifest texts. Charts and apps
// are synthesised in memory; the matchers read only the resulting plain manifests.
import { Chart, Testing } from 'cdk8s';
import { TextSource } from '../engine';
import { expandManifestPaths, readTextFile } from '../engine/input/files';

const RECEIVED_ALLOWED = 'a cdk8s Chart or App, manifest objects, or manifest file/folder paths';

function fromPaths(paths: readonly string[]): TextSource[] {
  return expandManifestPaths(paths).map((file) => ({ file, text: readTextFile(file) }));
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
}

/** The manifests of the received value. */
export function manifestSources(received: unknown): TextSource[] {
  if (typeof received === 'string') return fromPaths([received]);
  if (isStringArray(received)) return fromPaths(received);
  if (Chart.isChart(received)) return [{ file: `chart ${received.node.path || received.node.id}`, text: JSON.stringify(Testing.synth(received)) }];
  if (typeof received === 'object' && received !== null) {
    // a cdk8s App (NetsecApp included) synthesises every chart in memory
    const app = received as { readonly synthYaml?: unknown };
    if (typeof app.synthYaml === 'function') return [{ file: 'app', text: String(app.synthYaml()) }];
    return [{ file: 'manifests', text: JSON.stringify(received) }];
  }
  throw new Error(`netsec matcher: received ${JSON.stringify(received)}; allowed: ${RECEIVED_ALLOWED}`);
}

/** The inventory: a file path, a list of Namespace/Pod/Node objects, or a `kind: List`. */
export function inventorySource(inventory: unknown): TextSource | undefined {
  if (inventory === undefined) return undefined;
  if (typeof inventory === 'string') return { file: inventory, text: readTextFile(inventory) };
  if (typeof inventory === 'object' && inventory !== null) return { file: 'inventory', text: JSON.stringify(inventory) };
  throw new Error(`netsec matcher: inventory ${JSON.stringify(inventory)}; allowed: a file path or inventory objects (Namespace, Pod, Node, or a List)`);
}
