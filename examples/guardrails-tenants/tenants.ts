import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { appTeamPolicies } from './app-teams';
import { tenantsCluster } from './cluster';
import { tenantGuardrails } from './platform';

/**
 * A multi-tenant cluster's guardrails (issue 15): DNS always allowed, the monitoring namespace
 * always in, tenant namespaces apart, as ClusterNetworkPolicies the app teams cannot undo; one
 * chart `tenants` with the inventory, the guardrails and the app teams' own policies.
 */
export function buildTenants(scope: Construct): Chart {
  const chart = new Chart(scope, 'tenants');
  tenantsCluster(chart);
  tenantGuardrails(chart);
  appTeamPolicies(chart);
  return chart;
}
