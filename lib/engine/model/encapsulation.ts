// The IPPools' NAT as the plan renders it: the note on what natOutgoing changes. (The encapsulation
// host rules, IP-in-IP and VXLAN of both IP versions, are Felix settings: felix.ts.)
import { IpPool } from '../../model/resources';

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
