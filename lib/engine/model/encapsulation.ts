// The IPPools' encapsulation as the plan renders it: IP-in-IP host rules are modelled; VXLAN host
// rules are not, so a VXLAN pool is refused unless FelixConfiguration turns VXLAN off.
import { FelixConfigurationSpec, IpPool } from '../../model/resources';
import { InputError } from '../input/errors';
import { SourcedResource } from '../input/load';

/**
 * Throws InputError naming the pool's file#document when a pool has vxlanMode other than Never and
 * vxlanEnabled is not false: Felix would add VXLAN rules to cali-INPUT, cali-OUTPUT and raw that
 * the plan does not render (failing closed rather than answering without them).
 */
export function checkVxlanPools(pools: readonly SourcedResource[], felix: FelixConfigurationSpec): void {
  if (felix.vxlanEnabled === false) return;
  for (const s of pools) {
    const pool = s.resource as IpPool;
    const mode = pool.spec.vxlanMode ?? 'Never';
    if (mode !== 'Never') {
      throw new InputError(`${s.file}#${s.documentIndex}: IPPool ${pool.metadata.name}: spec.vxlanMode: not modelled: VXLAN host rules `
        + `(cali-INPUT, cali-OUTPUT, raw NOTRACK) are not rendered (got ${JSON.stringify(mode)}; supported: Never, or ipipMode for encapsulation)`);
    }
  }
}

/**
 * The note for pools with natOutgoing: Felix masquerades their pods' traffic to destinations outside
 * every pool (nat cali-nat-outgoing); the plan has no nat table and the engine judges such flows
 * with the pod's own address as the source.
 */
export function natOutgoingNote(pools: readonly IpPool[]): string | undefined {
  const names = pools.filter((p) => p.spec.natOutgoing === true && p.spec.disabled !== true).map((p) => p.metadata.name);
  if (names.length === 0) return undefined;
  return `IPPool ${names.join(', ')}: natOutgoing is not rendered (no nat table in the plan) and not applied by the engine: `
    + 'pod traffic to addresses outside every pool leaves with the node\'s address, which is what a host endpoint policy on another node sees';
}
