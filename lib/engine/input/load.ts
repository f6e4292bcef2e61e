// Reads manifests and a cluster inventory into the engine's inputs.
import { loadYamlDocuments, parseResource } from '../../model/parse';
import { NetsecResource } from '../../model/resources';
import { NodeInfo } from '../model/types';
import { expandManifestPaths, readTextFile } from './files';
import { InventoryNamespace, InventoryPod, isInventoryKind, parseInventoryItem } from './inventory';

/** A resource and where it was read. */
export interface SourcedResource {
  readonly resource: NetsecResource;
  readonly file: string;
  /** 0-based document index in the file. */
  readonly documentIndex: number;
}

/** Everything read from the manifests and the inventory. */
export interface EngineInputs {
  readonly resources: readonly SourcedResource[];
  readonly namespaces: readonly InventoryNamespace[];
  readonly pods: readonly InventoryPod[];
  readonly nodes: readonly NodeInfo[];
  /** Human-readable notes: skipped kinds, skipped pods. */
  readonly notes: readonly string[];
}

/** A file given as text (for tests and in-memory callers). */
export interface TextSource {
  readonly file: string;
  readonly text: string;
}

/** Options of loadEngineInputs. */
export interface LoadOptions {
  /** Manifest files or folders. */
  readonly manifests: readonly string[];
  /** The inventory file (`kubectl get namespaces,pods,nodes -o yaml`). @default - no inventory */
  readonly cluster?: string;
}

/** Reads the files and folders; throws ManifestError (file, document index, field) or InputError. */
export function loadEngineInputs(options: LoadOptions): EngineInputs {
  const files = expandManifestPaths(options.manifests);
  if (options.cluster !== undefined) files.push(...expandManifestPaths([options.cluster]));
  return parseEngineInputs(files.map((file) => ({ file, text: readTextFile(file) })));
}

/** A document already parsed into plain data (what JSON.parse or a YAML loader gives), with where it was read. */
export interface EngineDocument {
  /** The file (or other source) the document came from; names it in notes and errors. */
  readonly file: string;
  /** 0-based document index in the file (the items of a `kind: List` or a top-level array share it). */
  readonly documentIndex: number;
  /** The document: a manifest or an inventory item (v1 Namespace, Pod, Node). */
  readonly doc: unknown;
}

/** Parses already-read files. Any file may hold manifests or inventory items. */
export function parseEngineInputs(sources: readonly TextSource[]): EngineInputs {
  return readDocuments(documentsOfTexts(sources));
}

/** The documents of each file, one file at a time (a file's errors come before the next file is parsed). */
function* documentsOfTexts(sources: readonly TextSource[]): Generator<EngineDocument> {
  for (const { file, text } of sources) {
    for (const { index, doc } of loadYamlDocuments(text, file)) yield { file, documentIndex: index, doc };
  }
}

/**
 * Reads documents that are already plain data, without a text round trip: inventory items become
 * namespaces, pods and nodes, kinds the engine reads become resources, other kinds a note. Throws
 * ManifestError naming `<file>#<documentIndex>` and the field.
 */
export function parseEngineDocuments(documents: readonly EngineDocument[]): EngineInputs {
  return readDocuments(documents);
}

function readDocuments(documents: Iterable<EngineDocument>): EngineInputs {
  const resources: SourcedResource[] = [];
  const namespaces: InventoryNamespace[] = [];
  const pods: InventoryPod[] = [];
  const nodes: NodeInfo[] = [];
  const notes: string[] = [];
  for (const { file, documentIndex, doc } of documents) {
    const location = `${file}#${documentIndex}`;
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
    resources.push({ resource, file, documentIndex });
  }
  return { resources, namespaces, pods, nodes, notes };
}
