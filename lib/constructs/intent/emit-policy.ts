// How an intent becomes one resource: the kind is chosen (Kubernetes NetworkPolicy when the
// intent is expressible there and Calico is not forced; else a Calico NetworkPolicy for a
// namespaced target, a GlobalNetworkPolicy otherwise) and emitted as the intent's child `Resource`.
import { Construct } from 'constructs';
import { addSynthWarning } from '../app/warnings';
import { CalicoRule, NetworkPolicyEgressRule, NetworkPolicyIngressRule } from '../../model/resources';
import { CalicoGlobalNetworkPolicy } from '../l1/calico-global-network-policy';
import { CalicoNetworkPolicy } from '../l1/calico-network-policy';
import { KubeNetworkPolicy } from '../l1/kube-network-policy';
import { modelSpecToKube } from '../l1/kube-spec-conversion';
import { NetsecApiObject } from '../l1/netsec-api-object';
import { LABEL_ALLOWED, isDns1123Label } from '../../model/validate/names';
import { PolicyTarget } from './policy-target';
import { IntentRule, calicoRules, kubernetesObstacle, kubernetesRuleParts } from './rules';

/** Everything an intent decides; {@link emitPolicy} turns it into one resource. Internal. */
interface PolicyPlan {
  readonly target: PolicyTarget;
  /** Explicit name, else the construct id. */
  readonly name?: string;
  readonly forceCalico: boolean;
  readonly order: number;
  /** The policy governs (isolates) ingress / egress of the target. */
  readonly ingressTypes: boolean;
  readonly egressTypes: boolean;
  readonly ingress: readonly IntentRule[];
  readonly egress: readonly IntentRule[];
  /** Calico tier (the name gets the `<tier>.` prefix). @default - the default tier */
  readonly tier?: string;
  /** GlobalNetworkPolicy-only flags; setting one forces a GlobalNetworkPolicy. */
  readonly preDnat?: boolean;
  readonly applyOnForward?: boolean;
}

/** Emits the plan as child `Resource` of the intent (throws on a bad plan: call it inside `collectErrors`). Call once. */
export function emitPolicy(scope: Construct, plan: PolicyPlan): NetsecApiObject {
  const name = plan.name ?? scope.node.id;
  if (!isDns1123Label(name)) {
    const source = plan.name !== undefined ? 'name' : 'name (taken from the construct id; set the `name` prop to choose another)';
    throw new Error(`${source} ${JSON.stringify(name)} is invalid; allowed: ${LABEL_ALLOWED}`);
  }
  if (!plan.ingressTypes && !plan.egressTypes) {
    throw new Error('the intent governs neither ingress nor egress; allowed: at least one direction');
  }
  const namespace = plan.target.namespaceName;
  const rules = [...plan.ingress, ...plan.egress];
  const obstacle = namespace === undefined ? `target ${plan.target.toString()} (Kubernetes NetworkPolicies are namespaced and select pods)`
    : plan.preDnat || plan.applyOnForward || plan.tier ? 'host endpoint placement or tiers'
      : rules.map(kubernetesObstacle).find((o) => o !== undefined);
  const types = [...(plan.ingressTypes ? ['Ingress'] : []), ...(plan.egressTypes ? ['Egress'] : [])];

  if (!plan.forceCalico && obstacle === undefined && namespace !== undefined) {
    const ingress: NetworkPolicyIngressRule[] = plan.ingress.map((r) => {
      const parts = kubernetesRuleParts(r);
      return { ...(parts.peers ? { from: parts.peers } : {}), ...(parts.ports ? { ports: parts.ports } : {}) };
    });
    const egress: NetworkPolicyEgressRule[] = plan.egress.map((r) => {
      const parts = kubernetesRuleParts(r);
      return { ...(parts.peers ? { to: parts.peers } : {}), ...(parts.ports ? { ports: parts.ports } : {}) };
    });
    return new KubeNetworkPolicy(scope, 'Resource', {
      metadata: { name, namespace },
      spec: modelSpecToKube({
        podSelector: plan.target.toKubernetesPodSelector(),
        policyTypes: types,
        ...(ingress.length > 0 ? { ingress } : {}),
        ...(egress.length > 0 ? { egress } : {}),
      }),
    });
  }

  const context = { policyNamespace: namespace };
  const warn = (message: string): void => addSynthWarning(scope, message);
  const ingress: CalicoRule[] = plan.ingress.flatMap((r) => calicoRules(r, true, context, warn));
  const egress: CalicoRule[] = plan.egress.flatMap((r) => calicoRules(r, false, context, warn));
  const fullName = plan.tier ? `${plan.tier}.${name}` : name;
  const spec = {
    ...(plan.tier ? { tier: plan.tier } : {}),
    order: plan.order,
    selector: plan.target.toCalicoSelector(),
    types,
    ...(ingress.length > 0 ? { ingress } : {}),
    ...(egress.length > 0 ? { egress } : {}),
  };
  if (namespace !== undefined && !plan.preDnat && !plan.applyOnForward) {
    return new CalicoNetworkPolicy(scope, 'Resource', { metadata: { name: fullName, namespace }, spec });
  }
  return new CalicoGlobalNetworkPolicy(scope, 'Resource', {
    metadata: { name: fullName },
    spec: {
      ...spec,
      ...(plan.preDnat ? { preDNAT: true } : {}),
      ...(plan.applyOnForward ? { applyOnForward: true } : {}),
    },
  });
}
