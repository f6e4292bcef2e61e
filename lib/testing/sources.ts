// Turns what a matcher receives (chart, app, manifests, paths) into manifest documents. Charts and
// apps are synthesised in memory; the matchers read only the resulting plain manifests.
import { Chart, Testing } from 'cdk8s';
import { EngineDocument, expandManifestPaths, readTextFile } from '../engine';
import { loadYamlDocuments } from '../model/parse';

const RECEIVED_ALLOWED = 'a cdk8s Chart or App, manifest objects, or manifest file/folder paths';

/** The documents of a text (YAML or JSON: documents, `kind: List` items and array items). */
function ofText(file: string, text: string): EngineDocument[] {
  return loadYamlDocuments(text, file).map(({ index, doc }) => ({ file, documentIndex: index, doc }));
}

function fromPaths(paths: readonly string[]): EngineDocument[] {
  return expandManifestPaths(paths).flatMap((file) => ofText(file, readTextFile(file)));
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
}

/** The manifests of the received value. */
export function manifestDocuments(received: unknown): EngineDocument[] {
  if (typeof received === 'string') return fromPaths([received]);
  if (isStringArray(received)) return fromPaths(received);
  if (Chart.isChart(received)) {
    // the chart's objects, read like the items of one JSON array (JSON drops undefined values)
    const file = `chart ${received.node.path || received.node.id}`;
    const objects = JSON.parse(JSON.stringify(Testing.synth(received))) as unknown[];
    return objects.map((doc) => ({ file, documentIndex: 0, doc }));
  }
  if (typeof received === 'object' && received !== null) {
    // a cdk8s App (NetsecApp included) synthesises every chart in memory
    const app = received as { readonly synthYaml?: unknown };
    if (typeof app.synthYaml === 'function') return ofText('app', String(app.synthYaml()));
    return ofText('manifests', JSON.stringify(received));
  }
  throw new Error(`netsec matcher: received ${JSON.stringify(received)}; allowed: ${RECEIVED_ALLOWED}`);
}

/** The inventory: a file path, a list of Namespace/Pod/Node objects, or a `kind: List`. */
export function inventoryDocuments(inventory: unknown): EngineDocument[] {
  if (inventory === undefined) return [];
  if (typeof inventory === 'string') return ofText(inventory, readTextFile(inventory));
  if (typeof inventory === 'object' && inventory !== null) return ofText('inventory', JSON.stringify(inventory));
  throw new Error(`netsec matcher: inventory ${JSON.stringify(inventory)}; allowed: a file path or inventory objects (Namespace, Pod, Node, or a List)`);
}
