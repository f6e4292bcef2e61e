// Real-kernel verification of the rendered iptables plans (used by the tests and `netsec verify`).
export { verifyCluster, formatClusterReport, VerifyOptions, ClusterVerifyReport } from './verify';
export { NodeVerifyReport, ProbeComparison, ProbeVerdict, FlowJudge, formatNodeReport } from './compare';
export { ProbeFlow, Station, PortPlan, FlowOptions, ServiceProbe, ListenStation } from './flows';
export { ProbeOptions } from './probe';
export { PlanText, PlanLoadError } from './load';
export { UnsafeAddressError, isDocumentationAddress } from './addresses';
export { TopologySpec, WorkloadSpec, LinkSpec } from './topology';
export { runNodeVerification, NodeVerification } from './run';
export { generateScenario, scenarioSources, RandomScenario } from './scenario/generate';
