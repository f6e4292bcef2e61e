// One compiled chain run for one owner group against every other group at once. It is the
// verdict-only walk of evaluate/chain.ts (rules in order, first match decides, Pass to the next tier,
// the end of a tier drops unless it passes, then what follows the tiers) over bitsets: a rule takes
// part when its owner-side entity matches the owner, and then decides, among the groups not decided
// yet, those its other-side entity matches.
import { GroupMatches, bitWords, forEachBit } from './group-matches';

export const CONTINUE = 0;
export const ALLOW = 1;
export const DENY = 2;
export const PASS = 3;
export const AFTER_CONTINUE = 0;
export const AFTER_ALLOW = 1;
export const AFTER_PROFILES = 2;

export interface FastTier {
  /** Interned by content (FastPairs.tier). */
  readonly id: number;
  /** Per rule: the id of its source entity (GroupMatches). */
  readonly src: Int32Array;
  /** Per rule: the id of its destination entity (GroupMatches). */
  readonly dst: Int32Array;
  /** Per rule: ALLOW, DENY or PASS. */
  readonly actions: Uint8Array;
  /** True when the end of the tier passes to the next tier (else it drops). */
  readonly passAtEnd: boolean;
  /** Distinct source (destination) entity ids of the tier's rules. */
  readonly srcDistinct: Int32Array;
  readonly dstDistinct: Int32Array;
}

export interface FastChain {
  /** Interned by content: chains with one id give one verdict for the same matches. */
  readonly id: number;
  readonly tiers: readonly FastTier[];
  /** What follows the tiers: AFTER_CONTINUE, AFTER_ALLOW or AFTER_PROFILES (ChainOptions.after). */
  readonly after: number;
  /** The profiles' rules (empty unless `after` is AFTER_PROFILES). */
  readonly profile: FastTier;
  /** Distinct source (destination) entity ids the chain reads. */
  readonly srcEntities: Int32Array;
  readonly dstEntities: Int32Array;
}

/**
 * The chain's verdict (CONTINUE, ALLOW, DENY or PASS) for each other group, with `owner` the source
 * group of an egress chain (`egress`: the others are destinations) or the destination group of an
 * ingress chain.
 */
export function chainRow(chain: FastChain, owner: number, egress: boolean, matches: GroupMatches, groups: number): Uint8Array {
  const row = new Uint8Array(groups); // CONTINUE everywhere
  const words = bitWords(groups);
  let open: Uint32Array = new Uint32Array(words);
  open.fill(0xffffffff);
  if (groups % 32 !== 0) open[words - 1] = (2 ** (groups % 32)) - 1;
  const decide = (bits: Uint32Array, action: number): void => {
    for (let w = 0; w < words; w++) if (bits[w] !== 0) forEachBit(bits[w], w, (g) => { row[g] = action; });
  };
  // decides the open groups each rule of the tier matches; returns those a Pass rule sent on
  const scan = (tier: FastTier): Uint32Array => {
    const passed = new Uint32Array(words);
    const mine = egress ? tier.src : tier.dst;
    const theirs = egress ? tier.dst : tier.src;
    for (let i = 0; i < mine.length; i++) {
      if (matches.match(mine[i], owner) !== 1) continue;
      const bits = matches.bits(theirs[i]);
      const action = tier.actions[i];
      for (let w = 0; w < words; w++) {
        const hit = open[w] & bits[w];
        if (hit === 0) continue;
        open[w] &= ~hit;
        if (action === PASS) passed[w] |= hit;
        else forEachBit(hit, w, (g) => { row[g] = action; });
      }
    }
    return passed;
  };
  for (const tier of chain.tiers) {
    const passed = scan(tier);
    if (tier.passAtEnd) {
      for (let w = 0; w < words; w++) open[w] |= passed[w];
    } else {
      decide(open, DENY);
      open = passed;
    }
  }
  if (chain.after === AFTER_ALLOW) decide(open, ALLOW);
  else if (chain.after === AFTER_PROFILES) {
    const passed = scan(chain.profile);
    decide(open, DENY);
    decide(passed, PASS);
  }
  return row;
}
