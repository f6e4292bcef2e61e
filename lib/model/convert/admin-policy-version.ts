// Which Calico release converts which admin policy kind: 3.31 the v1alpha1 kinds, 3.32 ClusterNetworkPolicy.
import { CalicoVersion } from '../calico-version';
import { NetsecInputError } from '../errors';

/** Thrown for an admin policy kind the declared Calico version does not convert; names the version that does. */
export class AdminPolicyVersionError extends NetsecInputError {
  constructor(where: string, kindAndVersion: string, declared: CalicoVersion, converting: CalicoVersion, instead: string) {
    super(`${where}: kind: ${kindAndVersion} is not converted by Calico ${declared} (${instead}); `
      + `Calico ${converting} converts it: declare Calico version ${converting}, or skipping it would give wrong answers`);
    this.name = 'AdminPolicyVersionError';
  }
}

/** The tiers Calico creates for the admin policy kinds: name, order and default action (libcalico-go clientv3 ensureTierExists). */
export interface AdminTier {
  readonly name: string;
  readonly order: number;
  readonly defaultAction: 'Pass';
}

/** AdminNetworkPolicyTierOrder / KubeAdminTierOrder (api/pkg/apis/projectcalico/v3/tier.go). */
const ADMIN_TIER_ORDER = 1_000;
/** BaselineAdminNetworkPolicyTierOrder / KubeBaselineTierOrder. */
const BASELINE_TIER_ORDER = 10_000_000;

/** The admin and baseline tiers of a Calico release (v3.31.7 names/policy.go, v3.32.1 names/policy.go). */
export function adminTiers(version: CalicoVersion): { readonly admin: AdminTier; readonly baseline: AdminTier } {
  return version === '3.31'
    ? { admin: { name: 'adminnetworkpolicy', order: ADMIN_TIER_ORDER, defaultAction: 'Pass' },
      baseline: { name: 'baselineadminnetworkpolicy', order: BASELINE_TIER_ORDER, defaultAction: 'Pass' } }
    : { admin: { name: 'kube-admin', order: ADMIN_TIER_ORDER, defaultAction: 'Pass' },
      baseline: { name: 'kube-baseline', order: BASELINE_TIER_ORDER, defaultAction: 'Pass' } };
}
