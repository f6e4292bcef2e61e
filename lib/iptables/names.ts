// Felix's chain names and their 28-character limit (felix/rules/rule_defs.go, felix/hashutils/id.go).
import { createHash } from 'crypto';
import { CalicoVersion, DEFAULT_CALICO_VERSION } from '../model/calico-version';

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

/**
 * Felix's short policy kind (3.32 types.PolicyID.KindShortName) for an origin kind
 * (PolicyOrigin.kind): `gnp`, `np` for a Calico NetworkPolicy, `knp` for a Kubernetes one under
 * 3.32 (`np` under 3.31, where it is a Calico NetworkPolicy named `knp.default.<name>`), else the
 * kind itself.
 */
export function policyKindShortName(kind: string, version: CalicoVersion = DEFAULT_CALICO_VERSION): string {
  if (kind === 'GlobalNetworkPolicy') return 'gnp';
  // Calico 3.31 writes the v1alpha1 admin kinds as GlobalNetworkPolicies; 3.32 gives ClusterNetworkPolicy its own kind
  if (kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy') return 'gnp';
  if (kind === 'ClusterNetworkPolicy') return 'kcnp';
  if (kind === 'NetworkPolicy') return version === '3.31' ? 'np' : 'knp';
  if (kind === 'CalicoNetworkPolicy') return 'np';
  return kind;
}

/** What Felix names a policy by: its origin kind, tier, name (as Felix sees it) and namespace. */
export interface PolicyIdParts {
  readonly kind: string;
  readonly tier: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * The policy ID Felix hashes into chain names. 3.32 (felix/types/policy_id.go PolicyID.ID):
 * `<kind>/<ns>/<name>` for namespaced policies, `<kind>/<name>` otherwise. 3.31
 * (felix/rules/policy.go PolicyChainName): `<tier>/<v1 name>`, the v1 name being `<ns>/<name>`
 * for namespaced policies (updateprocessors/networkpolicyprocessor.go).
 */
export function policyId(p: PolicyIdParts, version: CalicoVersion = DEFAULT_CALICO_VERSION): string {
  if (version === '3.31') return p.namespace ? `${p.tier}/${p.namespace}/${p.name}` : `${p.tier}/${p.name}`;
  const short = policyKindShortName(p.kind, version);
  return p.namespace ? `${short}/${p.namespace}/${p.name}` : `${short}/${p.name}`;
}

/** `cali-pi-...` / `cali-po-...` for a policy ID (see policyId). */
export function policyChainName(prefix: string, id: string): string {
  return lengthLimitedId(prefix, id);
}

/** `cali-pri-...` / `cali-pro-...` for a profile name. */
export function profileChainName(prefix: string, profile: string): string {
  return lengthLimitedId(prefix, profile);
}

/**
 * The name Felix gives the all-interfaces (`*`) host endpoint's interface (endpoint_mgr.go
 * allInterfaces: longer than IFNAMSIZ, so no real interface has it).
 */
const ALL_INTERFACES = 'any-interface-at-all';

/** `cali-tw-<iface>` etc. for an interface name; `cali-fh-any-interface-at-all` etc. for `*`. */
export function endpointChainName(prefix: string, interfaceName: string): string {
  return lengthLimitedId(prefix, interfaceName === '*' ? ALL_INTERFACES : interfaceName);
}
