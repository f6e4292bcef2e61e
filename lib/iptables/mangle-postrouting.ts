// mangle `cali-POSTROUTING` (felix/rules/static.go StaticManglePostroutingChain, iptables mode):
// host endpoint egress policy for the host's own traffic that was DNATed, whose outgoing interface
// Linux only knows after filter OUTPUT (which therefore skips `--ctstate DNAT`). Felix's first rule
// (iptables mode, IPv4 and IPv6, with or without QoS endpoints) is the QoS DSCP jump (dscp.ts).
import { TO_HOST_DISPATCH } from './dispatch';
import { MarkBits, allCalicoMarkBits } from './marks';
import * as m from './match';
import { Chain, Rule, rule } from './rule';

export const CHAIN_POSTROUTING = 'cali-POSTROUTING';

/**
 * The DSCP jump first; then forwarded traffic (filter FORWARD set the accept mark) returns and
 * DNATed host traffic meets its host endpoint's egress chain.
 */
export function manglePostroutingChain(marks: MarkBits, dscpJump: Rule): Chain {
  return {
    name: CHAIN_POSTROUTING,
    rules: [
      dscpJump,
      rule([m.markSet(marks.accept)], m.RETURN, 'Forwarded traffic: no normal host endpoint policy'),
      rule([], m.clearMark(allCalicoMarkBits(marks)), 'Clear Calico mark bits'),
      rule([m.conntrackState('DNAT')], m.jump(TO_HOST_DISPATCH), 'Host endpoint egress policy for DNATed host traffic'),
      rule([m.markSet(marks.accept)], m.RETURN, 'Host endpoint policy accepted packet.'),
    ],
  };
}
