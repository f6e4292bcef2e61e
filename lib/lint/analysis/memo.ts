// A bounded memo for the pure parse and compare helpers of the analyses: lint compares the same
// selectors, nets and ports many times over, so each is parsed (and each pair compared) once.

const SEPARATOR = '\u0000';

/** A cache of computed values by string key; forgets everything once `limit` keys are held. */
export class Memo<V> {
  private readonly cache = new Map<string, V>();
  /** By list object, with a copy of the list to check that it did not change since. */
  private readonly byList = new WeakMap<readonly (string | undefined)[], { readonly copy: readonly (string | undefined)[]; readonly v: V }>();

  constructor(private readonly limit = 20_000) {}

  /** The cached value for the key, computing it on a miss. */
  public get(key: string, compute: () => V): V {
    if (this.cache.has(key)) return this.cache.get(key) as V;
    const v = compute();
    if (this.cache.size >= this.limit) this.cache.clear();
    this.cache.set(key, v);
    return v;
  }

  /**
   * Like get, keyed by the content of a list of strings (looked up by the list object first, since
   * rules are compared many times over); a list holding the separator is computed uncached.
   */
  public getByList(parts: readonly (string | undefined)[], compute: () => V): V {
    const seen = this.byList.get(parts);
    if (seen && seen.copy.length === parts.length && seen.copy.every((p, i) => p === parts[i])) return seen.v;
    const v = this.getByContent(parts, compute);
    this.byList.set(parts, { copy: [...parts], v });
    return v;
  }

  private getByContent(parts: readonly (string | undefined)[], compute: () => V): V {
    const texts = parts.map((p) => (p === undefined ? undefined : String(p)));
    if (texts.some((p) => p !== undefined && p.includes(SEPARATOR))) return compute();
    return this.get(texts.map((p) => (p === undefined ? '\u0001' : `=${p}`)).join(SEPARATOR), compute);
  }
}

/** A cache of computed values by a pair of strings (two-level, so no key string is built per look-up); bounded. */
export class PairMemo<V> {
  private readonly cache = new Map<string, Map<string, V>>();
  private size = 0;

  constructor(private readonly limit = 50_000) {}

  /** The cached value for the pair, computing it on a miss. */
  public get(a: string, b: string, compute: () => V): V {
    let inner = this.cache.get(a);
    if (inner?.has(b)) return inner.get(b) as V;
    const v = compute();
    if (this.size >= this.limit) {
      this.cache.clear();
      this.size = 0;
      inner = undefined;
    }
    if (!inner) {
      inner = new Map<string, V>();
      this.cache.set(a, inner);
    }
    inner.set(b, v);
    this.size++;
    return v;
  }
}
