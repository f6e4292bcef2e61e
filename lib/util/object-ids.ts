// Small integer ids for objects by identity: 0, 1, 2, ... in the order first asked for.

/** Gives each object a small integer id, the same one every time it is asked for. */
export class ObjectIds {
  private readonly ids = new Map<object, number>();

  /** The object's id; a new one (the count so far) the first time. */
  of(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(o, id);
    }
    return id;
  }
}
