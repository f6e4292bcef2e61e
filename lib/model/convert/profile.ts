// Namespace -> Calico profile `kns.<ns>` (libcalico-go NamespaceToProfile).
import { CalicoRule, StringMap } from '../../model/resources';

/** A profile (kns.<ns> or a HostEndpoint profile). */
export interface Profile {
  readonly name: string;
  readonly ingress: readonly CalicoRule[];
  readonly egress: readonly CalicoRule[];
}

/** Prefix of namespace profiles. */
export const NAMESPACE_PROFILE_PREFIX = 'kns.';
/** Prefix namespace labels get on the profile (and so on the namespace's endpoints). */
const NAMESPACE_LABEL_PREFIX = 'pcns.';
/** Label carrying the namespace name on the profile (prefixed with `pcns.`). */
export const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

/** The profile Calico makes for a namespace: allow all both ways. */
export function namespaceProfile(namespace: string): Profile {
  return { name: `${NAMESPACE_PROFILE_PREFIX}${namespace}`, ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] };
}

/** The labels of the namespace profile: `pcns.<k>` for every label plus `pcns.projectcalico.org/name`. */
export function namespaceProfileLabels(namespace: string, labels: StringMap): StringMap {
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(labels)) out[`${NAMESPACE_LABEL_PREFIX}${k}`] = v;
  out[`${NAMESPACE_LABEL_PREFIX}${CALICO_NAMESPACE_NAME_LABEL}`] = namespace;
  return out;
}
