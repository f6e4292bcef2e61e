export * from './external-traffic-policy';
export { ServicePortOptions } from './service-port';
export * from './node-port-service';
export * from './load-balancer-service';
