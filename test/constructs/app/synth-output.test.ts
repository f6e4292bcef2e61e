import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import * as yaml from 'js-yaml';
import { NetsecApp } from '../../../lib/app';
import { CalicoGlobalNetworkPolicy, CalicoGlobalNetworkSet, CalicoNetworkSet, KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { listFiles, tempParent } from './helpers';

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

describe('NetsecApp output files', () => {
  test('each chart is split into kubernetes/<chart>.k8s.yaml and calico/<chart>.calico.yaml, in construct order', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir });
    const web = new Chart(app, 'web', { namespace: 'shop' });
    new KubeNetworkPolicy(web, 'deny', { metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    new CalicoGlobalNetworkSet(web, 'partners', { metadata: { name: 'partners' }, spec: { nets: ['203.0.113.0/24'] } });
    new ApiObject(web, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } });
    new CalicoNetworkSet(web, 'backup', { metadata: { name: 'backup' }, spec: { nets: ['198.51.100.7/32'] } });
    const only = new Chart(app, 'only-k8s');
    new KubeNetworkPolicy(only, 'np', { metadata: { name: 'np', namespace: 'n1' }, spec: { podSelector: {} } });
    app.synth();

    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/web.calico.yaml', 'kubernetes/only-k8s.k8s.yaml', 'kubernetes/web.k8s.yaml']);
    expect(yaml.loadAll(read(outdir, 'kubernetes/web.k8s.yaml'))).toEqual([
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { a: '1' } },
    ]);
    expect(read(outdir, 'calico/web.calico.yaml')).toBe([
      'apiVersion: projectcalico.org/v3',
      'kind: GlobalNetworkSet',
      'metadata:',
      '  name: partners',
      'spec:',
      '  nets:',
      '    - 203.0.113.0/24',
      '---',
      'apiVersion: projectcalico.org/v3',
      'kind: NetworkSet',
      'metadata:',
      '  name: backup',
      '  namespace: shop',
      'spec:',
      '  nets:',
      '    - 198.51.100.7/32',
      '',
    ].join('\n'));
  });

  test('a chart without objects writes no file', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir });
    new Chart(app, 'empty');
    app.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth']);
  });

  test('synth twice, and two identical apps, give identical bytes', () => {
    const build = (outdir: string): NetsecApp => {
      const app = new NetsecApp({ outdir });
      const c = new Chart(app, 'c', { namespace: 'ns' });
      new CalicoGlobalNetworkPolicy(c, 'g', {
        metadata: { name: 'allow-dns', labels: { z: '1', a: '2' } },
        spec: { order: 10, selector: 'all()', egress: [{ action: 'Allow', protocol: 'UDP', destination: { ports: ['53'] } }] },
      });
      new KubeNetworkPolicy(c, 'k', { metadata: { name: 'k' }, spec: { podSelector: { matchLabels: { app: 'x' } } } });
      return app;
    };
    const parent = tempParent();
    const a = build(path.join(parent, 'a'));
    a.synth();
    const first = listFiles(a.outdir).map((f) => read(a.outdir, f));
    a.synth();
    const second = listFiles(a.outdir).map((f) => read(a.outdir, f));
    const b = build(path.join(parent, 'b'));
    b.synth();
    const third = listFiles(b.outdir).map((f) => read(b.outdir, f));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(read(a.outdir, 'calico/c.calico.yaml')).toContain('- 53\n');
  });

  test('outdir defaults to CDK8S_OUTDIR', () => {
    const outdir = path.join(tempParent(), 'from-env');
    const saved = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = outdir;
    try {
      expect(new NetsecApp().outdir).toBe(outdir);
    } finally {
      if (saved === undefined) delete process.env.CDK8S_OUTDIR;
      else process.env.CDK8S_OUTDIR = saved;
    }
  });

  test('synthYaml returns the Kubernetes and Calico documents', () => {
    const app = new NetsecApp({ outdir: path.join(tempParent(), 'unused') });
    const c = new Chart(app, 'c');
    new CalicoGlobalNetworkSet(c, 's', { metadata: { name: 's' }, spec: {} });
    new KubeNetworkPolicy(c, 'k', { metadata: { name: 'k', namespace: 'n' }, spec: { podSelector: {} } });
    expect(yaml.loadAll(app.synthYaml()).map((d) => (d as { kind: string }).kind)).toEqual(['NetworkPolicy', 'GlobalNetworkSet']);
    expect(fs.existsSync(app.outdir)).toBe(false);
  });

  test('nested charts write their own files, named by the construct ids', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir });
    const parent = new Chart(app, 'platform');
    const child = new Chart(parent, 'dns');
    new CalicoGlobalNetworkSet(parent, 'p', { metadata: { name: 'p' }, spec: {} });
    new CalicoGlobalNetworkSet(child, 'c', { metadata: { name: 'c' }, spec: {} });
    app.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/platform-dns.calico.yaml', 'calico/platform.calico.yaml']);
    expect(read(outdir, 'calico/platform-dns.calico.yaml')).toContain('name: c\n');
    expect(read(outdir, 'calico/platform.calico.yaml')).not.toContain('name: c\n');
  });
});
