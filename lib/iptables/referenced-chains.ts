// Which of a table's chains Felix programs: only those referenced from a built-in chain, directly
// or through other programmed chains. Felix's managers hand every chain they might need to every
// table (policy chains in both directions to raw, mangle and filter: policy_mgr.go "The iptables
// layer will avoid programming it if it is not actually used"; group chains likewise:
// endpoint_mgr.go increfGroups; the static failsafe chains of raw: static.go StaticRawTableChains),
// and felix/iptables/table.go programs a chain only while its reference count is above zero
// (increfChain, maybeIncrefReferredChains: a chain's children are counted only while it is itself
// referenced; the roots are the rules inserted in or appended to the built-in chains).
import { Chain, Rule } from './rule';

/** The chain a rule jumps or goes to, if any. */
export function ruleTarget(r: Rule): string | undefined {
  return /--(?:jump|goto) (\S+)/.exec(r.action)?.[1];
}

/**
 * The chains reachable from the hooks (rules of the built-in chains), in their given order; the
 * others are left out, as Felix leaves them out.
 */
export function referencedChains(hooks: Iterable<readonly Rule[]>, chains: readonly Chain[]): Chain[] {
  const byName = new Map(chains.map((c) => [c.name, c]));
  const reached = new Set<string>();
  const pending: string[] = [];
  const visit = (rules: readonly Rule[]): void => {
    for (const r of rules) {
      const target = ruleTarget(r);
      if (target !== undefined && byName.has(target) && !reached.has(target)) {
        reached.add(target);
        pending.push(target);
      }
    }
  };
  for (const rules of hooks) visit(rules);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) visit(byName.get(name)?.rules ?? []);
  return chains.filter((c) => reached.has(c.name));
}
