// The IPPools' encapsulation and NAT as the plan renders them: IP-in-IP and IPv4 VXLAN host rules
// and the nat table are modelled; IPv6 VXLAN is not, so an IPv6 VXLAN pool is refused unless
// FelixConfiguration turns VXLAN off.
import { ipVersionOf } from '../../model/net';
import { FelixConfigurationSpec, IpPool } from '../../model/resources';
import { InputError } from '../input/errors';
import { SourcedResource } from '../input/load';

/**
 * Throws InputError naming the pool's file#document when an IPv6 pool has vxlanMode other than
 * Never and vxlanEnabled is not false: Felix would add IPv6 VXLAN rules (VXLANEnabledV6) to
 * cali-INPUT, cali-OUTPUT and raw that the plan does not render (failing closed rather than
 * answering without them).
 */
export function checkVxlanPools(pools: readonly SourcedResource[], felix: FelixConfigurationSpec): void {
  if (felix.vxlanEnabled === false) return;
  for (const s of pools) {
    const pool = s.resource as IpPool;
    const mode = pool.spec.vxlanMode ?? 'Never';
    if (mode !== 'Never' && ipVersionOf(pool.spec.cidr.split('/')[0]) === 6) {
      throw new InputError(`${s.file}#${s.documentIndex}: IPPool ${pool.metadata.name}: spec.vxlanMode: IPv6 VXLAN is not modelled: Felix would add IPv6 VXLAN `
        + 'host rules (cali-INPUT, cali-OUTPUT, raw NOTRACK) that the plan does not render and the engine does not judge '
        + `(got ${JSON.stringify(mode)} with cidr ${pool.spec.cidr}; allowed: vxlanMode Never for an IPv6 pool, VXLAN on IPv4 pools only, `
        + 'or FelixConfiguration default spec.vxlanEnabled false)');
    }
  }
}

/**
 * The note for pools with natOutgoing: the plan's nat table masquerades their pods' traffic to
 * destinations outside every pool (cali-nat-outgoing), so it leaves the node with the node's
 * address; the engine judges another node's host endpoint with that address (nat-outgoing.ts).
 */
export function natOutgoingNote(pools: readonly IpPool[]): string | undefined {
  const names = pools.filter((p) => p.spec.natOutgoing === true).map((p) => p.metadata.name);
  if (names.length === 0) return undefined;
  return `IPPool ${names.join(', ')}: natOutgoing: pod traffic to addresses outside every pool is masqueraded to the node's address (nat cali-nat-outgoing, in the plan); `
    + 'the engine judges another node\'s host endpoint policy with that address, the pod\'s own node with the pod\'s address; a firewall outside the cluster sees the node\'s address too';
}
