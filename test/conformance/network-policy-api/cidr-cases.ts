// The inline-CIDR egress tests, transcribed by hand from upstream
// `conformance/tests/{admin,baseline-admin}-network-policy-standard-egress-inline-cidr-rules.go`
// (release-0.1 for v1alpha1, main for v1alpha2). Upstream builds the allow rule's networks from
// the live pods' IPs; offline the inventory gives them (harness.ts podIP), so the rule carries
// the same /32s. Only main relabels the slytherin namespace within the first subtest.
import { Case, Poke, poke } from './harness';

/** Upstream pokes each server with TCP 80, UDP 53 and SCTP 9003 from harry-potter-1. */
const allThree = (house: string, i: number, allowed: boolean): Poke[] => [
  poke('gryffindor', 1, house, i, 80, allowed, 'TCP'), poke('gryffindor', 1, house, i, 53, allowed, 'UDP'), poke('gryffindor', 1, house, i, 9003, allowed, 'SCTP'),
];

const cidrCase = (test: Case['test'], file: string, manifest: string, policy: string): Case => ({
  test, file, manifest,
  subtests: [
    { name: "Should support a 'deny-egress' rule policy for egress-cidr-peer",
      pokes: [...allThree('ravenclaw', 0, false), ...allThree('hufflepuff', 0, false), ...allThree('slytherin', 0, true)],
      then: [
        { only: 'v1alpha2', patches: [{ relabelHouse: 'slytherin', label: 'denied-namespace-label' }], pokes: allThree('slytherin', 0, false) },
        { only: 'v1alpha2', patches: [{ relabelHouse: 'slytherin', label: 'slytherin' }], pokes: allThree('slytherin', 0, true) },
      ] },
    { name: "Should support an 'allow-egress' rule policy for egress-cidr-peer",
      patches: [{ allowNetworksOf: [['ravenclaw', 0], ['hufflepuff', 0]], policy, name: 'allow-egress-to-specific-podIPs' }],
      pokes: [...allThree('ravenclaw', 0, true), ...allThree('hufflepuff', 0, true), ...allThree('ravenclaw', 1, false), ...allThree('hufflepuff', 1, false)] },
  ],
});

export const CIDR_CASES: readonly Case[] = [
  cidrCase({ v1alpha1: 'AdminNetworkPolicyEgressInlineCIDRPeers', v1alpha2: 'CNPAdminTierEgressInlineCIDRPeers' },
    'admin-network-policy-standard-egress-inline-cidr-rules.go', 'admin-egress-inline-cidr.yaml', 'inline-cidr-as-peers-example'),
  cidrCase({ v1alpha1: 'BaselineAdminNetworkPolicyEgressInlineCIDRPeers', v1alpha2: 'CNPBaselineTierEgressInlineCIDRPeers' },
    'baseline-admin-network-policy-standard-egress-inline-cidr-rules.go', 'baseline-egress-inline-cidr.yaml', 'default'),
];
