// The semantics engine: read inputs, convert Kubernetes policies, evaluate, explain, truth tables.
export { InputError } from './input/errors';
export {
  loadEngineInputs, parseEngineInputs, parseEngineDocuments, EngineDocument, EngineInputs, LoadOptions, SourcedResource, TextSource,
} from './input/load';
export { expandManifestPaths, readTextFile } from './input/files';
export { InvalidDocument, ValidationError, invalidDocumentLine, invalidDocumentsOf } from './input/invalid';
export { ContainerPort, InventoryNamespace, InventoryPod } from './input/inventory';
export { convertK8sNetworkPolicy, ConversionResult, K8S_POLICY_PREFIX, K8S_POLICY_ORDER } from './convert/policy';
export { simplifyPorts } from './convert/simplify-ports';
export { namespaceProfile, namespaceProfileLabels } from './convert/profile';
export { renderConvertedPolicies } from './convert/render';
export { buildEngineModel, BuiltModel, BuiltTier, DEFAULT_TIER_ORDER } from './model/build';
export { vethNameForWorkload } from './model/veth';
export { namespaceSelectorText } from './model/compile-selector';
export * from './model/types';
export { evaluateFlow, EvaluateOptions } from './evaluate/evaluate';
export { buildFlow, resolveParty, parseProtocol, protocolName, FlowSpec, PROTOCOL_CHOICES } from './evaluate/resolve';
export { Flow, FlowParty, FlowVerdict, DirectionTrace, StageTrace, TierTrace, PolicyTrace, ProfileTrace } from './evaluate/types';
export { explainText } from './explain/text';
export { explainJson } from './explain/json';
export { buildTruthTable, TruthTable, TruthTableOptions, TruthTableJson, ExternalAddress } from './table/truth-table';
export { checkFlow, CheckOptions } from './check';
export { httpMatchNote } from './evaluate/http-match';
