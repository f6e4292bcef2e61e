// Loads a node plan into the node namespace: ipsets first (rules reference them), then iptables.
import { CommandError, runInNamespace } from './exec';

/** The kernel state of one node, as `ipset restore` and `iptables-restore` input. */
export interface PlanText {
  /** `iptables-restore` input (raw, mangle, filter). */
  readonly iptables: string;
  /** `ip6tables-restore` input. @default - no IPv6 rules */
  readonly ip6tables?: string;
  /** `ipset restore` input. @default - no sets */
  readonly ipsets?: string;
  /**
   * kube-proxy's rules (`<node>.kube-proxy.iptables`), loaded after the plan with
   * `iptables-restore --noflush`, so probes to Service addresses are DNATed and masqueraded by the
   * kernel; its hooks come after Felix's (Felix inserts its jumps first). @default - none
   */
  readonly kubeProxy?: string;
  /**
   * kube-proxy's IPv6 rules (`<node>.kube-proxy.ip6tables`), loaded after the plan with
   * `ip6tables-restore --noflush`, as `kubeProxy` is for IPv4. @default - none
   */
  readonly kubeProxy6?: string;
}

/** Thrown when the kernel refuses the plan: says which file and the tool's message. */
export class PlanLoadError extends Error {
  constructor(readonly part: string, readonly detail: string) {
    super(`the kernel refused the plan's ${part}: ${detail}`);
    this.name = 'PlanLoadError';
  }
}

async function restore(ns: string, part: string, argv: readonly string[], input: string): Promise<void> {
  try {
    await runInNamespace(ns, argv, { input, timeoutMs: 60000 });
  } catch (e) {
    if (e instanceof CommandError) throw new PlanLoadError(part, e.result.stderr.trim() || `exit ${e.result.code}`);
    throw e;
  }
}

/** Applies the plan in `ns` with `ipset restore`, `iptables-restore` and `ip6tables-restore`. */
export async function loadPlan(ns: string, plan: PlanText): Promise<void> {
  if (plan.ipsets && plan.ipsets.trim().length > 0) await restore(ns, 'ipsets', ['ipset', 'restore'], plan.ipsets);
  await restore(ns, 'iptables', ['iptables-restore'], plan.iptables);
  if (plan.ip6tables && plan.ip6tables.trim().length > 0) await restore(ns, 'ip6tables', ['ip6tables-restore'], plan.ip6tables);
  if (plan.kubeProxy && plan.kubeProxy.trim().length > 0) await restore(ns, 'kube-proxy rules', ['iptables-restore', '--noflush'], plan.kubeProxy);
  if (plan.kubeProxy6 && plan.kubeProxy6.trim().length > 0) await restore(ns, 'kube-proxy IPv6 rules', ['ip6tables-restore', '--noflush'], plan.kubeProxy6);
}

/**
 * Replaces the node's IPv4 rules with another kube-proxy variant: the nat table is emptied first,
 * since the plan's `iptables-restore` replaces only the tables it names and kube-proxy's
 * `--noflush` input appends to the built-in chains; then the plan's iptables and the variant are
 * loaded again. With `kubeProxy6` the IPv6 nat table is emptied and the plan's ip6tables and that
 * variant loaded the same way; otherwise the IPv6 rules stay as loaded. The sets stay as loaded.
 */
export async function reloadPlan(ns: string, plan: PlanText): Promise<void> {
  const v6 = plan.kubeProxy6 !== undefined;
  const tools = v6 ? ['iptables', 'ip6tables'] : ['iptables'];
  for (const tool of tools) for (const argv of [[tool, '-t', 'nat', '-F'], [tool, '-t', 'nat', '-X']]) await restore(ns, 'nat table reset', argv, '');
  await loadPlan(ns, {
    iptables: plan.iptables,
    ...(plan.kubeProxy !== undefined ? { kubeProxy: plan.kubeProxy } : {}),
    ...(v6 && plan.ip6tables !== undefined ? { ip6tables: plan.ip6tables } : {}),
    ...(v6 ? { kubeProxy6: plan.kubeProxy6 } : {}),
  });
}
