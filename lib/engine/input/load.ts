// Reads manifests and a cluster inventory into the engine's inputs.
import { AppliedDefault, applyDefaults, applyServiceDefaults } from '../../model/defaults';
import { ManifestError, isServiceKind, loadYamlDocuments, parseResource, parseServiceResource } from '../../model/parse';
import { parseFelixEnv } from '../../model/felix';
import { CALICO_API_VERSION, FelixConfigurationSpec, NetsecResource } from '../../model/resources';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../../model/calico-version';
import { validateResource, validateServiceResource } from '../../model/validate';
import { expandManifestPaths, readTextFile } from './files';
import { InvalidDocument, ValidationError, invalidFromIssues, invalidFromManifestError, throwInvalid } from './invalid';
import { derivePodsFromWorkloads } from './derive-pods';
import { InventoryNamespace, InventoryPod, InventoryServiceAccount, NodeInfo, isInventoryKind, parseInventoryItem } from './inventory';
import { missingServiceAccountNotes, unknownServiceAccountLabels } from './service-accounts';
import { InventoryWorkload, isWorkloadKind, parseWorkload, workloadKindOf } from './workloads';
import { InputService, SourcedServiceResource, buildServices } from './services';
import { isObservedService, mergeObservedServices } from './observed-services';
import { DefinitionRegistry, objectIdentity } from './duplicates';

/** A resource and where it was read. */
export interface SourcedResource {
  /** The resource with the API servers' defaults filled in. */
  readonly resource: NetsecResource;
  /** The defaults that were filled in (empty when the document set everything). */
  readonly defaults: readonly AppliedDefault[];
  readonly file: string;
  /** 0-based document index in the file. */
  readonly documentIndex: number;
}

/** Everything read from the manifests and the inventory. */
export interface EngineInputs {
  readonly resources: readonly SourcedResource[];
  readonly namespaces: readonly InventoryNamespace[];
  /** Pods of the inventory, or (when it has none) one derived from each workload. */
  readonly pods: readonly InventoryPod[];
  /** The workload manifests read (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob). */
  readonly workloads: readonly InventoryWorkload[];
  readonly nodes: readonly NodeInfo[];
  /**
   * The v1 ServiceAccounts read: their labels are what service account selectors match.
   * @default - none (then only each account's projectcalico.org/name is known)
   */
  readonly serviceAccounts?: readonly InventoryServiceAccount[];
  /**
   * The v1 Services with, per port, the backends kube-proxy would DNAT to (from EndpointSlices, v1
   * Endpoints, or derived from the selector over the pods). @default - none
   */
  readonly services?: readonly InputService[];
  /** Human-readable notes: skipped kinds, skipped pods. */
  readonly notes: readonly string[];
  /** Files that were read but hold no Kubernetes object (skipped), one line each. */
  readonly warnings: readonly string[];
  /** Felix settings given as calico-node's environment would; they win over FelixConfiguration. @default - none */
  readonly felixOverrides?: FelixConfigurationSpec;
  /** The Calico release whose conversion, ordering and chain names the model and plan follow. @default DEFAULT_CALICO_VERSION (3.32) */
  readonly calicoVersion?: CalicoVersion;
}

/** A file given as text (for tests and in-memory callers). */
export interface TextSource {
  readonly file: string;
  readonly text: string;
}

/** Options of loadEngineInputs. */
export interface LoadOptions extends ParseOptions {
  /** Manifest files or folders. */
  readonly manifests: readonly string[];
  /** The inventory file (`kubectl get namespaces,pods,nodes -o yaml`, plus `kubectl get serviceaccounts -A -o yaml`). @default - no inventory */
  readonly cluster?: string;
}

/** Reads the files and folders; throws ManifestError (file, document index, field) or InputError. */
export function loadEngineInputs(options: LoadOptions): EngineInputs {
  const files = expandManifestPaths(options.manifests);
  if (options.cluster !== undefined) files.push(...expandManifestPaths([options.cluster]));
  return parseEngineInputs(files.map((file) => ({ file, text: readTextFile(file) })), options);
}

