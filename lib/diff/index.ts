// The semantic diff: which flows two sets of manifests decide differently, and why.
export { semanticDiff, ChangedFlow, DiffOptions, DiffResult } from './compare';
export { diffToJson, diffToMarkdown, diffToText } from './format';
export { FlowGroup } from './group';
export { EndpointGroup } from './groups';
export { PortKey, defaultPortKeys, parsePortList, portKeyText } from './ports';
export { DecidingPolicy } from './responsible';
