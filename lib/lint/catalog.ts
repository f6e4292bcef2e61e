// The lint rules in id order: each is one entry (id, name, severity, rationale, check) in its rule file.
import { HTTP_MATCH_NOT_ENFORCED } from './rules/http-match';
import { GLOBAL_DENY_ON_ALL, ORDER_TIE_CONFLICT } from './rules/conflicts';
import { EGRESS_DENY_WITHOUT_DNS, EGRESS_TO_SERVICE_CIDR } from './rules/egress';
import { FAILSAFE_OVERRIDES_POLICY, HOST_LOCKOUT_RISK, WORLD_INGRESS_TO_HOST } from './rules/host-endpoints';
import { IBM_DEFAULT_REMOVED_OR_WEAKENED } from './rules/ibm-defaults';
import { PEER_MATCHES_NOTHING, POLICY_SELECTS_NOTHING } from './rules/selects-nothing';
import { REDUNDANT_POLICY, SHADOWED_RULE } from './rules/shadowed';
import { EGRESS_TO_CLUSTER_IP, IPBLOCK_ON_SNAT_BACKENDS, NODEPORT_ON_PUBLIC_HOST } from './rules/services';
import { LintRule } from './rule';
import { LintRuleInfo } from './types';

/** Every rule with its check. Ids are stable: a retired rule keeps its id unused. */
export const LINT_CHECKS: readonly LintRule[] = [
  POLICY_SELECTS_NOTHING, PEER_MATCHES_NOTHING, SHADOWED_RULE, REDUNDANT_POLICY, WORLD_INGRESS_TO_HOST, HOST_LOCKOUT_RISK,
  FAILSAFE_OVERRIDES_POLICY, IBM_DEFAULT_REMOVED_OR_WEAKENED, EGRESS_DENY_WITHOUT_DNS, EGRESS_TO_SERVICE_CIDR, GLOBAL_DENY_ON_ALL,
  ORDER_TIE_CONFLICT, HTTP_MATCH_NOT_ENFORCED, EGRESS_TO_CLUSTER_IP, NODEPORT_ON_PUBLIC_HOST, IPBLOCK_ON_SNAT_BACKENDS,
];

/** Every lint rule's catalogue entry (id, name, severity, rationale), by id. */
export const LINT_RULES: readonly LintRuleInfo[] = LINT_CHECKS.map(({ id, name, severity, rationale }) => ({ id, name, severity, rationale }));

/** The rule with that id; throws for an unknown id (a programming error). */
export function lintRule(id: string): LintRuleInfo {
  const found = LINT_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`unknown lint rule ${id}`);
  return found;
}
