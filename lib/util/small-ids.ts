// Small integer ids for keys (objects by identity, or texts): 0, 1, 2, ... in the order first asked for.

/** Gives each key a small integer id, the same one every time it is asked for. */
export class SmallIds<K> {
  private readonly ids = new Map<K, number>();

  /** The key's id; a new one (the count so far) the first time. */
  of(key: K): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}
