// Reads `ipset save` output (and `ipset restore` input such as a plan): `create` and `add` lines of
// Calico's sets (`cali40*` IPv4, `cali60*` IPv6); other sets are not Calico's and are skipped.
import { ipNumToString, toIpNum } from '../model/net';
import { DriftInputError } from './errors';

/** One set: type, family and members (canonical: no `/32` or `/128`, IPv6 compressed). */
export interface SavedIpSet {
  readonly name: string;
  readonly type: string;
  readonly family: string;
  readonly members: ReadonlySet<string>;
  readonly line: number;
}

const CALICO_SET = /^cali[46]0/;

/** An address, CIDR or `addr,proto:port` member as ipset prints it. */
function canonicalMember(text: string): string {
  const [first, ...rest] = text.split(',');
  const [addr, prefix] = first.split('/');
  const ip = toIpNum(addr);
  if (!ip) return text.toLowerCase();
  const full = addr.includes(':') ? '128' : '32';
  const shown = prefix === undefined || prefix === full ? ipNumToString(ip) : `${ipNumToString(ip)}/${prefix}`;
  return [shown, ...rest.map((r) => r.toLowerCase())].join(',');
}

/** Calico's sets by name; throws DriftInputError naming the file and line of a line it cannot read. */
export function parseIpsetSave(text: string, file: string): Map<string, SavedIpSet> {
  const sets = new Map<string, { name: string; type: string; family: string; members: Set<string>; line: number }>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const words = raw.split(/\s+/);
    if (words[0] === 'create' || words[0] === '-N' || words[0] === '-exist') {
      if (words.length < 3) throw new DriftInputError(file, n, `expected "create NAME TYPE [options]", got ${JSON.stringify(raw)}`);
      const name = words[1];
      if (!CALICO_SET.test(name)) continue;
      if (sets.has(name)) throw new DriftInputError(file, n, `set ${name} is created twice`);
      const familyAt = words.indexOf('family');
      sets.set(name, { name, type: words[2], family: familyAt > 0 ? (words[familyAt + 1] ?? '') : 'inet', members: new Set(), line: n });
    } else if (words[0] === 'add' || words[0] === '-A') {
      if (words.length < 3) throw new DriftInputError(file, n, `expected "add NAME MEMBER", got ${JSON.stringify(raw)}`);
      if (!CALICO_SET.test(words[1])) continue;
      const set = sets.get(words[1]);
      if (!set) throw new DriftInputError(file, n, `add to set ${words[1]}, which no earlier create line makes`);
      set.members.add(canonicalMember(words[2]));
    } else {
      throw new DriftInputError(file, n, `expected a "create" or "add" line (ipset save output), got ${JSON.stringify(raw.slice(0, 80))}`);
    }
  }
  return sets;
}

/** One difference between the planned and the node's sets. */
export interface SetDrift {
  /** `missing-set`, `extra-set`, `changed-set` (type or family), `missing-member` or `extra-member`. */
  readonly kind: string;
  readonly set: string;
  /** The member, for member differences. @default - none */
  readonly member?: string;
  /** What differs, for a changed set. @default - none */
  readonly detail?: string;
}

/** The differences, sets and members sorted. */
export function compareIpSets(plan: ReadonlyMap<string, SavedIpSet>, node: ReadonlyMap<string, SavedIpSet>): SetDrift[] {
  const out: SetDrift[] = [];
  const names = [...new Set([...plan.keys(), ...node.keys()])].sort();
  for (const name of names) {
    const p = plan.get(name);
    const l = node.get(name);
    if (!l) {
      out.push({ kind: 'missing-set', set: name });
      continue;
    }
    if (!p) {
      out.push({ kind: 'extra-set', set: name });
      continue;
    }
    if (p.type !== l.type || p.family !== l.family) {
      out.push({ kind: 'changed-set', set: name, detail: `planned ${p.type} family ${p.family}, node has ${l.type} family ${l.family}` });
    }
    for (const m of [...p.members].sort()) if (!l.members.has(m)) out.push({ kind: 'missing-member', set: name, member: m });
    for (const m of [...l.members].sort()) if (!p.members.has(m)) out.push({ kind: 'extra-member', set: name, member: m });
  }
  return out;
}
