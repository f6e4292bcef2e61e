// Engine inputs from documents held as plain data (lint at synth), read exactly as
// parseEngineInputs reads a file holding them as one JSON array, without the YAML round trip.
import { EngineInputs, NodeInfo, SourcedResource } from '../engine';
import { InventoryNamespace, InventoryPod, isInventoryKind, parseInventoryItem } from '../engine/input/inventory';
import { parseResource } from '../model/parse';
import { isJsonData } from './json-data';

/** The documents of one source, in order; `file` names them in findings and errors. */
export interface DocumentSource {
  readonly file: string;
  readonly documents: readonly unknown[];
}

/**
 * What parseEngineInputs returns for `{ file, text: JSON.stringify(documents) }`: the documents go
 * through JSON (unless they already are plain JSON data) and all share document index 0, like the
 * items of a top-level array.
 */
export function engineInputsOfDocuments(sources: readonly DocumentSource[]): EngineInputs {
  const resources: SourcedResource[] = [];
  const namespaces: InventoryNamespace[] = [];
  const pods: InventoryPod[] = [];
  const nodes: NodeInfo[] = [];
  const notes: string[] = [];
  const index = 0;
  for (const { file, documents } of sources) {
    // documents that are plain JSON data are read as they are (parsing copies what it keeps)
    const items = documents.every((d) => isJsonData(d) && !isInventoryKind(d))
      ? documents : JSON.parse(JSON.stringify(documents)) as unknown[];
    for (const doc of items) {
      const location = `${file}#${index}`;
      if (isInventoryKind(doc)) {
        const item = parseInventoryItem(doc as { readonly [key: string]: unknown }, location);
        if (item.kind === 'Namespace') namespaces.push(item.value);
        else if (item.kind === 'Node') nodes.push(item.value);
        else pods.push(item.value);
        continue;
      }
      const resource = parseResource(doc, location);
      if (resource === undefined) {
        const d = doc as { readonly apiVersion?: unknown; readonly kind?: unknown };
        notes.push(`${location}: skipped ${String(d.apiVersion)}/${String(d.kind)} (not a kind the engine reads)`);
        continue;
      }
      resources.push({ resource, file, documentIndex: index });
    }
  }
  return { resources, namespaces, pods, nodes, notes };
}
