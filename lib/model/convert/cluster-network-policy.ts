// ClusterNetworkPolicy (v1alpha2) -> Calico GlobalNetworkPolicy, as Calico 3.32 converts it
// (libcalico-go v3.32.1 clusternetworkpolicy.go K8sClusterNetworkPolicyToCalico). Calico 3.31 does not.
import { CalicoVersion } from '../calico-version';
import {
  CALICO_API_VERSION, CalicoRule, ClusterNetworkPolicy, ClusterNetworkPolicyEgressRule, ClusterNetworkPolicyIngressRule,
  ClusterNetworkPolicyPort, ClusterNetworkPolicyProtocol, GlobalNetworkPolicy,
} from '../resources';
import { AdminPolicyVersionError, adminTiers } from './admin-policy-version';
import { AdminConversionResult } from './admin-policy';
import { AdminPortMatch, adminPolicyTypes, adminRuleToCalico, failedRuleReplacement, subjectSelectors } from './admin-rules';
import { RuleConversionError } from './rules';

/** K8sClusterNetworkPolicyActionToCalico: Accept is Calico's Allow. */
const ACTIONS: { readonly [action: string]: string } = { Accept: 'Allow', Deny: 'Deny', Pass: 'Pass' };

function portText(p: ClusterNetworkPolicyPort | undefined): string | undefined {
  if (p === undefined) return undefined;
  if (p.number) return `${p.number}`;
  if (p.range !== undefined) return p.range.start === p.range.end ? `${p.range.start}` : `${p.range.start}:${p.range.end}`;
  return undefined;
}

/** k8sCNPPortToCalicoFields: tcp, udp, sctp with their port, or a named port with no protocol. */
function protocolMatch(p: ClusterNetworkPolicyProtocol): AdminPortMatch {
  if (p.tcp !== undefined) return { protocol: 'TCP', port: portText(p.tcp.destinationPort) };
  if (p.udp !== undefined) return { protocol: 'UDP', port: portText(p.udp.destinationPort) };
  if (p.sctp !== undefined) return { protocol: 'SCTP', port: portText(p.sctp.destinationPort) };
  if (p.destinationNamedPort) return { port: p.destinationNamedPort, named: true };
  return {};
}

type AnyRule = ClusterNetworkPolicyIngressRule | ClusterNetworkPolicyEgressRule;

function convertRules(list: readonly AnyRule[], direction: 'ingress' | 'egress', warnings: string[]): CalicoRule[] {
  const out: CalicoRule[] = [];
  list.forEach((r, i) => {
    const field = `spec.${direction}[${i}]`;
    const notes: string[] = [];
    const action = ACTIONS[r.action];
    try {
      if (action === undefined) throw new RuleConversionError(`unsupported cluster network policy action ${r.action}`);
      const ports = (r.protocols ?? []).map(protocolMatch);
      const rules = direction === 'ingress'
        ? adminRuleToCalico(action, r.name, ports, (r as ClusterNetworkPolicyIngressRule).from, undefined, notes)
        : adminRuleToCalico(action, r.name, ports, undefined, (r as ClusterNetworkPolicyEgressRule).to, notes);
      out.push(...rules);
      warnings.push(...notes.map((n) => `${field}: ${n}`));
    } catch (e) {
      if (!(e instanceof RuleConversionError)) throw e;
      const replacement = action === undefined ? undefined : failedRuleReplacement(action);
      warnings.push(`${field}: ${e.message}; Calico ${replacement ? 'replaces this rule with a deny-all rule' : 'drops this rule'}`);
      if (replacement) out.push(replacement);
    }
  });
  return out;
}

/**
 * Converts a ClusterNetworkPolicy as the declared Calico version does: tier `Admin` into
 * `kube-admin`, `Baseline` into `kube-baseline`, priority as the order, the name kept. Throws
 * AdminPolicyVersionError for Calico 3.31, which does not convert the kind.
 */
export function convertClusterNetworkPolicy(cnp: ClusterNetworkPolicy, version: CalicoVersion, where: string): AdminConversionResult {
  if (version === '3.31') {
    throw new AdminPolicyVersionError(where, 'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy', version, '3.32',
      'Calico 3.31 converts the policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy kinds instead');
  }
  const tiers = adminTiers(version);
  const warnings: string[] = [];
  const ingress = convertRules(cnp.spec.ingress ?? [], 'ingress', warnings);
  const egress = convertRules(cnp.spec.egress ?? [], 'egress', warnings);
  const policy: GlobalNetworkPolicy = {
    apiVersion: CALICO_API_VERSION,
    kind: 'GlobalNetworkPolicy',
    metadata: { name: cnp.metadata.name },
    spec: {
      tier: cnp.spec.tier === 'Baseline' ? tiers.baseline.name : tiers.admin.name, order: cnp.spec.priority,
      ...subjectSelectors(cnp.spec.subject), ingress, egress, types: adminPolicyTypes(ingress, egress),
    },
  };
  return { policy, warnings };
}
