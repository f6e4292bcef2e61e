import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { NetsecApp } from '../../../lib/app';
import { InventoryNamespace } from '../../../lib/constructs/inventory';
import { CalicoGlobalNetworkPolicy, CalicoNetworkPolicy, CalicoTier, KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { listFiles, tempParent } from './helpers';

function synthError(app: NetsecApp): string {
  try {
    app.synth();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected synth to fail');
}

describe('NetsecApp refuses bad input and writes nothing', () => {
  test('every validation problem is listed, with construct paths, and no outdir is created', () => {
    const parent = tempParent();
    const outdir = path.join(parent, 'dist');
    const app = new NetsecApp({ outdir });
    const chart = new Chart(app, 'web', { namespace: 'shop' });
    new KubeNetworkPolicy(chart, 'fine', { metadata: { name: 'fine' }, spec: { podSelector: {} } });
    new CalicoNetworkPolicy(chart, 'bad', { metadata: { name: 'bad' }, spec: { ingress: [{ action: 'Permit' }] } });
    const custom = new Construct(chart, 'custom');
    custom.node.addValidation({ validate: () => ['boom'] });

    const message = synthError(app);
    expect(message).toContain('nothing was written');
    expect(message).toMatch(/web\/bad.*Permit/);
    expect(message).toContain('[web/custom] boom');
    expect(fs.existsSync(outdir)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  test('a failed synth leaves the previous output untouched', () => {
    const outdir = path.join(tempParent(), 'dist');
    const good = new NetsecApp({ outdir });
    new CalicoTier(new Chart(good, 'c'), 't', { metadata: { name: 'security' }, spec: {} });
    good.synth();
    const before = fs.readFileSync(path.join(outdir, 'calico', 'c.calico.yaml'), 'utf8');

    const bad = new NetsecApp({ outdir });
    new CalicoTier(new Chart(bad, 'c'), 't', { metadata: { name: 'security' }, spec: { defaultAction: 'Maybe' } });
    expect(synthError(bad)).toMatch(/c\/t.*Maybe/);
    expect(fs.readFileSync(path.join(outdir, 'calico', 'c.calico.yaml'), 'utf8')).toBe(before);
  });

  test('duplicate resources anywhere in the app are reported with both construct paths', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir });
    const a = new Chart(app, 'a', { namespace: 'x' });
    const b = new Chart(app, 'b', { namespace: 'y' });
    new CalicoGlobalNetworkPolicy(a, 'one', { metadata: { name: 'allow-icmp' }, spec: {} });
    new CalicoGlobalNetworkPolicy(b, 'two', { metadata: { name: 'allow-icmp' }, spec: {} });
    // Same name, different namespace: distinct resources.
    new KubeNetworkPolicy(a, 'np', { metadata: { name: 'web' }, spec: { podSelector: {} } });
    new KubeNetworkPolicy(b, 'np', { metadata: { name: 'web' }, spec: { podSelector: {} } });
    // Same name and namespace, different API group: distinct resources.
    new CalicoNetworkPolicy(a, 'cnp', { metadata: { name: 'web' }, spec: {} });
    // A plain ApiObject counts as well.
    new KubeNetworkPolicy(a, 'np2', { metadata: { name: 'dup', namespace: 'z' }, spec: { podSelector: {} } });
    new ApiObject(b, 'raw', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'dup', namespace: 'z' }, spec: { podSelector: {} } });

    const message = synthError(app);
    expect(message).toContain('duplicate resource projectcalico.org/GlobalNetworkPolicy/allow-icmp: defined by a/one and b/two');
    expect(message).toContain('duplicate resource networking.k8s.io/NetworkPolicy/z/dup: defined by a/np2 and b/raw');
    expect(message).toContain('2 problem(s)');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  // cdk8s stamps a chart's namespace on every object, but cluster-scoped objects are written without
  // one: the same Namespace declared in charts of different namespaces is still one resource.
  test('cluster-scoped inventory objects are duplicates whatever their charts\' namespaces', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir, iptablesPlan: false });
    new InventoryNamespace(new Chart(app, 'a', { namespace: 'x' }), 'ns', { name: 'shop' });
    new InventoryNamespace(new Chart(app, 'b', { namespace: 'y' }), 'ns', { name: 'shop' });
    expect(synthError(app)).toContain('duplicate resource core/Namespace/shop: defined by a/ns/Resource and b/ns/Resource');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('two charts that would write the same file are refused', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir });
    new CalicoTier(new Chart(app, 'a-b'), 't1', { metadata: { name: 't1' }, spec: {} });
    new CalicoTier(new Chart(new Chart(app, 'a'), 'b'), 't2', { metadata: { name: 't2' }, spec: {} });
    expect(synthError(app)).toContain('output file calico/a-b.calico.yaml is produced more than once');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('an existing non-empty outdir not written by NetsecApp is never replaced', () => {
    const outdir = path.join(tempParent(), 'project');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'precious.txt'), 'keep me');
    const app = new NetsecApp({ outdir });
    new CalicoTier(new Chart(app, 'c'), 't', { metadata: { name: 't' }, spec: {} });
    expect(synthError(app)).toContain('refusing to replace it');
    expect(listFiles(outdir)).toEqual(['precious.txt']);
  });

  test('an outdir written before is replaced whole: stale files disappear, no temporary directory stays', () => {
    const parent = tempParent();
    const outdir = path.join(parent, 'dist');
    const first = new NetsecApp({ outdir });
    new CalicoTier(new Chart(first, 'old'), 't', { metadata: { name: 't' }, spec: {} });
    first.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/old.calico.yaml']);

    const second = new NetsecApp({ outdir });
    new CalicoTier(new Chart(second, 'new'), 't', { metadata: { name: 't' }, spec: {} });
    second.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/new.calico.yaml']);
    expect(fs.readdirSync(parent)).toEqual(['dist']);
  });

  test('an empty existing outdir is used', () => {
    const outdir = path.join(tempParent(), 'dist');
    fs.mkdirSync(outdir);
    const app = new NetsecApp({ outdir });
    new CalicoTier(new Chart(app, 'c'), 't', { metadata: { name: 't' }, spec: {} });
    app.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/c.calico.yaml']);
  });
});
