// Interface dispatch chains (felix/rules/dispatch.go), as flat lists: one goto per interface.
import { Endpoint } from '../engine';
import * as m from './match';
import { Chain, Rule, rule } from './rule';

export const FROM_WL_DISPATCH = 'cali-from-wl-dispatch';
export const TO_WL_DISPATCH = 'cali-to-wl-dispatch';
export const FROM_HOST_DISPATCH = 'cali-from-host-endpoint';
export const TO_HOST_DISPATCH = 'cali-to-host-endpoint';
export const FROM_HEP_FORWARD_DISPATCH = 'cali-from-hep-forward';
export const TO_HEP_FORWARD_DISPATCH = 'cali-to-hep-forward';
/** Felix's workload interface prefix with iptables' wildcard. */
export const WORKLOAD_WILDCARD = 'cali+';

/** One interface and the chain its packets go to. */
export interface DispatchTarget {
  readonly interfaceName: string;
  readonly chain: string;
  /** Endpoint ID for the comment. */
  readonly endpoint: string;
}

/** How a dispatch chain ends. */
export interface DispatchOptions {
  /** The action for unknown workload interfaces. @default DROP */
  readonly denyAction?: string;
  /** The all-interfaces host endpoint's chain, gone to at the end. @default - none */
  readonly fallback?: DispatchTarget;
  /** Return first for workload interfaces (mangle's egress dispatch). @default false */
  readonly skipWorkloads?: boolean;
}

/**
 * `--in-interface` (`inbound`) or `--out-interface` gotos, sorted by interface. Workload
 * dispatch chains end with the deny action (DROP or REJECT) for unknown `cali` interfaces; host ones return, or, when the
 * node has an all-interfaces (`*`) host endpoint, go to its chain (`fallback`: Felix's
 * hostDispatchChains with a default interface, every other interface included; `skipWorkloads`:
 * its ToHostDispatchChains, which first returns for `cali+`).
 */
export function dispatchChain(name: string, inbound: boolean, targets: readonly DispatchTarget[], dropUnknown: boolean, options: DispatchOptions = {}): Chain {
  const { denyAction = m.DROP, fallback, skipWorkloads = false } = options;
  const rules: Rule[] = [...targets]
    .sort((a, b) => a.interfaceName.localeCompare(b.interfaceName))
    .map((t) => rule([inbound ? m.inInterface(t.interfaceName) : m.outInterface(t.interfaceName)], m.goTo(t.chain), `Dispatch ${t.endpoint}`));
  if (dropUnknown) rules.push(rule([], denyAction, 'Unknown interface'));
  if (fallback) {
    // mangle's egress dispatch: the `*` endpoint's policy never applies to traffic to local workloads
    if (skipWorkloads) rules.push(rule([m.outInterface(WORKLOAD_WILDCARD)], m.RETURN, 'Skip egress WHEP policy for traffic to local workload'));
    rules.push(rule([], m.goTo(fallback.chain), `Dispatch ${fallback.endpoint} (all other interfaces)`));
  }
  return { name, rules };
}

/** The dispatch target of an endpoint's chain. */
export function dispatchTarget(ep: Endpoint, chain: string): DispatchTarget {
  return { interfaceName: ep.interfaceName, chain, endpoint: ep.id };
}

/** Host endpoint chains of one table and direction: the named interfaces' and the `*` one's. */
export class HostTargets {
  public readonly named: DispatchTarget[] = [];
  public fallback?: DispatchTarget;
  public add(ep: Endpoint, chain: string | undefined): void {
    if (chain === undefined) return;
    if (ep.interfaceName === '*') this.fallback = dispatchTarget(ep, chain);
    else this.named.push(dispatchTarget(ep, chain));
  }

  /** The dispatch chain over these targets; `skipWorkloads` for mangle's egress one (see dispatchChain). */
  public chain(name: string, inbound: boolean, skipWorkloads = false): Chain {
    return dispatchChain(name, inbound, this.named, false, { fallback: this.fallback, skipWorkloads });
  }
}
