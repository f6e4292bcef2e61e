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
