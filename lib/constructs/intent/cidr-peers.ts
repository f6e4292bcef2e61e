import { IntentProblems } from './collect-errors';
import { Peer } from '../vocabulary/peer';
import { IPeer } from '../vocabulary/peer-types';

/** The peers of a `cidrs` prop; every bad entry is named (`cidrs[1]: ...`, `cidrs[3]: ...`). Internal. */
export function cidrPeers(cidrs: readonly string[]): IPeer[] {
  if (cidrs.length === 0) throw new Error('cidrs is empty; allowed: at least one CIDR like 203.0.113.0/24');
  const problems: string[] = [];
  const peers = cidrs.map((cidr, i) => {
    try {
      return Peer.cidr(cidr);
    } catch (e) {
      problems.push(`cidrs[${i}]: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  });
  if (problems.length > 0) throw new IntentProblems(problems);
  return peers.filter((p): p is IPeer => p !== undefined);
}