/** Options of parseEngineInputs and parseEngineDocuments. */
export interface ParseOptions {
  /** Felix settings as `KEY=VALUE`, as calico-node's environment sets them. @default - none */
  readonly felix?: readonly string[];
  /**
   * The IPv4 pool for pods derived from workload manifests when the inputs hold no pods.
   * @default - the first of 198.18.0.0/15 and 100.64.0.0/10 that no policy names
   */
  readonly workloadPool?: string;
  /**
   * The Calico release to follow where releases differ: the conversion of Kubernetes policies and
   * of the admin policy kinds (which kinds convert, into which tiers), the equal-order tie-break and
   * chain names. @default DEFAULT_CALICO_VERSION (3.32)
   */
  readonly calicoVersion?: CalicoVersion;
}

/** A Service, EndpointSlice or Endpoints by kind, namespace and name; an inventory copy of a Service is its own object (merged with its manifest later). */
function serviceIdentity(r: SourcedServiceResource['resource']): string {
  const copy = r.kind === 'Service' && isObservedService(r) ? ' (inventory copy)' : '';
  return objectIdentity(r.apiVersion, r.kind, r.metadata.name, r.metadata.namespace ?? 'default') + copy;
}

/** The `--felix` entries as FelixConfiguration fields, checked by the FelixConfiguration validator. */
function felixOverrides(entries: readonly string[] | undefined): FelixConfigurationSpec | undefined {
  if (entries === undefined || entries.length === 0) return undefined;
  const spec = parseFelixEnv(entries);
  const issues = validateResource({ apiVersion: CALICO_API_VERSION, kind: 'FelixConfiguration', metadata: { name: 'default' }, spec });
  if (issues.length > 0) throw new ValidationError([invalidFromIssues('--felix', issues)]);
  return spec;
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
export function parseEngineInputs(sources: readonly TextSource[], options: ParseOptions = {}): EngineInputs {
  const warnings: string[] = [];
  const invalid: InvalidDocument[] = [];
  return readDocuments(documentsOfTexts(sources, warnings, invalid), warnings, invalid, options);
}

/** True for a document that has neither apiVersion nor kind: not meant as a Kubernetes object. */
function isNotAnObject(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null) return true;
  const d = doc as { readonly apiVersion?: unknown; readonly kind?: unknown };
  return d.apiVersion === undefined && d.kind === undefined;
}

/**
 * The documents of each file, one file at a time (a file's errors come before the next file is
 * parsed). A file none of whose documents is a Kubernetes object (our own `.endpoints.json`, a
 * JSON array of expected results) is skipped with a warning.
 */
function* documentsOfTexts(sources: readonly TextSource[], warnings: string[], invalid: InvalidDocument[]): Generator<EngineDocument> {
  for (const { file, text } of sources) {
    let docs: ReturnType<typeof loadYamlDocuments>;
    try {
      docs = loadYamlDocuments(text, file);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      invalid.push(invalidFromManifestError(e));
      continue;
    }
    if (docs.length > 0 && docs.every((d) => isNotAnObject(d.doc))) {
      warnings.push(`${file}: skipped: not a Kubernetes manifest (no document has apiVersion and kind)`);
      continue;
    }
    for (const { index, doc } of docs) yield { file, documentIndex: index, doc };
  }
}

/**
 * Reads documents that are already plain data, without a text round trip: inventory items become
 * namespaces, pods and nodes, kinds the engine reads become resources, other kinds a note. Throws
 * ManifestError naming `<file>#<documentIndex>` and the field.
 */
export function parseEngineDocuments(documents: readonly EngineDocument[], options: ParseOptions = {}): EngineInputs {
  return readDocuments(documents, [], [], options);
}

/**
 * Reads documents: inventory items, then every resource parsed, defaulted as the API servers
 * would and validated. All invalid documents are reported together (ValidationError), never skipped.
 */
