// iptables-restore text of one table.
import { Chain, Rule, renderChainRules } from './rule';

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
 * `*table`, chain declarations (built-ins with policy ACCEPT), `-A` lines, `COMMIT`. Throws when
 * two chains share a name or a rule jumps to a chain that is not declared.
 */
export function renderTable(t: TableSpec): string {
  const builtins = BUILTIN_CHAINS[t.table];
  const names = new Set<string>();
  for (const c of t.chains) {
    if (names.has(c.name) || builtins.includes(c.name)) throw new Error(`table ${t.table}: chain ${c.name} is rendered twice`);
    names.add(c.name);
  }
  const lines = [`*${t.table}`];
  for (const b of builtins) lines.push(`:${b} ACCEPT [0:0]`);
  for (const c of t.chains) lines.push(`:${c.name} - [0:0]`);
  const all: Chain[] = [...builtins.map((b) => ({ name: b, rules: t.hooks.get(b) ?? [] })), ...t.chains];
  for (const c of all) {
    for (const r of c.rules) {
      const target = /--(?:jump|goto) (cali-\S+)/.exec(r.action);
      if (target && !names.has(target[1])) throw new Error(`table ${t.table}: chain ${c.name} jumps to undeclared chain ${target[1]}`);
    }
    lines.push(...renderChainRules(c));
  }
  lines.push('COMMIT');
  return lines.join('\n');
}
