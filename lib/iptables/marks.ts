// The mark bits Felix allocates from IptablesMarkMask (felix/dataplane/driver.go, markbits).

/** The mark bits used by the rendered rules. */
export interface MarkBits {
  readonly accept: number;
  readonly pass: number;
  readonly drop: number;
  readonly scratch0: number;
  readonly scratch1: number;
}

/** Allocates accept, pass, drop, scratch0, scratch1 in that order, one free bit each, lowest first. */
export function allocateMarks(mask: number = 0xffff0000): MarkBits {
  const bits: number[] = [];
  for (let bit = 0; bit < 32 && bits.length < 5; bit++) {
    const value = 2 ** bit;
    if (Math.floor(mask / value) % 2 === 1) bits.push(value);
  }
  if (bits.length < 5) throw new Error(`iptablesMarkMask 0x${mask.toString(16)} has fewer than 5 bits; Felix needs at least 5`);
  return { accept: bits[0], pass: bits[1], drop: bits[2], scratch0: bits[3], scratch1: bits[4] };
}

/** Felix's allCalicoMarkBits: accept | pass | scratch0 | scratch1. */
export function allCalicoMarkBits(m: MarkBits): number {
  return m.accept + m.pass + m.scratch0 + m.scratch1;
}

/** `0x10000` (or `0` for zero), as Felix's iptables renderer prints marks. */
export function hex(n: number): string {
  return n === 0 ? '0' : `0x${n.toString(16)}`;
}
