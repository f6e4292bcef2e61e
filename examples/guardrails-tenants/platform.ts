import { Construct } from 'constructs';
import { GuardrailAllow, GuardrailAllowDns, GuardrailIsolateTenants, LabelSelector, Peer } from '../../lib';
import { TENANTS, TENANT_LABEL } from './cluster';

/**
 * The platform team's guardrails, ClusterNetworkPolicies in Calico 3.32's `kube-admin` tier,
 * which Felix evaluates before every namespace's policies, so no app team can undo them:
 *
 * 1. `always-allow-dns` (priority 10): every pod can always ask kube-dns, UDP and TCP 53.
 * 2. `monitoring-always-in` (15): the `monitoring` namespace's pods always reach the pods of every
 *    tenant namespace, on every port.
 * 3. `isolate-tenants-<tenant>` (40): a tenant namespace accepts nothing from another tenant's
 *    namespaces.
 */
export function tenantGuardrails(scope: Construct): void {
  new GuardrailAllowDns(scope, 'always-allow-dns', { priority: 10 });
  new GuardrailAllow(scope, 'monitoring-always-in', {
    namespaces: LabelSelector.labelExists(TENANT_LABEL), from: [Peer.namespace('monitoring')], priority: 15,
  });
  new GuardrailIsolateTenants(scope, 'isolate-tenants', { tenantLabel: TENANT_LABEL, tenants: [...TENANTS], priority: 40 });
}
