// The note for WireGuard host encryption (FelixConfiguration wireguardHostEncryptionEnabled with
// WireGuard on). Its iptables rules (raw cali-wireguard-incoming-mark, felix/rules/static.go) only set
// the WireGuard mark on packets from host interfaces, which no filter, mangle or nat rule reads: no
// verdict changes. What host encryption does change is routing, which the engine does not model:
// Felix routes the host addresses of WireGuard peers through the WireGuard device (wireguard_mgr.go
// RouteType_REMOTE_HOST, only with EncryptHostTraffic), so their host-to-host traffic crosses it.
import { FelixSettings } from './types';

/** The note, or undefined when host encryption is off. */
export function hostEncryptionNote(felix: FelixSettings): string | undefined {
  const devices = felix.wireguardHostEncryption;
  if (devices === undefined) return undefined;
  const on = [felix.wireguard ? devices.interfaceName : undefined, felix.wireguardV6 ? devices.interfaceNameV6 : undefined].filter((d) => d !== undefined);
  return `FelixConfiguration wireguardHostEncryptionEnabled: the plan marks packets from host interfaces (raw cali-wireguard-incoming-mark), which changes no verdict; `
    + `on a real node, traffic between the hosts of WireGuard peers (nodes that published a WireGuard public key) is routed through ${on.join(', ')}, `
    + 'so a host endpoint naming another interface (eth0) does not police it, one naming the device or an all-interfaces (*) one does; '
    + 'the engine judges host traffic by the interface of its addresses (not modelled)';
}
