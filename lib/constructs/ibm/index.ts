export * from './worker-node';
export * from './generation';
export * from './felix-failsafe';
export * from './worker-node-defaults';
export * from './region-facts';
export { IbmRegion } from './region';
export * from './ibm-public-network-isolation';
export * from './ibm-private-network-isolation';
