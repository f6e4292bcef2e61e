// The tenants guardrails example (examples/guardrails-tenants/): synthesised in memory, read back
// from its output files, and judged by the engine (Calico 3.32). Expectations by hand from what
// the chart declares: kube-admin holds always-allow-dns (10, Accept egress to kube-dns and
// kube-dns' ingress, UDP/TCP 53), monitoring-always-in (15, Accept ingress of every tenant
// namespace from monitoring) and isolate-tenants-<a|b|c> (40, Deny ingress from another tenant's
// namespaces); in the default tier, tenant-a denies all ingress and egress and tenant-b allows all
// ingress.
import { BuiltModel, buildEngineModel, buildFlow, evaluateFlow, FlowVerdict, parseEngineInputs } from '../../lib/engine';
import { synthTenants, tenantsSources } from './tenants-world';

const files = synthTenants();
const yamlFiles = files.filter((f) => f.path.endsWith('.yaml'));
const model: BuiltModel = buildEngineModel(parseEngineInputs(tenantsSources(files)));
const verdict = (from: string, to: string, protocol: string, port: number): FlowVerdict => evaluateFlow(model, buildFlow(model, { from, to, protocol, port }));
const tiers = (v: FlowVerdict, side: 'egress' | 'ingress'): string[][] => v[side].stages[0].tiers.map((t) => [t.tier, t.outcome]);

test('the chart writes the guardrails as ClusterNetworkPolicies, the app teams\' policies as NetworkPolicies', () => {
  expect(yamlFiles.map((f) => f.path).sort()).toEqual(['inventory/tenants.inventory.yaml', 'kubernetes/tenants.k8s.yaml']);
  const k8s = yamlFiles.find((f) => f.path === 'kubernetes/tenants.k8s.yaml')?.content ?? '';
  const cnps = [...k8s.matchAll(/kind: ClusterNetworkPolicy\nmetadata:\n {2}name: (\S+)\n/g)].map((m) => m[1]);
  expect(cnps).toEqual(['always-allow-dns', 'always-allow-dns-ingress', 'monitoring-always-in', 'isolate-tenants-a', 'isolate-tenants-b', 'isolate-tenants-c']);
  const nps = [...k8s.matchAll(/kind: NetworkPolicy\nmetadata:\n {2}name: (\S+)\n {2}namespace: (\S+)\n/g)].map((m) => `${m[2]}/${m[1]}`);
  expect(nps).toEqual(['tenant-a/tenant-a-default-deny', 'tenant-b/allow-all-ingress']);
});

test('the monitoring namespace reaches every tenant, through tenant-a\'s default deny (an admin Accept)', () => {
  for (const to of ['tenant-a/web-a', 'tenant-b/api-b', 'tenant-c/job-c']) {
    const v = verdict('monitoring/prometheus-0', to, 'TCP', 8080);
    expect({ to, allowed: v.allowed, ingress: tiers(v, 'ingress') }).toEqual({ to, allowed: true, ingress: [['kube-admin', 'allow']] });
  }
  // without the guardrail tenant-a's default deny would drop it: a flow from kube-system shows it
  expect(tiers(verdict('kube-system/coredns-1', 'tenant-a/web-a', 'TCP', 8080), 'ingress')).toEqual([['kube-admin', 'end-of-tier-pass'], ['default', 'end-of-tier-drop']]);
});

test('tenants cannot reach each other, even into tenant-b\'s allow-all NetworkPolicy', () => {
  const v = verdict('tenant-c/job-c', 'tenant-b/api-b', 'TCP', 8080);
  expect(v.egress.allowed).toBe(true);
  expect({ allowed: v.allowed, ingress: tiers(v, 'ingress') }).toEqual({ allowed: false, ingress: [['kube-admin', 'deny']] });
  expect(v.ingress.stages[0].tiers[0].policies.find((p) => p.action !== undefined)?.policy).toBe('isolate-tenants-b');
  expect(verdict('tenant-b/api-b', 'tenant-c/job-c', 'TCP', 8080).allowed).toBe(false);
  expect(verdict('tenant-c/job-c', 'tenant-a/web-a', 'UDP', 9000).allowed).toBe(false);
  // a namespace without the tenant label is not a tenant: kube-system reaches tenant-b (its allow-all)
  const fromSystem = verdict('kube-system/coredns-1', 'tenant-b/api-b', 'TCP', 8080);
  expect({ allowed: fromSystem.allowed, ingress: tiers(fromSystem, 'ingress') }).toEqual({ allowed: true, ingress: [['kube-admin', 'end-of-tier-pass'], ['default', 'allow']] });
});

test('DNS stays allowed from tenant-a despite its default deny; its other egress is denied', () => {
  for (const protocol of ['UDP', 'TCP']) {
    const v = verdict('tenant-a/web-a', 'kube-system/coredns-1', protocol, 53);
    expect({ protocol, allowed: v.allowed, egress: tiers(v, 'egress') }).toEqual({ protocol, allowed: true, egress: [['kube-admin', 'allow']] });
  }
  const other = verdict('tenant-a/web-a', 'kube-system/coredns-1', 'TCP', 8080);
  expect({ allowed: other.allowed, egress: tiers(other, 'egress') }).toEqual({ allowed: false, egress: [['kube-admin', 'end-of-tier-pass'], ['default', 'end-of-tier-drop']] });
  expect(verdict('tenant-a/web-a', 'monitoring/prometheus-0', 'TCP', 8080).allowed).toBe(false);
});
