// The report's "Cluster guardrails" section (netsec report --format html): each admin and baseline
// tier in Felix's order, every policy with its priority, Calico order, subject and rule actions as
// written, and where Pass hands the decision. Expected rows by hand from the fixtures below: in
// kube-admin, Felix sorts equal orders by "<name>//KubernetesClusterNetworkPolicy", so at
// priority 20 "b-deny" comes after "a-pass"; kube-admin is followed by default and kube-baseline.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/report';
import { inventory } from '../engine/helpers/world';
import { capture } from '../diff/run';

const CNPS = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: b-deny}
spec:
  tier: Admin
  priority: 20
  subject: {namespaces: {matchLabels: {tenant: b}}}
  ingress: [{name: no-a, action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: a-pass}
spec:
  tier: Admin
  priority: 20
  subject: {namespaces: {}}
  egress: [{action: Pass, to: [{networks: [203.0.113.0/28]}], protocols: [{tcp: {destinationPort: {number: 443}}}, {udp: {destinationPort: {range: {start: 1000, end: 2000}}}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: default}
spec:
  tier: Baseline
  priority: 3
  subject: {pods: {namespaceSelector: {matchExpressions: [{key: tenant, operator: In, values: [a, b]}]}, podSelector: {matchLabels: {app: web}}}}
  ingress: [{name: closed, action: Deny, from: [{namespaces: {}}]}]
`;
const ANPS = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: hand-down}
spec:
  priority: 7
  subject: {namespaces: {}}
  egress: [{name: partner, action: Pass, to: [{networks: [198.51.100.0/24]}], ports: [{portNumber: {protocol: TCP, port: 443}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {tenant: a}}}]}]
`;

/** The guardrail section's rows as `tier | kind | name | priority | order | subject | rule | action | peers | ports`. */
function rows(html: string): string[] {
  const section = html.split('<h2 id="guardrails">Cluster guardrails</h2>')[1].split('<h2 id="lint">')[0];
  const out: string[] = [];
  let last: string[] = [];
  for (const tier of section.split('<section class="guardrail-tier" data-tier="').slice(1)) {
    const name = tier.slice(0, tier.indexOf('"'));
    for (const tr of tier.match(/<tr class="guardrail"[^>]*>.*?<\/tr>/g) ?? []) {
      const cells = [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<small>(.*?)<\/small>/, '($1)').replace(/&gt;/g, '>'));
      const full = cells.length === 9 ? cells : [...last.slice(0, 5), ...cells];
      last = full;
      out.push([name, ...full].join(' | '));
    }
  }
  return out;
}

describe('netsec report: the Cluster guardrails section', () => {
  let dir: string;
  const file = (n: string): string => path.join(dir, n);
  const report = (manifests: string, ...extra: string[]): string => {
    const r = capture(command, ['--manifests', file(manifests), '--cluster', file('c.yaml'), '--out', file('r.html'), ...extra]);
    expect(r.code).toBe(0);
    return fs.readFileSync(file('r.html'), 'utf8');
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-report-guardrails-'));
    fs.writeFileSync(file('cnp.yaml'), CNPS);
    fs.writeFileSync(file('anp.yaml'), ANPS);
    fs.writeFileSync(file('none.yaml'), '# none\n');
    fs.writeFileSync(file('c.yaml'), inventory([{ ns: 'a', name: 'web', ip: '192.0.2.10', labels: { app: 'web' } }, { ns: 'b', name: 'api', ip: '192.0.2.20' }],
      { a: { 'kubernetes.io/metadata.name': 'a', tenant: 'a' }, b: { 'kubernetes.io/metadata.name': 'b', tenant: 'b' } }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('ClusterNetworkPolicy (3.32): kube-admin then kube-baseline, policies in Felix order, each rule with its action', () => {
    const html = report('cnp.yaml');
    expect(html).toContain('<a href="#guardrails">Cluster guardrails</a>');
    expect(rows(html)).toEqual([
      'kube-admin | ClusterNetworkPolicy | a-pass | 20 | 20 | namespaces all | egress 0 | Pass | to networks 203.0.113.0/28 | TCP 443, UDP 1000-2000',
      'kube-admin | ClusterNetworkPolicy | b-deny | 20 | 20 | namespaces tenant=b | ingress 0 (no-a) | Deny | from namespaces tenant=a | all',
      'kube-baseline | ClusterNetworkPolicy | default | 3 | 3 | pods app=web in namespaces tenant In (a, b) | ingress 0 (closed) | Deny | from namespaces all | all',
    ]);
    expect(html).toContain('<h3>kube-admin <small>admin tier, order 1000, 2 policies</small></h3>');
    expect(html).toContain('<h3>kube-baseline <small>baseline tier, order 10000000, 1 policy</small></h3>');
    expect(html).toContain('Pass (a-pass (egress 0)) and the end of the tier (Pass) hand the decision down to default → kube-baseline → the namespace profiles.');
    expect(html).toContain('the end of the tier (Pass) leaves it to the namespace profiles.');
  });

  test('AdminNetworkPolicy and BaselineAdminNetworkPolicy (3.31): their own tiers, the converted orders', () => {
    const rowsOf = rows(report('anp.yaml', '--calico-version', '3.31'));
    expect(rowsOf).toEqual([
      'adminnetworkpolicy | AdminNetworkPolicy | hand-down | 7 | 7 | namespaces all | egress 0 (partner) | Pass | to networks 198.51.100.0/24 | TCP 443',
      'baselineadminnetworkpolicy | BaselineAdminNetworkPolicy | default | - | 1000 | namespaces all | ingress 0 | Deny | from namespaces tenant=a | all',
    ]);
  });

  test('no admin kinds: a labelled empty section', () => {
    expect(report('none.yaml')).toContain('<h2 id="guardrails">Cluster guardrails</h2>\n<p class="empty">No ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy in the inputs.</p>');
  });
});
