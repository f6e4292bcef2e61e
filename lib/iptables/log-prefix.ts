// Felix's generateLogPrefix (felix/rules/policy.go, calico master): the `%t %k %n %p` specifiers of
// FelixConfiguration logPrefix, filled in for the policy or profile a Log rule belongs to.

/** Who owns a Log rule, as Felix names it. */
export interface LogPrefixOwner {
  /** Felix's short kind: `gnp`, `np`, `knp`, ... or `pro` for a profile. */
  readonly kind: string;
  /** The name Felix sees (no namespace). */
  readonly name: string;
  readonly namespace?: string;
  /** The tier; empty for a profile (profiles belong to no tier). */
  readonly tier: string;
}

const SPECIFIER = /%[tknp]/g;

/**
 * The prefix with `%t` (tier), `%k` (kind), `%n` (name) and `%p` (`<namespace>/<name>`, or the name
 * when not namespaced) replaced; any other `%` sequence is kept as written.
 */
export function expandLogPrefix(format: string, owner: LogPrefixOwner): string {
  if (!format.includes('%')) return format;
  return format.replace(SPECIFIER, (s) => {
    switch (s) {
      case '%t': return owner.tier;
      case '%k': return owner.kind;
      case '%n': return owner.name;
      default: return owner.namespace ? `${owner.namespace}/${owner.name}` : owner.name;
    }
  });
}
