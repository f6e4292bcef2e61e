// What lint rules build findings with: the catalogue severity, locations and how policies are named.
import { CompiledPolicy, SourcedResource } from '../engine';
import { LintFinding, LintLocation, LintRuleInfo } from './types';

/** True for a policy converted from a Kubernetes NetworkPolicy. */
export function isKubernetesPolicy(policy: CompiledPolicy): boolean {
  return policy.origin.kind === 'NetworkPolicy';
}

/** True for a policy converted from an AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy. */
export function isAdminPolicy(policy: CompiledPolicy): boolean {
  return ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'].includes(policy.origin.kind);
}

/** The field a policy's endpoint selection is written in: podSelector, subject or selector. */
export function selectionField(policy: CompiledPolicy): string {
  return isKubernetesPolicy(policy) ? 'spec.podSelector' : isAdminPolicy(policy) ? 'spec.subject' : 'spec.selector';
}

/** The location of a policy, optionally a field inside it. */
export function policyLocation(policy: CompiledPolicy, field?: string): LintLocation {
  const o = policy.origin;
  return {
    file: o.file, documentIndex: o.documentIndex, kind: o.kind === 'CalicoNetworkPolicy' ? 'NetworkPolicy' : o.kind,
    namespace: o.namespace, name: o.name, ...(field !== undefined ? { field } : {}),
  };
}

/** The location of a sourced resource. */
export function resourceLocation(s: SourcedResource, field?: string): LintLocation {
  return {
    file: s.file, documentIndex: s.documentIndex, kind: s.resource.kind, namespace: s.resource.metadata.namespace,
    name: s.resource.metadata.name, ...(field !== undefined ? { field } : {}),
  };
}

/** A finding of the rule with the catalogue's severity. */
export function finding(rule: LintRuleInfo, message: string, location: LintLocation): LintFinding {
  return { ruleId: rule.id, severity: rule.severity, message, location };
}

/** How a policy is named in messages: `GlobalNetworkPolicy deny-all` or `NetworkPolicy shop/web`. */
export function policyLabel(policy: CompiledPolicy): string {
  const o = policy.origin;
  const kind = o.kind === 'CalicoNetworkPolicy' ? 'Calico NetworkPolicy' : o.kind === 'NetworkPolicy' ? 'Kubernetes NetworkPolicy' : o.kind;
  return `${kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** The field of a rule: `spec.ingress[2]` for Calico policies, `ingress rule 3 as Calico converts it` for converted ones. */
export function ruleField(policy: CompiledPolicy, direction: string, index: number): string {
  return isKubernetesPolicy(policy) || isAdminPolicy(policy) ? `${direction} rule ${index + 1} as Calico converts it` : `spec.${direction}[${index}]`;
}
