// The package entry of cdk8s-netsec: a list of `export *` lines, one per public module.
export * from './model/resources';
export * from './constructs';
// The construct classes win over the model's interfaces of the same names (the interfaces are
// still reachable through the spec types, e.g. `CalicoNetworkPolicy.toResource()`).
export { CalicoNetworkPolicy, LabelSelector } from './constructs';
export * from './engine';
export * from './lint';
export * from './iptables';
