// iptables-restore text of one table.
import { referencedChains, ruleTarget } from './referenced-chains';
import { Chain, Rule, chainText } from './rule';

/** Built-in chains of each table we write. */
const BUILTIN_CHAINS: { readonly [table: string]: readonly string[] } = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** A table: the rules Felix puts in built-in chains (hooks) and Calico's own chains. */
export interface TableSpec {
  readonly table: string;
  /** Rules per built-in chain, e.g. `INPUT` -> `--jump cali-INPUT`. */
  readonly hooks: ReadonlyMap<string, readonly Rule[]>;
  readonly chains: readonly Chain[];
}

/**
 * `*table`, chain declarations (built-ins with policy ACCEPT), `-A` lines, `COMMIT`. Only the chains
 * reachable from the built-in chains are written, as Felix programs only those (`referencedChains`).
 * Throws when two chains share a name or a rule (of any chain given) jumps to a chain that is not declared.
 */
export function renderTable(t: TableSpec): string {
  const builtins = BUILTIN_CHAINS[t.table];
  const names = new Set<string>();
  for (const c of t.chains) {
    if (names.has(c.name) || builtins.includes(c.name)) throw new Error(`table ${t.table}: chain ${c.name} is rendered twice`);
    names.add(c.name);
  }
  const hooks: Chain[] = builtins.map((b) => ({ name: b, rules: t.hooks.get(b) ?? [] }));
  for (const c of [...hooks, ...t.chains]) {
    for (const r of c.rules) {
      const target = ruleTarget(r);
      if (target?.startsWith('cali-') && !names.has(target)) throw new Error(`table ${t.table}: chain ${c.name} jumps to undeclared chain ${target}`);
    }
  }
  const chains = referencedChains(hooks.map((h) => h.rules), t.chains);
  const lines = [`*${t.table}`];
  for (const b of builtins) lines.push(`:${b} ACCEPT [0:0]`);
  for (const c of chains) lines.push(`:${c.name} - [0:0]`);
  for (const c of [...hooks, ...chains]) {
    const text = chainText(c);
    if (text !== '') lines.push(text);
  }
  lines.push('COMMIT');
  return lines.join('\n');
}
