/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes. Calico (Go)
 * sorts set members bytewise; JavaScript's default `<` compares UTF-16 code units, which differs
 * when a character above U+FFFF meets one in U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return fixup(x) - fixup(y);
    }
  }
  return a.length - b.length;
}

/** Moves surrogates (U+D800..U+DFFF) above U+E000..U+FFFF so code units order like code points. */
function fixup(unit: number): number {
  if (unit >= 0xe000) {
    return unit - 0x800;
  }
  if (unit >= 0xd800) {
    return unit + 0x2000;
  }
  return unit;
}
