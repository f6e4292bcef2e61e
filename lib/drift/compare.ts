// Compares the rules a plan holds with the rules a node holds, table by table and chain by chain:
// Calico's chains (`cali-*`) whole, and in every other chain only Calico's rules (a `cali:` hash
// comment or a jump into a `cali-*` chain); kube-proxy's, Docker's and others' are not Calico's.
import { chainOwnerFromComment } from '../iptables/policy-chains';
import { expandAddressLists } from './address-lists';
import { CanonicalRule, canonicalRule } from './canonical';
import { SavedRuleset, SavedTable } from './iptables-save';

/** `missing` (planned, not on the node), `extra` (on the node, not planned) or `changed`. */
export type RuleDriftKind = 'missing' | 'extra' | 'changed';

/** One rule that differs. */
export interface RuleDrift {
  readonly kind: RuleDriftKind;
  /** `iptables` or `ip6tables`. */
  readonly family: string;
  readonly table: string;
  readonly chain: string;
  /** The policy or profile the rule belongs to (`gnp allow-vrrp`), or `chain <name>` for Felix's own chains. */
  readonly owner: string;
  /** The planned rule. @default - none (extra) */
  readonly planned?: CanonicalRule;
  /** The node's rule. @default - none (missing) */
  readonly live?: CanonicalRule;
}

const CALICO_CHAIN = /^cali-/;

function isCalicoRule(r: CanonicalRule): boolean {
  return CALICO_CHAIN.test(r.chain) || r.hash !== undefined || (r.target !== undefined && CALICO_CHAIN.test(r.target));
}

/** Rules per chain, Calico's only, in order. */
function calicoRules(t: SavedTable | undefined): Map<string, CanonicalRule[]> {
  const out = new Map<string, CanonicalRule[]>();
  if (!t) return out;
  for (const [name] of t.chains) if (CALICO_CHAIN.test(name)) out.set(name, []);
  for (const saved of t.rules.flatMap(expandAddressLists)) {
    const r = canonicalRule(saved);
    if (!isCalicoRule(r)) continue;
    const list = out.get(r.chain) ?? [];
    list.push(r);
    out.set(r.chain, list);
  }
  return out;
}

/** Who a chain belongs to: the policy or profile its first rule's comment names. */
function chainOwners(...sides: Map<string, CanonicalRule[]>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const side of sides) {
    for (const [chain, rules] of side) {
      if (out.has(chain)) continue;
      const owner = rules.length > 0 ? chainOwnerFromComment(rules[0].comment) : undefined;
      if (owner !== undefined) out.set(chain, owner);
    }
  }
  return out;
}

/** A jump into a policy or profile chain belongs to that policy; every other rule to its chain's owner. */
function ownerOf(r: CanonicalRule, owners: ReadonlyMap<string, string>): string {
  const viaTarget = r.target === undefined ? undefined : owners.get(r.target);
  return viaTarget ?? owners.get(r.chain) ?? `chain ${r.chain}`;
}

/** Longest common subsequence of keys: pairs of indexes of equal rules, in order. */
function alignment(a: readonly CanonicalRule[], b: readonly CanonicalRule[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const len: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i][j] = a[i].key === b[j].key ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].key === b[j].key) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The differences of one chain. Between two rules that agree, a planned and a node rule with the
 * same `cali:` hash, or the only planned and the only node rule of that stretch, are one changed
 * rule; the others are missing or extra.
 */
function chainDrift(planned: readonly CanonicalRule[], live: readonly CanonicalRule[]): Array<{ kind: RuleDriftKind; planned?: CanonicalRule; live?: CanonicalRule }> {
  const out: Array<{ kind: RuleDriftKind; planned?: CanonicalRule; live?: CanonicalRule }> = [];
  const pairs = [...alignment(planned, live), [planned.length, live.length] as [number, number]];
  let pi = 0;
  let li = 0;
  for (const [pe, le] of pairs) {
    const gapPlanned = planned.slice(pi, pe);
    const gapLive = live.slice(li, le);
    if (gapPlanned.length === 1 && gapLive.length === 1) {
      out.push({ kind: 'changed', planned: gapPlanned[0], live: gapLive[0] });
    } else {
      const used = new Set<CanonicalRule>();
      for (const p of gapPlanned) {
        const same = p.hash === undefined ? undefined : gapLive.find((l) => !used.has(l) && l.hash === p.hash);
        if (same) {
          used.add(same);
          out.push({ kind: 'changed', planned: p, live: same });
        } else out.push({ kind: 'missing', planned: p });
      }
      for (const l of gapLive) if (!used.has(l)) out.push({ kind: 'extra', live: l });
    }
    pi = pe + 1;
    li = le + 1;
  }
  return out;
}

/** Every rule that differs between the plan's tables and the node's, tables and chains sorted by name. */
export function compareRulesets(family: string, plan: SavedRuleset | undefined, node: SavedRuleset | undefined): RuleDrift[] {
  const out: RuleDrift[] = [];
  const tables = new Set([...(plan?.tables.keys() ?? []), ...(node?.tables.keys() ?? [])]);
  for (const table of [...tables].sort()) {
    const planned = calicoRules(plan?.tables.get(table));
    const live = calicoRules(node?.tables.get(table));
    const owners = chainOwners(planned, live);
    const chains = new Set([...planned.keys(), ...live.keys()]);
    for (const chain of [...chains].sort()) {
      for (const d of chainDrift(planned.get(chain) ?? [], live.get(chain) ?? [])) {
        const rule = d.planned ?? d.live;
        out.push({ ...d, family, table, chain, owner: rule ? ownerOf(rule, owners) : `chain ${chain}` });
      }
    }
  }
  return out;
}
