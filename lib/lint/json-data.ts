// Whether a value is plain JSON data: what JSON.parse(JSON.stringify(v)) gives back unchanged
// (same types, same keys in the same order), so a copy through JSON can be skipped.

/** True for null, booleans, strings, finite numbers (not -0), dense plain arrays and plain objects of those. */
export function isJsonData(v: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return false;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v) || !isJsonData(v[i], depth + 1)) return false;
    }
    return Object.getOwnPropertyNames(v).length === v.length + 1; // the items and `length`
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  if (Object.getOwnPropertyNames(v).length !== keys.length) return false;
  for (const k of keys) {
    if (k === '__proto__' || k === 'toJSON') return false;
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (!d || !('value' in d) || !isJsonData(d.value, depth + 1)) return false;
  }
  return true;
}
