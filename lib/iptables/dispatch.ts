// Interface dispatch chains (felix/rules/dispatch.go), as flat lists: one goto per interface.
import * as m from './match';
import { Chain, Rule, rule } from './rule';

export const FROM_WL_DISPATCH = 'cali-from-wl-dispatch';
export const TO_WL_DISPATCH = 'cali-to-wl-dispatch';
export const FROM_HOST_DISPATCH = 'cali-from-host-endpoint';
export const TO_HOST_DISPATCH = 'cali-to-host-endpoint';
export const FROM_HEP_FORWARD_DISPATCH = 'cali-from-hep-forward';
export const TO_HEP_FORWARD_DISPATCH = 'cali-to-hep-forward';

/** One interface and the chain its packets go to. */
export interface DispatchTarget {
  readonly interfaceName: string;
  readonly chain: string;
  /** Endpoint ID for the comment. */
  readonly endpoint: string;
}

/**
 * `--in-interface` (`inbound`) or `--out-interface` gotos, sorted by interface. Workload
 * dispatch chains end with the deny action (DROP or REJECT) for unknown `cali` interfaces; host ones return.
 */
export function dispatchChain(name: string, inbound: boolean, targets: readonly DispatchTarget[], dropUnknown: boolean, denyAction = m.DROP): Chain {
  const rules: Rule[] = [...targets]
    .sort((a, b) => a.interfaceName.localeCompare(b.interfaceName))
    .map((t) => rule([inbound ? m.inInterface(t.interfaceName) : m.outInterface(t.interfaceName)], m.goTo(t.chain), `Dispatch ${t.endpoint}`));
  if (dropUnknown) rules.push(rule([], denyAction, 'Unknown interface'));
  return { name, rules };
}
