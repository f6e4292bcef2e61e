// Sets of connection classes (space.ts) as bit sets: bit i is the i-th class of the map's class
// list. Every rule's protocol and port part is a union of classes (the classes are cut at every
// boundary a rule names), so union, intersection and difference of these sets are exact.

/** A set of connection classes; never mutated once made. */
export type ClassBits = Uint32Array;

/** The empty set and the whole set of `size` classes. */
export function emptyBits(size: number): ClassBits {
  return new Uint32Array((size + 31) >>> 5);
}

export function fullBits(size: number): ClassBits {
  const b = emptyBits(size);
  for (let i = 0; i < size; i++) b[i >>> 5] |= 1 << (i & 31);
  return b;
}

/** The classes for which `test` holds. */
export function bitsWhere(size: number, test: (i: number) => boolean): ClassBits {
  const b = emptyBits(size);
  for (let i = 0; i < size; i++) if (test(i)) b[i >>> 5] |= 1 << (i & 31);
  return b;
}

export function hasBit(b: ClassBits, i: number): boolean {
  return (b[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function isEmpty(b: ClassBits): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

export function and(a: ClassBits, b: ClassBits): ClassBits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

export function or(a: ClassBits, b: ClassBits): ClassBits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | b[i];
  return out;
}

/** a minus b. */
export function minus(a: ClassBits, b: ClassBits): ClassBits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & ~b[i];
  return out;
}

/** a |= b, in place (a must be a set of one's own). */
export function orInto(a: Uint32Array, b: ClassBits): void {
  for (let i = 0; i < a.length; i++) a[i] |= b[i];
}

/** a := full minus a, in place; returns a. */
export function complementInto(a: Uint32Array, full: ClassBits): ClassBits {
  for (let i = 0; i < a.length; i++) a[i] = full[i] & ~a[i];
  return a;
}

/** A key for interning: equal sets, equal keys. */
export function bitsKey(b: ClassBits): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += `${b[i].toString(36)},`;
  return s;
}

/** Values by set of classes, found by the words' hash and compared word by word (no key text per look-up). */
export class BitsTable<T> {
  private readonly buckets = new Map<number, { readonly bits: ClassBits; readonly value: T }[]>();

  get(b: ClassBits, make: () => T): T {
    let h = 0;
    for (let i = 0; i < b.length; i++) h = (Math.imul(h, 0x9e3779b1) + b[i]) | 0;
    let bucket = this.buckets.get(h);
    if (!bucket) {
      bucket = [];
      this.buckets.set(h, bucket);
    }
    for (const e of bucket) if (sameBits(e.bits, b)) return e.value;
    const value = make();
    bucket.push({ bits: b, value });
    return value;
  }
}

function sameBits(a: ClassBits, b: ClassBits): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
