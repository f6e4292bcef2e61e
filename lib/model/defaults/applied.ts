/** One default filled in on read, as the API server would: the field, the value it got, and who sets it. */
export interface AppliedDefault {
  /** Field path, e.g. `spec.policyTypes` or `spec.ingress[0].ports[1].protocol`. */
  readonly field: string;
  /** The value filled in, as text (e.g. `[Ingress, Egress]`). */
  readonly value: string;
  /** Whose defaulting this follows, e.g. `kube-apiserver` or `Calico API server`. */
  readonly by: string;
  /**
   * False when the value changes nothing that is enforced (a label only RBAC and listing read):
   * verdict traces leave it out. @default true
   */
  readonly enforced?: boolean;
}

/** `policyTypes defaulted to [Ingress, Egress] (kube-apiserver)`. */
export function describeDefault(d: AppliedDefault): string {
  return `${d.field} defaulted to ${d.value} (${d.by})`;
}

/** A resource after defaulting, with the defaults that were filled in (empty when none). */
export interface Defaulted<T> {
  readonly resource: T;
  readonly defaults: readonly AppliedDefault[];
}
