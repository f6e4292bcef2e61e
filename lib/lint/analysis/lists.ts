// Calico reads an empty list (`nets: []`, `ports: []`) as if the field were not set.

/** The list when it has items; undefined for a missing or empty list, which constrains nothing. */
export function nonEmpty<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  return list !== undefined && list.length > 0 ? list : undefined;
}
