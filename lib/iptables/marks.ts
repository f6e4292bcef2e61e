// The mark bits Felix allocates from IptablesMarkMask (felix/dataplane/driver.go, markbits).

/** The mark bits used by the rendered rules. */
export interface MarkBits {
  readonly accept: number;
  readonly pass: number;
  readonly drop: number;
  readonly scratch0: number;
  readonly scratch1: number;
}

const DEFAULT_MASK = 0xffff0000;

/** The lowest `count` set bits of the mask, lowest first (markbits.go NextSingleBitMark, one call each). */
function lowestBits(mask: number, count: number): number[] {
  const bits: number[] = [];
  for (let bit = 0; bit < 32 && bits.length < count; bit++) {
    const value = 2 ** bit;
    if (Math.floor(mask / value) % 2 === 1) bits.push(value);
  }
  return bits;
}

/** Allocates accept, pass, drop, scratch0, scratch1 in that order, one free bit each, lowest first. */
export function allocateMarks(mask: number = DEFAULT_MASK): MarkBits {
  const bits = lowestBits(mask, 5);
  if (bits.length < 5) throw new Error(`iptablesMarkMask 0x${mask.toString(16)} has fewer than 5 bits; Felix needs at least 5`);
  return { accept: bits[0], pass: bits[1], drop: bits[2], scratch0: bits[3], scratch1: bits[4] };
}

/**
 * The WireGuard mark: the next free bit after scratch1. driver.go allocates it (when WireGuard is on
 * for either IP version) right after the five of allocateMarks, and stops without one.
 */
export function allocateWireguardMark(mask: number = DEFAULT_MASK): number {
  const bits = lowestBits(mask, 6);
  if (bits.length < 6) throw new Error(`iptablesMarkMask 0x${mask.toString(16)} has fewer than 6 bits; with WireGuard on Felix needs at least 6`);
  return bits[5];
}

/** Felix's allCalicoMarkBits: accept | pass | scratch0 | scratch1. */
export function allCalicoMarkBits(m: MarkBits): number {
  return m.accept + m.pass + m.scratch0 + m.scratch1;
}

/** `0x10000` (or `0` for zero), as Felix's iptables renderer prints marks. */
export function hex(n: number): string {
  return n === 0 ? '0' : `0x${n.toString(16)}`;
}
