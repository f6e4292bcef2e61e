// The nat table Felix programs (felix/rules/static.go StaticNATTableChains, felix/rules/nat.go
// NATOutgoingChain): cali-PREROUTING and cali-OUTPUT jump to cali-fip-dnat, cali-POSTROUTING to
// cali-fip-snat and cali-nat-outgoing; cali-nat-outgoing masquerades pod traffic from a natOutgoing
// pool to a destination outside every pool. The floating-IP chains stay empty (OpenStack only).
// Not rendered: the tunnel-source masquerade in cali-POSTROUTING, which Felix adds only when the node
// has an IP-in-IP or VXLAN tunnel address (the inventory's Nodes do not say), natOutgoingAddress,
// natPortRange and natOutgoingExclusions (not read, Felix's defaults).
import { CHAIN_OUTPUT, CHAIN_PREROUTING } from './static-chains';
import * as m from './match';
import { Chain, rule } from './rule';
import { TableSpec } from './table-text';

const CHAIN_POSTROUTING = 'cali-POSTROUTING';
const CHAIN_NAT_OUTGOING = 'cali-nat-outgoing';
const CHAIN_FIP_DNAT = 'cali-fip-dnat';
const CHAIN_FIP_SNAT = 'cali-fip-snat';
/** iptables' MasqAction without ports (felix/iptables/actions.go). */
const MASQUERADE = '--jump MASQUERADE';

/** What the nat table needs: the two pool sets, and whether any pool has natOutgoing. */
export interface NatRules {
  readonly masqPoolsSet: string;
  readonly allPoolsSet: string;
  /** masq_mgr.go: the masquerade rule is there when a pool has natOutgoing. */
  readonly natOutgoingActive: boolean;
}

/** nat `cali-nat-outgoing` (nat.go makeNATOutgoingRuleIPTables): source in a masquerade pool, destination in no pool. */
function natOutgoingChain(n: NatRules): Chain {
  return {
    name: CHAIN_NAT_OUTGOING,
    rules: n.natOutgoingActive
      ? [rule([m.sourceIpSet(n.masqPoolsSet), m.notDestIpSet(n.allPoolsSet)], MASQUERADE, 'natOutgoing: pool traffic leaving every pool')]
      : [],
  };
}

/** The nat table: the built-in chains' jumps and Calico's chains. */
export function natTable(n: NatRules): TableSpec {
  const j = (target: string, why: string): ReturnType<typeof rule> => rule([], m.jump(target), why);
  return {
    table: 'nat',
    hooks: new Map([
      ['PREROUTING', [j(CHAIN_PREROUTING, 'Calico nat prerouting')]],
      ['OUTPUT', [j(CHAIN_OUTPUT, 'Calico nat output')]],
      ['POSTROUTING', [j(CHAIN_POSTROUTING, 'Calico nat postrouting')]],
    ]),
    chains: [
      { name: CHAIN_PREROUTING, rules: [j(CHAIN_FIP_DNAT, 'Floating IP DNAT')] },
      { name: CHAIN_POSTROUTING, rules: [j(CHAIN_FIP_SNAT, 'Floating IP SNAT'), j(CHAIN_NAT_OUTGOING, 'natOutgoing')] },
      { name: CHAIN_OUTPUT, rules: [j(CHAIN_FIP_DNAT, 'Floating IP DNAT')] },
      natOutgoingChain(n),
      { name: CHAIN_FIP_DNAT, rules: [] },
      { name: CHAIN_FIP_SNAT, rules: [] },
    ],
  };
}
