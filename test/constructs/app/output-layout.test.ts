// Issue 14 item 1: the output folder is laid out by use. `kubectl apply -f dist/kubernetes/` and
// `calicoctl apply -f dist/calico/` take exactly their files; the inventory and the iptables plan
// live where nothing applies them, and `kubectl apply -f dist/` (not recursive) finds no manifest.
// The engine commands still take dist/ as it is and answer as they did when every file sat in dist/.
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as yaml from 'js-yaml';
import { NetsecApp } from '../../../lib/app';
import { runCli } from '../../../lib/cli/run';
import {
  AllowFromPods, DefaultDeny, DenyCidr, InventoryNamespace, InventoryPod, LabelSelector, PolicyTarget, Port,
  TrafficDirection, WorkerNode,
} from '../../../lib/constructs';
import { listFiles, tempParent } from './helpers';

/** The extensions `kubectl apply -f <dir>` and `calicoctl apply -f <dir>` read. */
const APPLIED_EXTENSIONS = ['.yaml', '.yml', '.json'];

function shopApp(outdir: string): NetsecApp {
  const app = new NetsecApp({ outdir });
  const shop = new Chart(app, 'shop');
  new DefaultDeny(shop, 'default-deny', { target: PolicyTarget.namespace('shop'), egress: false });
  new AllowFromPods(shop, 'backend-from-frontend', {
    target: PolicyTarget.pods('shop', LabelSelector.of({ app: 'backend' })),
    fromPods: LabelSelector.of({ app: 'frontend' }),
    ports: [Port.tcp(8080)],
  });
  new DenyCidr(shop, 'deny-bad', { target: PolicyTarget.namespace('shop'), cidrs: ['203.0.113.224/27'], direction: TrafficDirection.INGRESS });
  const cluster = new Chart(app, 'cluster');
  const node = new WorkerNode(cluster, 'w1', { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11' });
  new InventoryNamespace(cluster, 'ns', { name: 'shop' });
  new InventoryPod(cluster, 'fe', { name: 'frontend-1', namespace: 'shop', labels: { app: 'frontend' }, node, ip: '192.0.2.10' });
  new InventoryPod(cluster, 'be', { name: 'backend-1', namespace: 'shop', labels: { app: 'backend' }, node, ip: '192.0.2.11' });
  return app;
}

function synthQuietly(app: NetsecApp): void {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    app.synth();
  } finally {
    spy.mockRestore();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, { stdout: (t) => { out += t; }, stderr: () => undefined });
  return { code, out };
}

const outdir = path.join(tempParent(), 'dist');
const app = shopApp(outdir);
synthQuietly(app);
const docsOf = (file: string): { apiVersion: string; kind: string }[] =>
  yaml.loadAll(fs.readFileSync(path.join(outdir, file), 'utf8')) as { apiVersion: string; kind: string }[];

describe('the output folder, laid out by use', () => {
  test('kubernetes/, calico/, inventory/ and iptables/ hold one chart file each, and the folder itself no manifest', () => {
    expect(listFiles(outdir)).toEqual([
      '.netsec-synth',
      'calico/shop.calico.yaml',
      'inventory/cluster.inventory.yaml',
      'iptables/worker-1.endpoints.json', 'iptables/worker-1.ipsets', 'iptables/worker-1.iptables',
      'kubernetes/shop.k8s.yaml',
    ]);
    // what `kubectl apply -f dist/` would read: the folder's own .yaml/.yml/.json files
    const topLevel = fs.readdirSync(outdir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    expect(topLevel.filter((n) => APPLIED_EXTENSIONS.includes(path.extname(n)))).toEqual([]);
  });

  test('kubectl apply -f dist/kubernetes/ gets the two NetworkPolicies and nothing of Calico or the inventory', () => {
    expect(docsOf('kubernetes/shop.k8s.yaml').map((d) => `${d.apiVersion} ${d.kind}`))
      .toEqual(['networking.k8s.io/v1 NetworkPolicy', 'networking.k8s.io/v1 NetworkPolicy']);
  });

  test('calicoctl apply -f dist/calico/ gets the Tier and the deny policy, only projectcalico.org/v3', () => {
    const kinds = docsOf('calico/shop.calico.yaml').map((d) => `${d.apiVersion} ${d.kind}`);
    expect(kinds).toEqual(['projectcalico.org/v3 Tier', 'projectcalico.org/v3 NetworkPolicy']);
    expect(fs.readdirSync(path.join(outdir, 'calico'))).toEqual(['shop.calico.yaml']);
  });

  test('the inventory (Node, Namespace, Pods) is only in inventory/', () => {
    expect(docsOf('inventory/cluster.inventory.yaml').map((d) => d.kind)).toEqual(['Node', 'Namespace', 'Pod', 'Pod']);
  });
});

describe('the engine commands take dist/ as it is', () => {
  test('check reads the policies and, from inventory/, the pods: frontend reaches backend on 8080 only', async () => {
    const base = ['check', '--manifests', outdir, '--from', 'shop/frontend-1', '--to', 'shop/backend-1', '--protocol', 'TCP'];
    expect((await cli([...base, '--port', '8080', '--expect', 'allow'])).code).toBe(0);
    expect((await cli([...base, '--port', '22', '--expect', 'deny'])).code).toBe(0);
    const denied = await cli(['check', '--manifests', outdir, '--from', '203.0.113.230', '--to', 'shop/backend-1', '--protocol', 'TCP', '--port', '8080']);
    expect(denied.out).toContain('netsec-deny.deny-bad rule 0 (Deny) in tier netsec-deny');
  });

  test('lint and table answer on dist/ exactly as on the files in the order the flat layout read them', async () => {
    // the flat layout's order: file names sorted in one folder (iptables/ first, then each chart's calico, inventory, k8s)
    const flat = ['iptables', 'calico/shop.calico.yaml', 'inventory/cluster.inventory.yaml', 'kubernetes/shop.k8s.yaml']
      .map((f) => path.join(outdir, f));
    const base = (f: string): string => f.replace(/"[^"]*\/([^/"]+\.(?:yaml|json))/g, '"$1');
    for (const args of [['lint', '--format', 'json'], ['table', '--protocol', 'TCP', '--port', '8080', '--format', 'json']]) {
      const onDist = await cli([...args, '--manifests', outdir]);
      const onFlat = await cli([...args, '--manifests', ...flat]);
      expect(onDist.code).toBe(onFlat.code);
      expect(base(onDist.out)).toBe(base(onFlat.out));
      expect(onDist.out.length).toBeGreaterThan(10);
    }
  });
});
