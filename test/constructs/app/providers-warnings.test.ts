import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { NetsecApp } from '../../../lib/app';
import { ChartManifests, ISynthOutputProvider, SynthOutputFile, addSynthWarning } from '../../../lib/constructs/app';
import { CalicoHostEndpoint, KubeNetworkPolicy } from '../../../lib/constructs/l1';
import { listFiles, tempParent } from './helpers';

/** Writes one file per HostEndpoint node, listing the node's endpoints. */
class NodeListProvider implements ISynthOutputProvider {
  public readonly providerName = 'node list';
  public seen: ChartManifests[] = [];
  public renderFiles(charts: ChartManifests[]): SynthOutputFile[] {
    this.seen = charts;
    const files: SynthOutputFile[] = [];
    for (const c of charts) {
      for (const o of c.calico) {
        const spec = o.spec as { node: string };
        files.push({ path: `iptables/${spec.node}.iptables`, content: `# ${c.chartId} ${spec.node}\n` });
      }
      // Changing what the provider receives must not change the manifests written.
      c.calico.length = 0;
    }
    return files;
  }
}

function failing(name: string, files: SynthOutputFile[] | Error): ISynthOutputProvider {
  return {
    providerName: name,
    renderFiles: () => {
      if (files instanceof Error) throw files;
      return files;
    },
  };
}

function appWithEndpoints(outdir: string): NetsecApp {
  const app = new NetsecApp({ outdir });
  const c = new Chart(app, 'nodes');
  new CalicoHostEndpoint(c, 'w1', { metadata: { name: 'w1-eth0' }, spec: { node: 'worker-1', interfaceName: 'eth0' } });
  new KubeNetworkPolicy(c, 'np', { metadata: { name: 'np', namespace: 'a' }, spec: { podSelector: {} } });
  return app;
}

describe('output providers', () => {
  test('receive the manifests per chart as plain objects and add files under outdir', () => {
    const outdir = path.join(tempParent(), 'dist');
    const provider = new NodeListProvider();
    const app = appWithEndpoints(outdir);
    app.addOutputProvider(provider);
    app.synth();
    expect(provider.seen.map((c) => c.chartId)).toEqual(['nodes']);
    expect(provider.seen[0].chartPath).toBe('nodes');
    expect(provider.seen[0].kubernetes).toEqual([
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'a' }, spec: { podSelector: {} } },
    ]);
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'calico/nodes.calico.yaml', 'iptables/worker-1.iptables', 'kubernetes/nodes.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'iptables/worker-1.iptables'), 'utf8')).toBe('# nodes worker-1\n');
    expect(fs.readFileSync(path.join(outdir, 'calico', 'nodes.calico.yaml'), 'utf8')).toContain('kind: HostEndpoint');
  });

  test('providers given as props run too', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = new NetsecApp({ outdir, outputProviders: [failing('readme', [{ path: 'README.txt', content: 'hi\n' }])] });
    app.synth();
    expect(listFiles(outdir)).toEqual(['.netsec-synth', 'README.txt']);
  });

  test('a throwing provider, a bad path and a clash are all reported; nothing is written', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = appWithEndpoints(outdir);
    app.addOutputProvider(failing('plan', new Error('node worker-9 is unknown')));
    app.addOutputProvider(failing('escape', [{ path: '../outside.txt', content: 'x' }]));
    app.addOutputProvider(failing('clash', [{ path: 'kubernetes/nodes.k8s.yaml', content: 'x' }]));
    expect(() => app.synth()).toThrow(/output provider 'plan': node worker-9 is unknown[\s\S]*\.\.\/outside\.txt[\s\S]*nodes\.k8s\.yaml is produced more than once/);
    expect(fs.existsSync(outdir)).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(outdir), 'outside.txt'))).toBe(false);
  });
});

describe('synth warnings', () => {
  test('are printed to stderr with the construct path and do not stop synthesis', () => {
    const outdir = path.join(tempParent(), 'dist');
    const app = appWithEndpoints(outdir);
    const c = new Construct(app.node.findChild('nodes'), 'intent');
    addSynthWarning(c, 'allows all ports');
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      app.synth();
    } finally {
      spy.mockRestore();
    }
    // Lint findings (rule ids `[NSxxx]`) are printed too; this test is about construct warnings.
    expect(written.filter((w) => !/\[NS\d{3}\]/.test(w))).toEqual(['warning: nodes/intent: allows all ports\n']);
    expect(written.some((w) => w.startsWith('warning: nodes: HostEndpoint') && w.includes('[NS006]'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'calico', 'nodes.calico.yaml'))).toBe(true);
  });
});
