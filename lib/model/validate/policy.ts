import { CalicoPolicySpec, GlobalNetworkPolicySpec } from '../resources';
import { Issues, report } from './issue';
import { checkRule } from './rules';
import { checkSelector } from './selectors';

const POLICY_TYPES = ['Ingress', 'Egress'];

function checkTypes(issues: Issues, types: readonly string[] | undefined): void {
  const seen = new Set<string>();
  (types ?? []).forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) report(issues, `spec.types[${i}]`, t, 'unknown policy type', 'Ingress or Egress');
    else if (seen.has(t)) report(issues, `spec.types[${i}]`, t, `'${t}' type specified more than once`, 'each type at most once');
    seen.add(t);
  });
}

/** Fields shared by Calico NetworkPolicy and GlobalNetworkPolicy. */
export function checkPolicySpec(issues: Issues, spec: CalicoPolicySpec): void {
  checkTypes(issues, spec.types);
  checkSelector(issues, 'spec.selector', spec.selector, false);
  checkSelector(issues, 'spec.serviceAccountSelector', spec.serviceAccountSelector, false);
  if (spec.order !== undefined && !Number.isFinite(spec.order)) report(issues, 'spec.order', spec.order, 'invalid order', 'a number');
  (spec.ingress ?? []).forEach((r, i) => checkRule(issues, `spec.ingress[${i}]`, r, 'ingress'));
  (spec.egress ?? []).forEach((r, i) => checkRule(issues, `spec.egress[${i}]`, r, 'egress'));
}

/** The GlobalNetworkPolicy extras: namespaceSelector and the preDNAT / doNotTrack / applyOnForward rules. */
export function checkGlobalPolicySpec(issues: Issues, spec: GlobalNetworkPolicySpec): void {
  checkPolicySpec(issues, spec);
  checkSelector(issues, 'spec.namespaceSelector', spec.namespaceSelector, false);
  if (spec.preDNAT && spec.doNotTrack) {
    report(issues, 'spec.preDNAT', true, 'preDNAT and doNotTrack cannot both be true', 'at most one of preDNAT and doNotTrack');
  }
  if (spec.preDNAT && (spec.egress ?? []).length > 0) {
    report(issues, 'spec.egress', `${spec.egress?.length} rules`, 'a preDNAT policy cannot have egress rules', 'ingress rules only');
  }
  if (spec.preDNAT) {
    (spec.types ?? []).forEach((t, i) => {
      if (t === 'Egress') report(issues, `spec.types[${i}]`, t, "a preDNAT policy cannot have the 'Egress' type", 'Ingress only');
    });
  }
  if ((spec.preDNAT || spec.doNotTrack) && !spec.applyOnForward) {
    report(issues, 'spec.applyOnForward', spec.applyOnForward ?? false,
      'applyOnForward must be true when preDNAT or doNotTrack is true', 'true');
  }
  for (const [i, r] of (spec.egress ?? []).entries()) {
    if (r.destination?.services && !r.destination.services.namespace) {
      report(issues, `spec.egress[${i}].destination.services.namespace`, undefined, 'must specify a namespace', 'the namespace of the Service');
    }
  }
  for (const [i, r] of (spec.ingress ?? []).entries()) {
    if (r.source?.services && !r.source.services.namespace) {
      report(issues, `spec.ingress[${i}].source.services.namespace`, undefined, 'must specify a namespace', 'the namespace of the Service');
    }
  }
}
