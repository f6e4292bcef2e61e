// The precomputed iptables plan: what Felix would program on each node.
export type { NodePlan, PlanEndpoint, PlanEndpoints } from './node-plan';
export { renderNodePlan, nodeEndpoints } from './node-plan';
export type { PlanFile } from './plan-files';
export { planFilesFromModel, renderPlanFiles } from './plan-files';
export { lengthLimitedId, policyId, MAX_CHAIN_NAME_LENGTH } from './names';
export type { PortRange } from './ports';
export { splitPortList } from './ports';
export type { MarkBits } from './marks';
export { DEFAULT_MARKS, allocateMarks } from './marks';
