// The precomputed iptables plan: what Felix would program on each node.
export type { NodePlan, PlanEndpoint, PlanEndpoints } from './node-plan';
export { renderNodePlan, nodeEndpoints } from './node-plan';
export type { PlanFile } from './plan-files';
export { planFilesFromModel, renderPlanFiles } from './plan-files';
export type { PlanLayout, PlanOptions } from './plan-layout';
export { PLAN_LAYOUTS, DEFAULT_PLAN_LAYOUT, PlanLayoutError, parsePlanLayout } from './plan-layout';
