// WireGuard host encryption's raw chain (felix/rules/static.go WireguardIncomingMarkChain, v3.32.1 and
// v3.31.7 alike): every packet that does not come from loopback, a WireGuard device or a workload gets
// the WireGuard mark, so that the kernel's reverse-path check (with src_valid_mark, which Felix sets for
// host encryption: felix/wireguard/wireguard.go ensureLink) looks the source up outside WireGuard's
// routing table, whose routes to the peers' host addresses lead into the tunnel. No filter, mangle or
// nat rule reads the mark.
import { WireguardHostEncryption } from '../engine';
import { WORKLOAD_WILDCARD } from './dispatch';
import * as m from './match';
import { Chain, rule } from './rule';

export const CHAIN_WIREGUARD_INCOMING_MARK = 'cali-wireguard-incoming-mark';

/** raw `cali-wireguard-incoming-mark`: return for lo, both WireGuard devices and workloads, else set the WireGuard mark. */
export function wireguardIncomingMarkChain(devices: WireguardHostEncryption, wireguardMark: number): Chain {
  return {
    name: CHAIN_WIREGUARD_INCOMING_MARK,
    rules: [
      rule([m.inInterface('lo')], m.RETURN, 'Loopback is not marked'),
      rule([m.inInterface(devices.interfaceName)], m.RETURN, 'The IPv4 WireGuard device is not marked'),
      rule([m.inInterface(devices.interfaceNameV6)], m.RETURN, 'The IPv6 WireGuard device is not marked'),
      rule([m.inInterface(WORKLOAD_WILDCARD)], m.RETURN, 'Workloads are not marked'),
      rule([], m.setMark(wireguardMark), 'Mark packets from host interfaces for the WireGuard RPF check'),
    ],
  };
}
