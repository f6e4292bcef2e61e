// The model's resource types: Kubernetes and Calico kinds as typed data, and the inventory annotations.
export * from './meta';
export * from './k8s';
export * from './calico';
export * from './inventory';
export * from './resource';
export * from './service';
export * from './admin-policy';
export * from './cluster-network-policy';
