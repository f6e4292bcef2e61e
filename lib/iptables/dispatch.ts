// Interface dispatch chains (felix/rules/dispatch.go): Felix's prefix tree (interfaceNameDispatchChains,
// buildSingleDispatchChainTree) or, in the compact layout, one flat list of gotos.
import { Endpoint } from '../engine';
import * as m from './match';
import { PlanLayout } from './plan-layout';
import { Chain, Rule, rule } from './rule';

export const FROM_WL_DISPATCH = 'cali-from-wl-dispatch';
export const TO_WL_DISPATCH = 'cali-to-wl-dispatch';
export const FROM_HOST_DISPATCH = 'cali-from-host-endpoint';
export const TO_HOST_DISPATCH = 'cali-to-host-endpoint';
export const FROM_HEP_FORWARD_DISPATCH = 'cali-from-hep-forward';
export const TO_HEP_FORWARD_DISPATCH = 'cali-to-hep-forward';
/** Felix's workload interface prefix with iptables' wildcard. */
export const WORKLOAD_WILDCARD = 'cali+';
/** iptables' interface wildcard (Felix's r.wildcard). */
const WILDCARD = '+';

/** One interface and the chain its packets go to. */
export interface DispatchTarget {
  readonly interfaceName: string;
  readonly chain: string;
  /** Endpoint ID for the comment. */
  readonly endpoint: string;
}

/** How a dispatch chain ends and is laid out. */
export interface DispatchOptions {
  /** The action for unknown workload interfaces. @default DROP */
  readonly denyAction?: string;
  /** The all-interfaces host endpoint's chain, gone to at the end. @default - none */
  readonly fallback?: DispatchTarget;
  /** Return first for workload interfaces (mangle's egress dispatch). @default false */
  readonly skipWorkloads?: boolean;
  /** @default 'felix' */
  readonly layout?: PlanLayout;
}

/** Go's sort.Strings: byte order, not locale order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** stringutils.CommonPrefix: the longest prefix all names share. */
function commonPrefix(names: readonly string[]): string {
  if (names.length === 0) return '';
  let prefix = names[0];
  for (const n of names) {
    let i = 0;
    while (i < prefix.length && i < n.length && prefix[i] === n[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/**
 * sortAndDivideEndpointNamesToPrefixTree: the names sorted and without duplicates, binned by the
 * common prefix plus one more character (the common prefix itself for a name that is just it), the
 * bins in name order.
 */
export function dispatchPrefixTree(names: readonly string[]): { readonly common: string; readonly bins: readonly (readonly [string, readonly string[]])[] } {
  const sorted = [...new Set(names)].sort(byteOrder);
  const common = commonPrefix(sorted);
  const bins = new Map<string, string[]>();
  for (const name of sorted) {
    const prefix = name.length > common.length ? name.slice(0, common.length + 1) : common;
    const bin = bins.get(prefix);
    if (bin) bin.push(name);
    else bins.set(prefix, [name]);
  }
  return { common, bins: [...bins.entries()] };
}

/**
 * Felix's layout: a root chain with one goto per interface that is alone in its bin, and for each
 * bin of several a `--in-interface <prefix>+` goto to the child chain `<name>-<next character>`,
 * which holds that bin's gotos and a copy of the end rules; the end rules close the root too.
 */
function treeChains(name: string, inbound: boolean, targets: readonly DispatchTarget[], endRules: readonly Rule[]): Chain[] {
  const byInterface = new Map(targets.map((t) => [t.interfaceName, t]));
  const iface = (n: string): string => (inbound ? m.inInterface(n) : m.outInterface(n));
  const goTo = (n: string): Rule => rule([iface(n)], m.goTo((byInterface.get(n) as DispatchTarget).chain));
  const { common, bins } = dispatchPrefixTree(targets.map((t) => t.interfaceName));
  const children: Chain[] = [];
  const root: Rule[] = [];
  for (const [prefix, members] of bins) {
    if (members.length === 1) {
      root.push(goTo(members[0]));
      continue;
    }
    const child = `${name}-${prefix.slice(common.length)}`;
    root.push(rule([iface(prefix + WILDCARD)], m.goTo(child)));
    children.push({ name: child, rules: [...members.map(goTo), ...endRules] });
  }
  return [...children, { name, rules: [...root, ...endRules] }];
}

/**
 * `--in-interface` (`inbound`) or `--out-interface` gotos, sorted by interface. Workload
 * dispatch chains end with the deny action (DROP or REJECT) for unknown `cali` interfaces; host ones return, or, when the
 * node has an all-interfaces (`*`) host endpoint, go to its chain (`fallback`: Felix's
 * hostDispatchChains with a default interface, every other interface included; `skipWorkloads`:
 * its ToHostDispatchChains, which first returns for `cali+`). Felix's layout gives the prefix tree
 * (child chains first, the root chain last) with Felix's comments; the compact one a single chain.
 */
export function dispatchChains(name: string, inbound: boolean, targets: readonly DispatchTarget[], dropUnknown: boolean, options: DispatchOptions = {}): Chain[] {
  const { denyAction = m.DROP, fallback, skipWorkloads = false, layout = 'felix' } = options;
  const felix = layout === 'felix';
  const endRules: Rule[] = [];
  if (dropUnknown) endRules.push(rule([], denyAction, 'Unknown interface'));
  if (fallback) {
    // mangle's egress dispatch: the `*` endpoint's policy never applies to traffic to local workloads
    if (skipWorkloads) endRules.push(rule([m.outInterface(WORKLOAD_WILDCARD)], m.RETURN, 'Skip egress WHEP policy for traffic to local workload'));
    endRules.push(felix ? rule([], m.goTo(fallback.chain)) : rule([], m.goTo(fallback.chain), `Dispatch ${fallback.endpoint} (all other interfaces)`));
  }
  if (felix) return treeChains(name, inbound, targets, endRules);
  const rules: Rule[] = [...targets]
    .sort((a, b) => a.interfaceName.localeCompare(b.interfaceName))
    .map((t) => rule([inbound ? m.inInterface(t.interfaceName) : m.outInterface(t.interfaceName)], m.goTo(t.chain), `Dispatch ${t.endpoint}`));
  return [{ name, rules: [...rules, ...endRules] }];
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

  /** The dispatch chains over these targets; `skipWorkloads` for mangle's egress one (see dispatchChains). */
  public chains(name: string, inbound: boolean, layout: PlanLayout, skipWorkloads = false): Chain[] {
    return dispatchChains(name, inbound, this.named, false, { fallback: this.fallback, skipWorkloads, layout });
  }
}
