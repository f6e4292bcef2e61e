// Namespace -> Calico profile `kns.<ns>` (libcalico-go NamespaceToProfile); service account ->
// profile `ksa.<ns>.<sa>` (ServiceAccountToProfile, serviceAccountNameToProfileName in
// libcalico-go lib/backend/k8s/conversion/conversion.go, v3.32.1).
import { CalicoRule, StringMap } from '../../model/resources';

/** A profile (kns.<ns>, ksa.<ns>.<sa> or a HostEndpoint profile). */
export interface Profile {
  readonly name: string;
  readonly ingress: readonly CalicoRule[];
  readonly egress: readonly CalicoRule[];
}

/** Prefix of namespace profiles. */
export const NAMESPACE_PROFILE_PREFIX = 'kns.';
/** Prefix of service account profiles. */
const SERVICE_ACCOUNT_PROFILE_PREFIX = 'ksa.';
/** Prefix namespace labels get on the profile (and so on the namespace's endpoints). */
const NAMESPACE_LABEL_PREFIX = 'pcns.';
/** Label carrying the namespace name on the profile (prefixed with `pcns.`). */
export const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

/** The profile Calico makes for a namespace: allow all both ways. */
export function namespaceProfile(namespace: string): Profile {
  return { name: `${NAMESPACE_PROFILE_PREFIX}${namespace}`, ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] };
}

/** `ksa.<ns>.<sa>`: the name of a service account's profile (namespace `default` when empty, as Calico). */
export function serviceAccountProfileName(namespace: string, serviceAccount: string): string {
  return `${SERVICE_ACCOUNT_PROFILE_PREFIX}${namespace === '' ? 'default' : namespace}.${serviceAccount}`;
}

/**
 * The profile Calico makes for a service account: no rules (it only carries the `pcsa.` labels to
 * apply, see serviceAccountLabels). Felix renders its
 * chains with the chain comment alone, so it accepts nothing and the endpoint chain moves on.
 */
export function serviceAccountProfile(namespace: string, serviceAccount: string): Profile {
  return { name: serviceAccountProfileName(namespace, serviceAccount), ingress: [], egress: [] };
}

/** Prefix service account labels get on the profile (and so on the service account's endpoints). */
export const SERVICE_ACCOUNT_LABEL_PREFIX = 'pcsa.';

/**
 * The labels a service account selector sees: the ServiceAccount's own labels (empty when it was
 * not read) and `projectcalico.org/name`, its name, which Calico always sets and which wins over a
 * label of that key (ServiceAccountToProfile).
 */
export function serviceAccountLabels(serviceAccount: string, labels: StringMap): StringMap {
  return { ...labels, [CALICO_NAMESPACE_NAME_LABEL]: serviceAccount };
}

/** The labels of the service account profile, inherited by its endpoints: `pcsa.<k>` for each of serviceAccountLabels. */
export function serviceAccountProfileLabels(serviceAccount: string, labels: StringMap): StringMap {
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(serviceAccountLabels(serviceAccount, labels))) out[`${SERVICE_ACCOUNT_LABEL_PREFIX}${k}`] = v;
  return out;
}

/** The labels of the namespace profile: `pcns.<k>` for every label plus `pcns.projectcalico.org/name`. */
export function namespaceProfileLabels(namespace: string, labels: StringMap): StringMap {
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(labels)) out[`${NAMESPACE_LABEL_PREFIX}${k}`] = v;
  out[`${NAMESPACE_LABEL_PREFIX}${CALICO_NAMESPACE_NAME_LABEL}`] = namespace;
  return out;
}
