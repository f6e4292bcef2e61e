import { CalicoRule, EntityRule, GlobalNetworkPolicySpec } from '../../model/resources';

/** A policy as plain data, before it becomes a construct. Internal to the IBM constructs. */
export interface PolicyTemplate {
  /** `GlobalNetworkPolicy` or (namespaced Calico) `NetworkPolicy`. */
  readonly kind: string;
  readonly name: string;
  /** Only for `NetworkPolicy`. */
  readonly namespace?: string;
  readonly spec: GlobalNetworkPolicySpec;
}

/** Fields of a rule besides its action. */
interface RuleFields {
  readonly protocol?: string;
  readonly source?: EntityRule;
  readonly destination?: EntityRule;
}

/** Port list in the model's string form: numbers become digits, ranges stay `"min:max"`. */
export function ports(...values: Array<number | string>): string[] {
  return values.map(v => String(v));
}

/** An Allow rule. */
export function allow(fields: RuleFields = {}): CalicoRule {
  return { action: 'Allow', ...fields };
}

/** A Deny rule. */
export function deny(fields: RuleFields = {}): CalicoRule {
  return { action: 'Deny', ...fields };
}

/** The UDP and the TCP Allow rule to one destination, in that order (IBM's habit). */
export function allowUdpTcp(destination: EntityRule): CalicoRule[] {
  return [allow({ protocol: 'UDP', destination }), allow({ protocol: 'TCP', destination })];
}

/** A GlobalNetworkPolicy template. */
export function gnp(name: string, spec: GlobalNetworkPolicySpec): PolicyTemplate {
  return { kind: 'GlobalNetworkPolicy', name, spec };
}

/** A namespaced Calico NetworkPolicy template. */
export function calicoNp(namespace: string, name: string, spec: GlobalNetworkPolicySpec): PolicyTemplate {
  return { kind: 'NetworkPolicy', name, namespace, spec };
}
