// A rule with comma-separated addresses (`--source a,b`, as Felix writes cali-egress-dscp rules for
// an endpoint with several addresses) is loaded by iptables as one rule per address, sources
// outer, destinations inner (iptables' generate_entry loops); so the plan's rule is compared as
// those rules.
import { SavedRule } from './iptables-save';

const SOURCE = new Set(['-s', '--source', '--src']);
const DESTINATION = new Set(['-d', '--destination', '--dst']);

/** The rules iptables makes of one rule line. */
export function expandAddressLists(r: SavedRule): SavedRule[] {
  const listAt = (options: ReadonlySet<string>): number => r.words.findIndex((w, i) => options.has(w) && (r.words[i + 1] ?? '').includes(','));
  let out: SavedRule[] = [r];
  for (const options of [SOURCE, DESTINATION]) {
    const at = listAt(options);
    if (at < 0) continue;
    const values = (r.words[at + 1] ?? '').split(',');
    out = out.flatMap((rule) => values.map((v) => ({ ...rule, words: rule.words.map((w, i) => (i === at + 1 ? v : w)) })));
  }
  return out;
}
