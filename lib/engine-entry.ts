// `cdk8s-netsec/engine`: the analysis API, TypeScript only (not compiled by jsii). The model's
// resource types and constants, the semantics engine, lint, the iptables plan, the semantic diff,
// the report and the connectivity map. The constructs are the package root (lib/index.ts).
export * from './model/resources';
export type { AppliedDefault } from './model/defaults';
export * from './engine';
export * from './lint';
export * from './iptables';
export * from './diff';
export * from './report';
export * from './connectivity';
