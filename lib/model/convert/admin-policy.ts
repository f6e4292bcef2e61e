// AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) -> Calico GlobalNetworkPolicy, as
// Calico 3.31 converts them (libcalico-go v3.31.7 conversion.go K8sAdminNetworkPolicyToCalico,
// K8sBaselineAdminNetworkPolicyToCalico). Calico 3.32 no longer converts them.
import { CalicoVersion } from '../calico-version';
import {
  AdminNetworkPolicy, AdminPolicyEgressRule, AdminPolicyIngressRule, AdminPolicyPort, BaselineAdminNetworkPolicy, CALICO_API_VERSION,
  CalicoRule, GlobalNetworkPolicy,
} from '../resources';
import { AdminPolicyVersionError, adminTiers } from './admin-policy-version';
import { AdminPortMatch, adminPolicyTypes, adminRuleToCalico, failedRuleReplacement, subjectSelectors } from './admin-rules';
import { RuleConversionError } from './rules';

/** A converted admin policy and what Calico did to rules that did not convert. */
export interface AdminConversionResult {
  readonly policy: GlobalNetworkPolicy;
  /** One message per rule Calico dropped or turned into a deny-all, and per port it reads differently than written. */
  readonly warnings: readonly string[];
}

/** K8sAdminNetworkPolicyNamePrefix and K8sBaselineAdminNetworkPolicyNamePrefix (v3.31.7 names/policy.go). */
const ANP_PREFIX = 'kanp.adminnetworkpolicy.';
const BANP_PREFIX = 'kbanp.baselineadminnetworkpolicy.';
/** The order every converted BaselineAdminNetworkPolicy gets. */
const BANP_ORDER = 1000;

/**
 * Calico 3.31's reading of a v1alpha1 port: a number or range (protocol TCP when unset); a named port
 * is not converted (a TODO in libcalico-go) and reads as every protocol and port.
 */
function portMatch(p: AdminPolicyPort, warnings: string[], field: string): AdminPortMatch {
  if (p.portNumber !== undefined) return { protocol: p.portNumber.protocol || 'TCP', port: `${p.portNumber.port}` };
  if (p.portRange !== undefined) {
    const { start, end } = p.portRange;
    return { protocol: p.portRange.protocol || 'TCP', port: start === end ? `${start}` : `${start}:${end}` };
  }
  if (p.namedPort !== undefined) {
    warnings.push(`${field}: namedPort ${JSON.stringify(p.namedPort)} is not converted by Calico 3.31: the rule matches every protocol and port`);
  }
  return {};
}

type AnyRule = AdminPolicyIngressRule | AdminPolicyEgressRule;

function convertRules(list: readonly AnyRule[], direction: 'ingress' | 'egress', actions: readonly string[], warnings: string[]): CalicoRule[] {
  const out: CalicoRule[] = [];
  list.forEach((r, i) => {
    const field = `spec.${direction}[${i}]`;
    const notes: string[] = [];
    try {
      if (!actions.includes(r.action)) throw new RuleConversionError(`unsupported admin network policy action ${r.action}`);
      const ports = (r.ports ?? []).map((p, j) => portMatch(p, notes, `${field}.ports[${j}]`));
      const rules = direction === 'ingress'
        ? adminRuleToCalico(r.action, r.name, ports, (r as AdminPolicyIngressRule).from, undefined, notes)
        : adminRuleToCalico(r.action, r.name, ports, undefined, (r as AdminPolicyEgressRule).to, notes);
      out.push(...rules);
      warnings.push(...notes.map((n) => (n.startsWith('spec.') ? n : `${field}: ${n}`)));
    } catch (e) {
      if (!(e instanceof RuleConversionError)) throw e;
      const replacement = actions.includes(r.action) ? failedRuleReplacement(r.action) : undefined;
      warnings.push(`${field}: ${e.message}; Calico ${replacement ? 'replaces this rule with a deny-all rule' : 'drops this rule'}`);
      if (replacement) out.push(replacement);
    }
  });
  return out;
}

function checkVersion(kind: string, version: CalicoVersion, where: string): void {
  if (version !== '3.31') {
    throw new AdminPolicyVersionError(where, `policy.networking.k8s.io/v1alpha1 ${kind}`, version, '3.31',
      'Calico 3.32 removed the v1alpha1 kinds and converts policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy instead');
  }
}

/** Converts an AdminNetworkPolicy as the declared Calico version does; throws AdminPolicyVersionError when it does not. */
export function convertAdminNetworkPolicy(anp: AdminNetworkPolicy, version: CalicoVersion, where: string): AdminConversionResult {
  checkVersion('AdminNetworkPolicy', version, where);
  const warnings: string[] = [];
  const actions = ['Allow', 'Deny', 'Pass'];
  const ingress = convertRules(anp.spec.ingress ?? [], 'ingress', actions, warnings);
  const egress = convertRules(anp.spec.egress ?? [], 'egress', actions, warnings);
  const policy: GlobalNetworkPolicy = {
    apiVersion: CALICO_API_VERSION,
    kind: 'GlobalNetworkPolicy',
    metadata: { name: `${ANP_PREFIX}${anp.metadata.name}` },
    spec: {
      tier: adminTiers(version).admin.name, order: anp.spec.priority, ...subjectSelectors(anp.spec.subject),
      ingress, egress, types: adminPolicyTypes(ingress, egress),
    },
  };
  return { policy, warnings };
}

/** Converts a BaselineAdminNetworkPolicy as the declared Calico version does; throws AdminPolicyVersionError when it does not. */
export function convertBaselineAdminNetworkPolicy(banp: BaselineAdminNetworkPolicy, version: CalicoVersion, where: string): AdminConversionResult {
  checkVersion('BaselineAdminNetworkPolicy', version, where);
  const warnings: string[] = [];
  const actions = ['Allow', 'Deny'];
  const ingress = convertRules(banp.spec.ingress ?? [], 'ingress', actions, warnings);
  const egress = convertRules(banp.spec.egress ?? [], 'egress', actions, warnings);
  const policy: GlobalNetworkPolicy = {
    apiVersion: CALICO_API_VERSION,
    kind: 'GlobalNetworkPolicy',
    metadata: { name: `${BANP_PREFIX}${banp.metadata.name}` },
    spec: {
      tier: adminTiers(version).baseline.name, order: BANP_ORDER, ...subjectSelectors(banp.spec.subject),
      ingress, egress, types: adminPolicyTypes(ingress, egress),
    },
  };
  return { policy, warnings };
}
