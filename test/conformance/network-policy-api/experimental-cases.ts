// The experimental tests (named ports, nodes peers), transcribed by hand from upstream
// `conformance/tests/{admin,baseline-admin}-network-policy-experimental-{egress,ingress}-rules.go`
// (release-0.1 for v1alpha1, main for v1alpha2). Each upstream test applies its manifest afresh.
//
// Where Calico deliberately does not convert something, the expected result is Calico's, and the
// poke says so ({ v1alpha1, v1alpha2 } or calico()):
// - a v1alpha1 namedPort: Calico 3.31 ignores it (projectcalico/calico v3.31.7
//   libcalico-go/lib/backend/k8s/conversion/conversion.go, k8sAdminPolicyPortToCalicoFields:
//   "TODO: Add support for NamedPorts" returns no protocol and no port), so the rule matches every
//   protocol and port. Calico 3.32 converts a v1alpha2 destinationNamedPort
//   (clusternetworkpolicy.go k8sCNPPortToCalicoFields), so v1alpha2 follows upstream.
// - a nodes peer: neither version converts it (v3.31.7 conversion.go combinePortsWithANPEgressPeers,
//   v3.32.1 clusternetworkpolicy.go combinePortsWithCNPEgressPeers: "none of supported fields in
//   'To' is set."), and the failed rule is replaced by a deny-all rule when its action is Deny or
//   Pass, and dropped when it is Allow/Accept (k8sANPHandleFailedRules,
//   k8sClusterNetPolHandleFailedRules). Every egress rule of the node-peer manifests has a nodes
//   peer, so under Calico the subject pods' egress is denied from the first Pass/Deny rule on.
import { Case, FOREST, hostNetworkPort, poke } from './harness';

/** Upstream expects `upstream`; Calico 3.31 and 3.32 (nodes peer not converted) give `calico`. */
const calico = (_upstream: boolean, calicoResult: boolean): boolean => calicoResult;
/** Upstream expects `upstream`; Calico 3.31 ignores the v1alpha1 namedPort (matches every port): `v1alpha1`. */
const namedPortIgnored = (upstream: boolean, v1alpha1: boolean): { v1alpha1: boolean; v1alpha2: boolean } => ({ v1alpha1, v1alpha2: upstream });

const ALLOW_NAMED_PORT = "Should support an 'allow-egress' policy for named port";

export const EXPERIMENTAL_CASES: readonly Case[] = [
  {
    test: { v1alpha1: 'AdminNetworkPolicyEgressNamedPort', v1alpha2: 'CNPAdminTierEgressNamedPort' },
    file: 'admin-network-policy-experimental-egress-rules.go', manifest: 'admin-egress-tcp.yaml',
    subtests: [
      { name: ALLOW_NAMED_PORT,
        patches: [{ namedPort: 'web', gress: 'egress', policy: 'egress-tcp', i: 5 }],
        pokes: [poke('gryffindor', 0, 'hufflepuff', 1, 80, true), poke('gryffindor', 1, 'hufflepuff', 1, 8080, namedPortIgnored(false, true))] },
    ],
  },
  {
    test: { v1alpha1: 'AdminNetworkPolicyEgressNodePeers', v1alpha2: 'CNPAdminTierEgressNodePeers' },
    file: 'admin-network-policy-experimental-egress-rules.go', manifest: 'admin-egress-nodes.yaml', hostNetwork: true,
    subtests: [
      { name: "Should support an 'allow-egress' rule policy for egress-node-peer",
        pokes: [poke('gryffindor', 1, FOREST, 1, hostNetworkPort(0), calico(true, false), 'TCP')] },
      { name: "Should support a 'pass-egress' rule policy for egress-node-peer",
        pokes: [poke('gryffindor', 1, FOREST, 1, hostNetworkPort(2), calico(true, false), 'UDP')] },
      { name: "Should support a 'deny-egress' rule policy for egress-node-peer",
        pokes: [
          poke('gryffindor', 1, FOREST, 1, hostNetworkPort(1), false, 'TCP'), poke('gryffindor', 1, FOREST, 1, hostNetworkPort(4), false, 'UDP'),
          poke('gryffindor', 1, FOREST, 1, hostNetworkPort(6), false, 'SCTP'),
        ] },
    ],
  },
  {
    test: { v1alpha1: 'AdminNetworkPolicyIngressNamedPort', v1alpha2: 'CNPAdminTierIngressNamedPort' },
    file: 'admin-network-policy-experimental-ingress-rules.go', manifest: 'admin-ingress-udp.yaml',
    subtests: [
      { name: "Should support an 'allow-ingress' policy for named port",
        patches: [{ namedPort: 'dns', gress: 'ingress', policy: 'ingress-udp', i: 5 }],
        pokes: [poke('gryffindor', 0, 'hufflepuff', 1, 53, true, 'UDP'), poke('gryffindor', 1, 'hufflepuff', 1, 5353, namedPortIgnored(false, true), 'UDP')] },
    ],
  },
  {
    test: { v1alpha1: 'BaselineAdminNetworkPolicyEgressNamedPort', v1alpha2: 'CNPBaselineTierEgressNamedPort' },
    file: 'baseline-admin-network-policy-experimental-egress-rules.go', manifest: 'baseline-egress-udp.yaml',
    subtests: [
      { name: ALLOW_NAMED_PORT,
        patches: [{ namedPort: 'dns', gress: 'egress', policy: 'default', i: 3 }],
        pokes: [poke('hufflepuff', 0, 'gryffindor', 1, 53, true, 'UDP'), poke('hufflepuff', 1, 'gryffindor', 1, 5353, namedPortIgnored(false, true), 'UDP')] },
    ],
  },
  {
    test: { v1alpha1: 'BaselineAdminNetworkPolicyEgressNodePeers', v1alpha2: 'CNPBaselineTierEgressNodePeers' },
    file: 'baseline-admin-network-policy-experimental-egress-rules.go', manifest: 'baseline-egress-nodes.yaml', hostNetwork: true,
    subtests: [
      { name: "Should support an 'allow-egress' rule policy for egress-node-peer",
        pokes: [poke('gryffindor', 0, FOREST, 1, hostNetworkPort(0), calico(true, false), 'TCP'), poke('gryffindor', 1, FOREST, 1, hostNetworkPort(1), calico(true, false), 'TCP')] },
      { name: "Should support a 'deny-egress' rule policy for egress-node-peer",
        pokes: [poke('gryffindor', 1, FOREST, 1, hostNetworkPort(4), false, 'UDP'), poke('gryffindor', 1, FOREST, 1, hostNetworkPort(6), false, 'SCTP')] },
    ],
  },
  {
    test: { v1alpha1: 'BaselineAdminNetworkPolicyIngressNamedPort', v1alpha2: 'CNPBaselineTierIngressNamedPort' },
    file: 'baseline-admin-network-policy-experimental-ingress-rules.go', manifest: 'baseline-ingress-tcp.yaml',
    subtests: [
      { name: "Should support an 'allow-ingress' policy for named port",
        patches: [{ namedPort: 'web', gress: 'ingress', policy: 'default', i: 3 }],
        pokes: [poke('hufflepuff', 0, 'gryffindor', 1, 80, true), poke('hufflepuff', 1, 'gryffindor', 1, 8080, namedPortIgnored(false, true))] },
    ],
  },
];
