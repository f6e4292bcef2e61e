import { CalicoRule } from '../../../model/resources';
import { SEL_PODS, SEL_WORKER_PRIVATE } from '../roles';
import { IbmRegionFacts, IbmPrivateServiceNets } from '../region-facts';
import { PolicyTemplate, allow, allowUdpTcp, deny, gnp, ports } from '../rules';
import { CLASSIC_POD_CIDR, RFC1918_NETS } from './common';
import { allowEgressPods, allowServiceEndpoint, allowServicesPods, localProxyEgress, masterProxyEgress } from './shared-rules';

/**
 * Rule templates of IBM's private network isolation set (`private-network-isolation/<region>/`).
 * Rule order, orders, selectors and types are IBM's.
 */

/** `allow-all-workers-private`: workers talk to each other and to pods on the private network. */
export function allowAllWorkersPrivate(): PolicyTemplate {
  return gnp('allow-all-workers-private', {
    order: 1950,
    selector: SEL_WORKER_PRIVATE,
    types: ['Egress', 'Ingress'],
    egress: [
      allow({ destination: { selector: SEL_WORKER_PRIVATE } }),
      allow({ destination: { nets: [CLASSIC_POD_CIDR] } }),
    ],
    ingress: [allow({ source: { selector: SEL_WORKER_PRIVATE } })],
  });
}

/** `allow-egress-pods-private`: pod egress to services, other pods, public IPs and the masters. */
export function allowEgressPodsPrivate(r: IbmRegionFacts): PolicyTemplate {
  return allowEgressPods('allow-egress-pods-private', r.privateControlPlaneNets, [
    allow({ destination: { selector: SEL_PODS } }),
    allow({ destination: { notNets: RFC1918_NETS } }),
  ]);
}

/** `allow-ibm-ports-private`: the worker's own infrastructure ports. */
export function allowIbmPortsPrivate(r: IbmRegionFacts): PolicyTemplate {
  return gnp('allow-ibm-ports-private', {
    order: 1500,
    selector: SEL_WORKER_PRIVATE,
    types: ['Ingress', 'Egress'],
    egress: [
      ...allowUdpTcp({ ports: ports(53, 5353, 2049, 3260, 5473) }),
      ...localProxyEgress(),
      ...masterProxyEgress(r.masterProxyNets),
    ],
    ingress: allowUdpTcp({ ports: ports(53, 5353, 10250, 52311) }),
  });
}

/** `allow-icmp-private`: ICMP in, for infrastructure health monitoring. */
export function allowIcmpPrivate(): PolicyTemplate {
  return gnp('allow-icmp-private', {
    order: 1500,
    selector: SEL_WORKER_PRIVATE,
    types: ['Ingress'],
    ingress: [allow({ protocol: 'ICMP' })],
  });
}

/** `allow-private-service-endpoint`: worker egress to the masters' private service endpoint. */
export function allowPrivateServiceEndpoint(r: IbmRegionFacts): PolicyTemplate {
  return allowServiceEndpoint('allow-private-service-endpoint', 1900, SEL_WORKER_PRIVATE, r.privateControlPlaneNets);
}

/** The egress rules of the optional private services policies. */
function privateServicesEgress(s: IbmPrivateServiceNets): CalicoRule[] {
  return [
    allow({ protocol: 'TCP', destination: { nets: s.registry, ports: ports(443, 4443) } }),
    allow({ protocol: 'TCP', destination: { nets: s.monitoringIngest, ports: ports(6443) } }),
    allow({ protocol: 'TCP', destination: { nets: s.monitoringApi, ports: ports(443) } }),
    allow({ protocol: 'TCP', destination: { nets: s.logging, ports: ports(80, 443) } }),
    allow({ protocol: 'TCP', destination: { nets: s.loggingSyslogTcp, ports: ports(514, 6514) } }),
    allow({ protocol: 'UDP', destination: { nets: s.loggingSyslogUdp, ports: ports(514) } }),
  ];
}

/** `allow-private-services` (optional): worker egress to private IBM Cloud service endpoints. */
export function allowPrivateServices(r: IbmRegionFacts): PolicyTemplate {
  return gnp('allow-private-services', {
    order: 1900,
    selector: SEL_WORKER_PRIVATE,
    types: ['Egress'],
    egress: privateServicesEgress(r.privateServices),
  });
}

/** `allow-private-services-pods` (optional): the same for pods. */
export function allowPrivateServicesPods(r: IbmRegionFacts): PolicyTemplate {
  const order = r.privateServicesPodsOrder;
  return allowServicesPods('allow-private-services-pods', 1900, privateServicesEgress({
    ...r.privateServices,
    registry: order?.registry ?? r.privateServices.registry,
    logging: order?.logging ?? r.privateServices.logging,
  }));
}

/** `allow-sys-mgmt-private`: to and from the IBM infrastructure management subnets. */
export function allowSysMgmtPrivate(r: IbmRegionFacts): PolicyTemplate {
  return gnp('allow-sys-mgmt-private', {
    order: 1800,
    selector: SEL_WORKER_PRIVATE,
    types: ['Egress', 'Ingress'],
    egress: [allow({ destination: { nets: r.sysMgmtNets } })],
    ingress: [allow({ source: { nets: r.sysMgmtNets } })],
  });
}

/** `allow-vrrp-private`: VRRP (IP protocol 112) both ways, for LoadBalancer services. */
export function allowVrrpPrivate(): PolicyTemplate {
  return gnp('allow-vrrp-private', {
    order: 1500,
    selector: SEL_WORKER_PRIVATE,
    types: ['Ingress', 'Egress'],
    egress: [allow({ protocol: '112' })],
    ingress: [allow({ protocol: '112' })],
  });
}

/** `deny-all-private-default`: the catch-all that makes the set an allowlist. */
export function denyAllPrivateDefault(): PolicyTemplate {
  return gnp('deny-all-private-default', {
    order: 99900,
    selector: SEL_WORKER_PRIVATE,
    types: ['Egress', 'Ingress'],
    egress: [deny()],
    ingress: [deny()],
  });
}
