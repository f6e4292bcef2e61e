import { CalicoRule } from '../../../model/resources';
import { SEL_PODS } from '../roles';
import { PolicyTemplate, allow, allowUdpTcp, gnp, ports } from '../rules';
import { LOCAL_PROXY_NET, LOCAL_PROXY_PORTS, MASTER_PORT_RANGE } from './common';

/**
 * Rule building blocks that IBM's public and private isolation sets both use, with the same
 * ports and in the same order in both sets.
 */

/** UDP and TCP to the master API server and etcd local proxy (172.20.0.0/24, ports 2040-2041). */
export function localProxyEgress(): CalicoRule[] {
  return allowUdpTcp({ ports: ports(LOCAL_PROXY_PORTS), nets: [LOCAL_PROXY_NET] });
}

/** UDP and TCP 443 to the region's master proxy addresses. */
export function masterProxyEgress(masterProxyNets: string[]): CalicoRule[] {
  return allowUdpTcp({ ports: ports(443), nets: masterProxyNets });
}

/**
 * `allow-egress-pods-public` / `allow-egress-pods-private` (order 1500, all pods, Egress): the
 * cluster ports over UDP and TCP, the local proxy, then `interfaceRules` (what differs between the
 * two sets), then the masters' service endpoint on the master port range.
 */
export function allowEgressPods(name: string, controlPlaneNets: string[], interfaceRules: CalicoRule[]): PolicyTemplate {
  return gnp(name, {
    order: 1500,
    selector: SEL_PODS,
    types: ['Egress'],
    egress: [
      allow({ protocol: 'UDP', destination: { ports: ports(53, 5353, 443, 2049, 3260, 10250) } }),
      allow({ protocol: 'TCP', destination: { ports: ports(53, 5353, 443, 4443, 6443, 2049, 3260, 10250) } }),
      ...localProxyEgress(),
      ...interfaceRules,
      ...allowUdpTcp({ nets: controlPlaneNets, ports: ports(MASTER_PORT_RANGE) }),
    ],
  });
}

/**
 * `allow-public-service-endpoint` / `allow-private-service-endpoint` (Egress from the workers'
 * host endpoints selected by `selector`): UDP and TCP to the masters' service endpoint on the
 * master port range and 443.
 */
export function allowServiceEndpoint(name: string, order: number, selector: string, controlPlaneNets: string[]): PolicyTemplate {
  return gnp(name, {
    order,
    selector,
    types: ['Egress'],
    egress: allowUdpTcp({ nets: controlPlaneNets, ports: ports(MASTER_PORT_RANGE, 443) }),
  });
}

/** `allow-public-services-pods` / `allow-private-services-pods` (all pods, Egress). */
export function allowServicesPods(name: string, order: number, egress: CalicoRule[]): PolicyTemplate {
  return gnp(name, { order, selector: SEL_PODS, types: ['Egress'], egress });
}
