// The semantics engine: read inputs, convert Kubernetes policies, evaluate, explain, truth tables.
export { InputError } from './input/errors';
export {
  loadEngineInputs, parseEngineInputs, parseEngineDocuments, EngineDocument, EngineInputs, LoadOptions, ParseOptions, SourcedResource, TextSource,
} from './input/load';
export { expandManifestPaths, readTextFile } from './input/files';
export { InvalidDocument, ValidationError, invalidDocumentLine, invalidDocumentsOf } from './input/invalid';
export { ContainerPort, InventoryNamespace, InventoryPod, NodeInfo } from './input/inventory';
export { InventoryWorkload } from './input/workloads';
export { BackendSource, InputService, InputServicePort } from './input/services';
export { ServiceBackend } from './input/derive-endpoints';
export { ServiceIpPort, ServiceSetMembers } from './input/service-members';
export { findMatchedService } from './input/service-lookup';
export { ServiceTarget, namesService, resolveServiceTarget } from './service/target';
export { ExternalPathKind, ExternalTarget, findExternalTarget } from './service/external-target';
export { ExternalBackendPath, ExternalServiceVerdict, evaluateExternalServiceFlow } from './service/node-path';
export { explainExternalServiceJson, explainExternalServiceText } from './service/node-path-explain';
export { BackendVerdict, ServiceSummary, ServiceVerdict, evaluateServiceFlow } from './service/evaluate';
export { explainServiceJson, explainServiceText } from './service/explain';
export { convertK8sNetworkPolicy, ConversionResult } from '../model/convert';
export { renderConvertedPolicies } from './convert/render';
export { buildEngineModel, BuiltModel, BuiltTier, DEFAULT_TIER_ORDER } from './model/build';
export { namespaceSelectorText } from './model/compile-selector';
export { felixPolicyKind } from './model/order';
export * from './model/types';
export { modelRules } from './model/rules';
export { evaluateFlow, EvaluateOptions } from './evaluate/evaluate';
export { buildFlow, resolveParty, parseProtocol, protocolName, FlowSpec } from './evaluate/resolve';
export { Flow, FlowParty, FlowVerdict, DirectionTrace, StageTrace, TierTrace, PolicyTrace, ProfileTrace } from './evaluate/types';
export { explainText } from './explain/text';
export { explainJson } from './explain/json';
export { buildTruthTable, TruthTable, TruthTableOptions, TruthTableJson, ExternalAddress } from './table/truth-table';
export { GroupedTable, GroupVerdict, TableGroup } from './table/grouped';
export { checkFlow, CheckOptions } from './check';
export { httpMatchNote } from './evaluate/http-match';
export { PolicyChainKind, placedIn } from './evaluate/placement';
export { allInterfacesEndpoint, policingOf } from './evaluate/interfaces';
export { ICMPV6_FROM_WORKLOADS, IPIP_PROTOCOL } from './evaluate/workload-static';
export { allHostsNet, allVxlanNet } from './evaluate/tunnel-host';