function readDocuments(
  documents: Iterable<EngineDocument>, warnings: readonly string[], invalid: InvalidDocument[], options: ParseOptions,
): EngineInputs {
  const felix = felixOverrides(options.felix);
  const workloads: InventoryWorkload[] = [];
  const resources: SourcedResource[] = [];
  const namespaces: InventoryNamespace[] = [];
  const pods: InventoryPod[] = [];
  const nodes: NodeInfo[] = [];
  const serviceAccounts: InventoryServiceAccount[] = [];
  const resourceLocations: { readonly resource: NetsecResource; readonly location: string }[] = [];
  const notes: string[] = [];
  const serviceResources: SourcedServiceResource[] = [];
  const definitions = new DefinitionRegistry(invalid, notes);
  for (const { file, documentIndex, doc } of documents) {
    const location = `${file}#${documentIndex}`;
    const apiVersion = String((doc as { readonly apiVersion?: unknown }).apiVersion);
    let resource: NetsecResource | undefined;
    try {
      if (isWorkloadKind(doc)) {
        const workload = parseWorkload(doc as { readonly [key: string]: unknown }, location);
        if (workload === undefined) notes.push(`${location}: skipped ${workloadKindOf(doc)}: no pod template to derive a pod from`);
        else if (definitions.admit(objectIdentity(apiVersion, workload.kind, workload.name, workload.namespace), workload, location)) workloads.push(workload);
        continue;
      }
      if (isServiceKind(doc)) {
        const defaulted = applyServiceDefaults(parseServiceResource(doc as { readonly [key: string]: unknown }, location)).resource;
        const issues = validateServiceResource(defaulted);
        if (issues.length > 0) invalid.push(invalidFromIssues(location, issues));
        else if (definitions.admit(serviceIdentity(defaulted), defaulted, location)) serviceResources.push({ resource: defaulted, location });
        continue;
      }
      if (isInventoryKind(doc)) {
        const item = parseInventoryItem(doc as { readonly [key: string]: unknown }, location);
        const namespace = item.kind === 'Pod' || item.kind === 'ServiceAccount' ? item.value.namespace : undefined;
        if (!definitions.admit(objectIdentity(apiVersion, item.kind, item.value.name, namespace), item.value, location)) continue;
        if (item.kind === 'Namespace') namespaces.push(item.value);
        else if (item.kind === 'Node') nodes.push(item.value);
        else if (item.kind === 'ServiceAccount') serviceAccounts.push(item.value);
        else pods.push(item.value);
        continue;
      }
      resource = parseResource(doc, location);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      invalid.push(invalidFromManifestError(e));
      continue;
    }
    if (resource === undefined) {
      const d = doc as { readonly apiVersion?: unknown; readonly kind?: unknown };
      notes.push(`${location}: skipped ${String(d.apiVersion)}/${String(d.kind)} (not a kind the engine reads)`);
      continue;
    }
    const defaulted = applyDefaults(resource);
    const issues = validateResource(defaulted.resource);
    if (issues.length > 0) {
      invalid.push(invalidFromIssues(location, issues));
      continue;
    }
    const meta = defaulted.resource.metadata;
    if (!definitions.admit(objectIdentity(defaulted.resource.apiVersion, defaulted.resource.kind, meta.name, meta.namespace), defaulted.resource, location)) continue;
    resources.push({ resource: defaulted.resource, defaults: defaulted.defaults, file, documentIndex });
    resourceLocations.push({ resource: defaulted.resource, location });
  }
  const mergedServices = mergeObservedServices(serviceResources, invalid);
  throwInvalid(invalid);
  if (pods.length === 0 && workloads.length > 0) {
    const derived = derivePodsFromWorkloads(workloads, resources.map((r) => r.resource), namespaces, options.workloadPool);
    pods.push(...derived.pods);
    namespaces.push(...derived.namespaces);
    notes.push(derived.note);
  }
  throwInvalid(unknownServiceAccountLabels(resourceLocations, serviceAccounts, pods));
  notes.push(...missingServiceAccountNotes(serviceAccounts, pods));
  const services = buildServices(mergedServices, pods);
  return { resources, namespaces, pods, nodes, ...(serviceAccounts.length > 0 ? { serviceAccounts } : {}), ...(services.length > 0 ? { services } : {}), notes, warnings, workloads, ...(felix ? { felixOverrides: felix } : {}), calicoVersion: options.calicoVersion ?? DEFAULT_CALICO_VERSION };
}
