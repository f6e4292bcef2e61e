import { CalicoRule } from '../../../model/resources';
import { SEL_PODS, SEL_WORKER_PUBLIC } from '../roles';
import { IbmRegionFacts } from '../region-facts';
import { PolicyTemplate, allow, allowUdpTcp, calicoNp, deny, gnp, ports } from '../rules';
import { CLASSIC_POD_CIDR } from './common';
import { allowEgressPods, allowServiceEndpoint, allowServicesPods, localProxyEgress, masterProxyEgress } from './shared-rules';

/**
 * Rule templates of IBM's public network isolation set (`public-network-isolation/<region>/`).
 * Rule order, orders, selectors and types are IBM's.
 */

/** `allow-egress-pods-public`: pod egress to cluster services, the local proxy and the masters. */
export function allowEgressPodsPublic(r: IbmRegionFacts): PolicyTemplate {
  return allowEgressPods('allow-egress-pods-public', r.publicControlPlaneNets, []);
}

/** `allow-ibm-ports-public`: worker egress and ingress on the ports the worker itself needs. */
export function allowIbmPortsPublic(r: IbmRegionFacts): PolicyTemplate {
  return gnp('allow-ibm-ports-public', {
    order: 1500,
    selector: SEL_WORKER_PUBLIC,
    types: ['Ingress', 'Egress'],
    egress: [
      ...allowUdpTcp({ ports: ports(53, 5353, 443, 2049, 3260, 5473) }),
      ...masterProxyEgress(r.masterProxyNets),
      ...localProxyEgress(),
      allow({ destination: { nets: [CLASSIC_POD_CIDR] } }),
    ],
    ingress: allowUdpTcp({ ports: ports(53, 5353, 52311) }),
  });
}

/** `allow-public-service-endpoint`: worker egress to the masters' public service endpoint. */
export function allowPublicServiceEndpoint(r: IbmRegionFacts): PolicyTemplate {
  return allowServiceEndpoint('allow-public-service-endpoint', 1500, SEL_WORKER_PUBLIC, r.publicControlPlaneNets);
}

/** `deny-all-outbound-public`: every other worker egress on the public interface is denied. */
export function denyAllOutboundPublic(): PolicyTemplate {
  return gnp('deny-all-outbound-public', {
    order: 1850,
    selector: SEL_WORKER_PUBLIC,
    types: ['Egress'],
    egress: [deny()],
  });
}

/** The egress rules shared by `allow-public-services` and `allow-public-services-pods`. */
function publicServicesEgress(r: IbmRegionFacts): CalicoRule[] {
  return [
    allow({ protocol: 'TCP', destination: { nets: r.publicServices.registry, ports: ports(443, 4443) } }),
    allow({ protocol: 'TCP', destination: { nets: r.publicServices.monitoring, ports: ports(6443) } }),
    allow({ protocol: 'TCP', destination: { nets: r.publicServices.logging, ports: ports(443, 80) } }),
    allow({ protocol: 'TCP', destination: { ports: ports(80, 15443) } }), // managed Istio egress gateway
  ];
}

/** `allow-public-services` (optional): worker egress to IBM Cloud services, Istio ingress. */
export function allowPublicServices(r: IbmRegionFacts): PolicyTemplate {
  return gnp('allow-public-services', {
    order: 1800,
    selector: SEL_WORKER_PUBLIC,
    types: ['Egress', 'Ingress'],
    egress: publicServicesEgress(r),
    ingress: [
      allow({ protocol: 'TCP', destination: { ports: ports(443, 853, 15010, 15012, 15014, 80, 15021, 15443) } }),
    ],
  });
}

/** `allow-public-services-pods` (optional): the same egress for pods. */
export function allowPublicServicesPods(r: IbmRegionFacts): PolicyTemplate {
  return allowServicesPods('allow-public-services-pods', 1800, publicServicesEgress(r));
}

/** `kube-system/allow-konnectivity`: the konnectivity agents may connect anywhere. */
export function allowKonnectivity(): PolicyTemplate {
  return calicoNp('kube-system', 'allow-konnectivity', {
    order: 1000,
    selector: "app == 'konnectivity-agent' || k8s-app == 'konnectivity-agent'",
    types: ['Egress'],
    egress: [allow()],
  });
}

/** `kube-system/allow-k8s-master-to-dashboard-via-vpn` (Kubernetes clusters only). */
export function allowK8sMasterToDashboard(): PolicyTemplate {
  return calicoNp('kube-system', 'allow-k8s-master-to-dashboard-via-vpn', {
    order: 1000,
    selector: "kubernetes-dashboard-policy == 'allow'",
    types: ['Egress'],
    egress: [
      allow({ protocol: 'TCP', destination: { selector: "k8s-app == 'kubernetes-dashboard'", ports: ports(8443, 443) } }),
    ],
  });
}

/** The OpenShift-only policies: console, operator lifecycle manager and monitoring. */
export function openShiftPolicies(): PolicyTemplate[] {
  const olm = "projectcalico.org/name == 'openshift-operator-lifecycle-manager'";
  return [
    calicoNp('kube-system', 'allow-kube-system-to-olm', {
      order: 1000,
      selector: SEL_PODS,
      types: ['Egress'],
      egress: ['vpn', 'konnectivity-agent'].map(app => allow({
        protocol: 'TCP',
        source: { selector: `app == '${app}'` },
        destination: { namespaceSelector: olm, ports: ports(5443, 8081) },
      })),
    }),
    calicoNp('openshift-ingress', 'allow-openshift-console', {
      order: 1000,
      selector: SEL_PODS,
      types: ['Egress'],
      egress: [
        allow({ protocol: 'TCP', destination: { namespaceSelector: "projectcalico.org/name == 'openshift-console'", selector: "app == 'console'" } }),
        allow({
          protocol: 'TCP',
          destination: {
            namespaceSelector: "projectcalico.org/name == 'openshift-ingress-canary'",
            selector: "ingresscanary.operator.openshift.io/daemonset-ingresscanary == 'canary_controller'",
          },
        }),
      ],
    }),
    calicoNp('openshift-monitoring', 'allow-openshift-metrics', {
      order: 1000,
      selector: SEL_PODS,
      types: ['Egress'],
      egress: [allow()],
    }),
  ];
}
