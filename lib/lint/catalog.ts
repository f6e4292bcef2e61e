// The lint rules: stable ids, names, severities and a one-line rationale each.
import { LintRuleInfo } from './types';

const rule = (id: string, name: string, severity: LintRuleInfo['severity'], rationale: string): LintRuleInfo =>
  ({ id, name, severity, rationale });

/** Every lint rule, by id. Ids are stable: a retired rule keeps its id unused. */
export const LINT_RULES: readonly LintRuleInfo[] = [
  rule('NS001', 'policy-selects-nothing', 'warning',
    'A policy whose selector matches no endpoint of the inventory enforces nothing, usually a label typo.'),
  rule('NS002', 'peer-matches-nothing', 'warning',
    'A rule peer whose selector matches no endpoint or network set of the inventory never matches, usually a label typo.'),
  rule('NS003', 'shadowed-rule', 'warning',
    'A rule fully covered by an earlier rule of the same or a lower order is never reached, so it does not do what it says.'),
  rule('NS004', 'redundant-policy', 'info',
    'A policy whose every rule is covered by earlier rules changes no verdict and only adds review and runtime cost.'),
  rule('NS005', 'world-ingress-to-host', 'warning',
    'Allowing ingress from 0.0.0.0/0 or ::/0 to a host endpoint exposes the node itself to every address.'),
  rule('NS006', 'host-lockout-risk', 'warning',
    'A host endpoint that no policy lets reach the kubelet port (TCP 10250) or SSH (TCP 22) from anywhere risks locking operators and the master out.'),
  rule('NS007', 'failsafe-overrides-policy', 'warning',
    'Felix failsafe ports are accepted before any policy, so a public host endpoint stays open on ports its policies deny.'),
  rule('NS008', 'ibm-default-removed-or-weakened', 'warning',
    'IKS needs its default policies on worker host endpoints and restores them at the next master update, so removing or weakening one breaks the cluster or drifts.'),
  rule('NS009', 'egress-deny-without-dns', 'warning',
    'Endpoints whose egress is default-deny without any DNS allow cannot resolve names, which breaks almost every workload.'),
  rule('NS010', 'egress-to-service-cidr', 'error',
    'kube-proxy rewrites Service ClusterIPs to pod IPs before policy runs, so an egress ipBlock naming the Service range never matches.'),
  rule('NS011', 'global-deny-on-all', 'warning',
    'A GlobalNetworkPolicy that selects every endpoint and denies traffic risks a cluster-wide outage, including nodes and kube-system.'),
  rule('NS012', 'order-tie-conflict', 'warning',
    'Two policies with the same order, overlapping endpoints and opposite actions on overlapping traffic are decided by their names alone.'),
  rule('NS013', 'http-match-not-enforced', 'warning',
    "Felix programs a rule's HTTP match nowhere: without application layer policy the rule allows every request its L3/L4 fields match."),
];

/** The rule with that id; throws for an unknown id (a programming error). */
export function lintRule(id: string): LintRuleInfo {
  const found = LINT_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`unknown lint rule ${id}`);
  return found;
}
