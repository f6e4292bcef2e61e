import { Peer } from '../vocabulary/peer';
import { IPeer } from '../vocabulary/peer-types';

/** The peers of a `cidrs` prop; errors name the entry (`cidrs[1]: ...`). Internal. */
export function cidrPeers(cidrs: readonly string[]): IPeer[] {
  if (cidrs.length === 0) throw new Error('cidrs is empty; allowed: at least one CIDR like 203.0.113.0/24');
  return cidrs.map((cidr, i) => {
    try {
      return Peer.cidr(cidr);
    } catch (e) {
      throw new Error(`cidrs[${i}]: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
