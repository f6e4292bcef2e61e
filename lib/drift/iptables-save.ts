// Reads `iptables-save` / `ip6tables-save` output (also `-c`, and iptables-restore input such as a
// plan): tables, chain declarations and `-A` rules; counters are dropped.
import { DriftInputError } from './errors';
import { splitWords } from './tokens';

/** One `-A` line: its chain, the words after the chain name, and where it stood. */
export interface SavedRule {
  readonly chain: string;
  readonly words: readonly string[];
  readonly line: number;
  /** The line as written, without counters. */
  readonly text: string;
}

/** One table: chain declarations (name -> policy, `-` for a user chain) and rules in order. */
export interface SavedTable {
  readonly name: string;
  readonly chains: ReadonlyMap<string, string>;
  readonly rules: readonly SavedRule[];
}

/** A whole file, tables by name. */
export interface SavedRuleset {
  readonly file: string;
  readonly tables: ReadonlyMap<string, SavedTable>;
}

const COUNTERS = /^\[[0-9]+:[0-9]+\]\s*/;
const TABLE_NAMES = ['raw', 'mangle', 'filter', 'nat', 'security'];

interface OpenTable {
  name: string;
  chains: Map<string, string>;
  rules: SavedRule[];
  line: number;
}

/** Parses the text; throws DriftInputError naming the file and line of anything else. */
export function parseIptablesSave(text: string, file: string): SavedRuleset {
  const tables = new Map<string, SavedTable>();
  let open: OpenTable | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const bad = (detail: string): never => { throw new DriftInputError(file, n, detail); };
    if (raw.startsWith('*')) {
      if (open) bad(`table *${raw.slice(1)} starts before table *${open.name} (line ${open.line}) has its COMMIT`);
      const name = raw.slice(1);
      if (!TABLE_NAMES.includes(name)) bad(`unknown table ${JSON.stringify(name)}; allowed: ${TABLE_NAMES.join(', ')}`);
      if (tables.has(name)) bad(`table *${name} appears twice`);
      open = { name, chains: new Map(), rules: [], line: n };
      continue;
    }
    if (raw === 'COMMIT') {
      if (!open) bad('COMMIT outside a table');
      else {
        tables.set(open.name, { name: open.name, chains: open.chains, rules: open.rules });
        open = undefined;
      }
      continue;
    }
    if (!open) return bad(`${JSON.stringify(raw.slice(0, 60))} outside a table (expected *raw, *mangle, *filter or *nat first)`);
    const table = open;
    if (raw.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[[0-9]+:[0-9]+\])?$/.exec(raw);
      if (!m) bad(`bad chain declaration ${JSON.stringify(raw)}; expected ":NAME POLICY [packets:bytes]"`);
      else table.chains.set(m[1], m[2]);
      continue;
    }
    const body = raw.replace(COUNTERS, '');
    const words = splitWords(body, file, n);
    if ((words[0] !== '-A' && words[0] !== '--append') || words.length < 2) {
      bad(`expected a chain declaration, a rule "-A CHAIN ..." or COMMIT, got ${JSON.stringify(raw.slice(0, 80))}`);
    }
    const chain = words[1];
    if (!table.chains.has(chain)) bad(`rule in chain ${chain}, which table *${table.name} does not declare`);
    table.rules.push({ chain, words: words.slice(2), line: n, text: body });
  }
  if (open) throw new DriftInputError(file, open.line, `table *${open.name} has no COMMIT`);
  return { file, tables };
}
