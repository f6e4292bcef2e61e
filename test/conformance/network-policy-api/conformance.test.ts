// The upstream network-policy-api conformance suite, run offline through the engine for both API
// versions: v1alpha1 (AdminNetworkPolicy, BaselineAdminNetworkPolicy) as Calico 3.31 converts them,
// from kubernetes-sigs/network-policy-api branch release-0.1 (e80807c); v1alpha2
// (ClusterNetworkPolicy) as Calico 3.32 converts it, from main (0eec1b0). The manifests are the
// upstream `conformance/base` files (fixtures next to this file, each citing its source); the
// cluster is `conformance/base/manifests.yaml`: four namespaces, two StatefulSet pods in each,
// labelled `conformance-house: <house>`, with container ports web (80/TCP) and dns (53/UDP), and
// pod IPs from 198.51.100.0/24 (harness.ts). Each subtest's steps and expected PokeServer results
// are transcribed by hand from the upstream `conformance/tests/*.go` file named in the case; the
// policy patches of a subtest persist into the next ones, as upstream.
//
// Transcribed (standard-cases.ts): the admin and baseline ingress/egress TCP, UDP and SCTP tests,
// *-standard-gress-rules.go, admin-network-policy-standard-priority.go and
// admin-network-policy-standard-integration.go; (cidr-cases.ts) *-standard-egress-inline-cidr-rules.go,
// its networks built from the inventory's pod IPs where upstream reads the live pods'.
// (experimental-cases.ts) *-experimental-{egress,ingress}-rules.go: the named-port tests and the
// egress node-peer tests (host-network centaur pods, nodes labelled kubernetes.io/os: linux, the
// suite's default HostNetworkPorts). Where Calico deliberately does not convert a field (a v1alpha1
// namedPort in 3.31; a nodes peer in 3.31 and 3.32) the expected result is Calico's, not upstream's;
// experimental-cases.ts cites Calico's conversion code for each.
// Left out, and why:
// - nothing of the conformance/tests files of either branch: every test there is transcribed. The
//   harness does not model what upstream checks beyond PokeServer (the suite's setup waiting for
//   pods, report generation), which carries no connectivity expectation.
import { runCases } from './harness';
import { CIDR_CASES } from './cidr-cases';
import { EXPERIMENTAL_CASES } from './experimental-cases';
import { STANDARD_CASES } from './standard-cases';

runCases('network-policy-api conformance', [...STANDARD_CASES, ...CIDR_CASES, ...EXPERIMENTAL_CASES]);
