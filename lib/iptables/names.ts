// Felix's chain names and their 28-character limit (felix/rules/rule_defs.go, felix/hashutils/id.go).
import { createHash } from 'crypto';

/** iptables' chain-name limit as Felix enforces it (felix/iptables/table.go MaxChainNameLength). */
export const MAX_CHAIN_NAME_LENGTH = 28;

export const POLICY_IN_PREFIX = 'cali-pi-';
export const POLICY_OUT_PREFIX = 'cali-po-';
export const PROFILE_IN_PREFIX = 'cali-pri-';
export const PROFILE_OUT_PREFIX = 'cali-pro-';
export const TO_WORKLOAD_PREFIX = 'cali-tw-';
export const FROM_WORKLOAD_PREFIX = 'cali-fw-';
export const TO_HOST_PREFIX = 'cali-th-';
export const FROM_HOST_PREFIX = 'cali-fh-';
export const TO_HOST_FORWARD_PREFIX = 'cali-thfw-';
export const FROM_HOST_FORWARD_PREFIX = 'cali-fhfw-';

/**
 * Felix's GetLengthLimitedID: `prefix + suffix` when it fits in `maxLength` (and, at exactly the
 * limit, does not start with `_`); otherwise `prefix + "_" + base64url(SHA-256(suffix))` cut to fit.
 */
export function lengthLimitedId(prefix: string, suffix: string, maxLength: number = MAX_CHAIN_NAME_LENGTH): string {
  const text = suffix === '' ? '_' : suffix;
  const total = prefix.length + text.length;
  if (total > maxLength || (total === maxLength && text.startsWith('_'))) {
    const left = maxLength - 1 - prefix.length;
    if (left <= 0) throw new Error(`chain prefix ${JSON.stringify(prefix)} is too long for a ${maxLength}-character name`);
    const hash = createHash('sha256').update(text, 'utf8').digest('base64url');
    return `${prefix}_${hash.slice(0, left)}`;
  }
  return prefix + text;
}

/** Felix's short policy kind (types.PolicyID.KindShortName): `np`, `gnp`, `kcnp`, else the kind itself. */
export function policyKindShortName(kind: string): string {
  if (kind === 'GlobalNetworkPolicy') return 'gnp';
  // Calico 3.31 writes the v1alpha1 admin kinds as GlobalNetworkPolicies; 3.32 gives ClusterNetworkPolicy its own kind
  if (kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy') return 'gnp';
  if (kind === 'ClusterNetworkPolicy') return 'kcnp';
  if (kind === 'NetworkPolicy' || kind === 'CalicoNetworkPolicy') return 'np';
  return kind;
}

/**
 * The policy ID Felix hashes into chain names (types.PolicyID.ID): `<kind>/<ns>/<name>` for
 * namespaced policies, `<kind>/<name>` otherwise. Kubernetes policies keep their `knp.default.`
 * name and the `np` kind, as in Calico v3.31.
 */
export function policyId(kind: string, name: string, namespace?: string): string {
  const short = policyKindShortName(kind);
  return namespace ? `${short}/${namespace}/${name}` : `${short}/${name}`;
}

/** `cali-pi-...` / `cali-po-...` for a policy ID (see policyId). */
export function policyChainName(prefix: string, id: string): string {
  return lengthLimitedId(prefix, id);
}

/** `cali-pri-...` / `cali-pro-...` for a profile name. */
export function profileChainName(prefix: string, profile: string): string {
  return lengthLimitedId(prefix, profile);
}

/** `cali-tw-<iface>` etc. for an interface name. */
export function endpointChainName(prefix: string, interfaceName: string): string {
  return lengthLimitedId(prefix, interfaceName);
}
