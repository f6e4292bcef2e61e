// The package entry of cdk8s-netsec: a list of `export *` lines, one per public module.
export * from './model/resources';
export * from './constructs';
// The construct class wins over the model's resource interface of the same name (the interface is
// still reachable as the return type of `CalicoNetworkPolicy.toResource()`).
export { CalicoNetworkPolicy } from './constructs';
