import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { CalicoGlobalNetworkPolicy, CalicoGlobalNetworkSet, CalicoTier, IntOrString, KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { listFiles, tempParent } from './helpers';

/** A small, reviewed chart: a shop namespace default-deny plus a cluster-wide DNS allowance. */
test('reviewed chart output is stable', () => {
  const outdir = path.join(tempParent(), 'dist');
  const app = new NetsecApp({ outdir });
  const shop = new Chart(app, 'shop', { namespace: 'shop', labels: { 'app.kubernetes.io/part-of': 'shop' } });
  new KubeNetworkPolicy(shop, 'DefaultDeny', {
    metadata: { name: 'default-deny' },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
  new KubeNetworkPolicy(shop, 'AllowFrontend', {
    metadata: { name: 'allow-frontend-to-api' },
    spec: {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'frontend' } }, podSelector: { matchLabels: { app: 'web' } } }],
        ports: [{ protocol: 'TCP', port: IntOrString.fromNumber(8080) }],
      }],
    },
  });
  const cluster = new Chart(app, 'cluster');
  new CalicoTier(cluster, 'Security', { metadata: { name: 'security' }, spec: { order: 100, defaultAction: 'Pass' } });
  new CalicoGlobalNetworkSet(cluster, 'Resolvers', { metadata: { name: 'resolvers', labels: { role: 'dns' } }, spec: { nets: ['192.0.2.53/32', '2001:db8::53/128'] } });
  new CalicoGlobalNetworkPolicy(cluster, 'AllowDns', {
    metadata: { name: 'security.allow-dns' },
    spec: {
      tier: 'security',
      order: 10,
      selector: 'all()',
      types: ['Egress'],
      egress: [
        { action: 'Allow', protocol: 'UDP', destination: { selector: "role == 'dns'", ports: ['53'] } },
        { action: 'Allow', protocol: 'TCP', destination: { selector: "role == 'dns'", ports: ['53'] } },
      ],
    },
  });
  app.synth();

  const files = listFiles(outdir);
  expect(files).toEqual(['.netsec-synth', 'calico/cluster.calico.yaml', 'kubernetes/shop.k8s.yaml']);
  for (const f of files) {
    expect(fs.readFileSync(path.join(outdir, f), 'utf8')).toMatchSnapshot(f);
  }
});
