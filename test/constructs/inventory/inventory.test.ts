// InventoryNamespace and InventoryPod: the kubectl-shaped objects they emit, that the engine reads
// them as intended, and their bad-input errors.
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { WorkerNode } from '../../../lib/constructs/ibm';
import { InventoryNamespace, InventoryPod, InventoryPodProps } from '../../../lib/constructs/inventory';
import { PortProtocol } from '../../../lib/constructs/vocabulary';
import { parseEngineInputs } from '../../../lib/engine';

type Manifest = { [key: string]: unknown };

function world(namespace?: string): { app: NetsecApp; chart: Chart; node: WorkerNode } {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written' });
  const chart = new Chart(app, 'inv', namespace === undefined ? {} : { namespace });
  const node = new WorkerNode(chart, 'w1', { name: 'worker-1', publicIp: '203.0.113.11', privateIp: '198.51.100.11' });
  return { app, chart, node };
}

function inventoryFile(app: NetsecApp): string {
  const file = app.synthFiles().find((f) => f.path === 'inventory/inv.inventory.yaml');
  if (!file) throw new Error('no inv.inventory.yaml');
  return file.content;
}

const json = (chart: Chart, kind: string): Manifest[] => (chart.toJson() as Manifest[]).filter((m) => m.kind === kind);

describe('InventoryNamespace', () => {
  test('emits a v1 Namespace with kubernetes.io/metadata.name and the inventory annotation, never a namespace', () => {
    const { chart } = world('chart-ns');
    new InventoryNamespace(chart, 'ns', { name: 'shop', labels: { team: 'a' } });
    expect(json(chart, 'Namespace')).toEqual([{
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'shop',
        labels: { 'team': 'a', 'kubernetes.io/metadata.name': 'shop' },
        annotations: { 'netsec.io/inventory': 'true' },
      },
    }]);
  });

  test('goes to inventory/<chart>.inventory.yaml, where the engine reads it as a namespace', () => {
    const { app, chart } = world();
    new InventoryNamespace(chart, 'ns', { name: 'shop', labels: { team: 'a' } });
    const files = app.synthFiles().map((f) => f.path);
    expect(files).toContain('inventory/inv.inventory.yaml');
    expect(files).not.toContain('kubernetes/inv.k8s.yaml');
    const inputs = parseEngineInputs([{ file: 'inv.inventory.yaml', text: inventoryFile(app) }]);
    expect(inputs.namespaces).toEqual([{ name: 'shop', labels: { 'team': 'a', 'kubernetes.io/metadata.name': 'shop' } }]);
  });

  test.each([
    ['an invalid name', { name: 'Shop' }, /inv\/ns: name "Shop" is invalid; allowed: a DNS-1123 label/],
    ['a bad label key', { name: 'shop', labels: { 'bad key': 'x' } }, /inv\/ns: labels: label key "bad key" is invalid/],
    ['a bad label value', { name: 'shop', labels: { team: 'a b' } }, /inv\/ns: labels: value "a b" of label "team" is invalid/],
    ['a metadata.name label naming another namespace', { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'other' } },
      /inv\/ns: labels.kubernetes.io\/metadata.name: "other" differs from the name "shop"/],
  ])('rejects %s', (_what, props, message) => {
    const { chart } = world();
    expect(() => new InventoryNamespace(chart, 'ns', props)).toThrow(message);
  });
});

describe('InventoryPod', () => {
  const props = (node: WorkerNode): InventoryPodProps => ({
    name: 'web-1', namespace: 'shop', node, ip: '192.0.2.10', labels: { app: 'web' },
    ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 53, protocol: PortProtocol.UDP }],
  });

  test('emits a v1 Pod shaped like kubectl get -o yaml, in its own namespace whatever the chart says', () => {
    const { chart, node } = world('chart-ns');
    new InventoryPod(chart, 'pod', { ...props(node), image: 'registry.example/web:1' });
    expect(json(chart, 'Pod')).toEqual([{
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' }, annotations: { 'netsec.io/inventory': 'true' } },
      spec: {
        nodeName: 'worker-1',
        serviceAccountName: 'default',
        containers: [{
          name: 'main',
          image: 'registry.example/web:1',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }],
        }],
      },
      status: { phase: 'Running', hostIP: '198.51.100.11', podIP: '192.0.2.10', podIPs: [{ ip: '192.0.2.10' }] },
    }]);
  });

  test('the engine reads it as a running pod on its node, with its IP, named ports and every container port', () => {
    const { app, chart, node } = world();
    new InventoryPod(chart, 'pod', { ...props(node), serviceAccountName: 'web' });
    const inputs = parseEngineInputs([{ file: 'inv.inventory.yaml', text: inventoryFile(app) }]);
    expect(inputs.pods).toEqual([{
      name: 'web-1', namespace: 'shop', labels: { app: 'web' }, nodeName: 'worker-1', serviceAccount: 'web',
      hostNetwork: false, phase: 'Running', ips: ['192.0.2.10'], namedPorts: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      containerPorts: [{ name: 'http', protocol: 'TCP', port: 8080 }, { protocol: 'UDP', port: 53 }],
    }]);
    expect(inputs.nodes.map((n) => n.name)).toEqual(['worker-1']);
  });

  test('without labels or ports, it writes neither', () => {
    const { chart, node } = world();
    new InventoryPod(chart, 'pod', { name: 'bare', namespace: 'shop', node, ip: '2001:db8::10' });
    const [pod] = json(chart, 'Pod') as { metadata: Manifest; spec: { containers: Manifest[] } }[];
    expect(pod.metadata.labels).toBeUndefined();
    expect(pod.spec.containers).toEqual([{ name: 'main' }]);
  });

  test.each([
    ['an invalid name', { name: 'Web_1' }, /inv\/pod: name "Web_1" is invalid; allowed: a DNS-1123 subdomain/],
    ['an invalid namespace', { namespace: 'shop.a' }, /inv\/pod: namespace "shop.a" is invalid; allowed: a DNS-1123 label/],
    ['an invalid IP', { ip: '192.0.2.300' }, /inv\/pod: ip: invalid IP address "192.0.2.300"/],
    ['a CIDR as IP', { ip: '192.0.2.0/24' }, /inv\/pod: ip: invalid IP address "192.0.2.0\/24"/],
    ['port 0', { ports: [{ containerPort: 0 }] }, /inv\/pod: ports\[0\].containerPort: invalid port 0; allowed: an integer 1-65535/],
    ['port 65536', { ports: [{ containerPort: 65536 }] }, /ports\[0\].containerPort: invalid port 65536/],
    ['a bad port name', { ports: [{ name: 'HTTP', containerPort: 80 }] }, /inv\/pod: ports\[0\].name: invalid port name "HTTP"; allowed: an IANA service name/],
    ['a port name of digits only', { ports: [{ name: '8080', containerPort: 80 }] }, /ports\[0\].name: invalid port name "8080"/],
    ['a duplicate port name', { ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] },
      /inv\/pod: ports\[1\].name: duplicate port name "http"/],
    ['a duplicate port and protocol', { ports: [{ containerPort: 80 }, { containerPort: 80, protocol: PortProtocol.TCP }] },
      /inv\/pod: ports\[1\]: duplicate port 80\/TCP/],
    ['an unknown protocol', { ports: [{ containerPort: 80, protocol: 'ICMP' as PortProtocol }] },
      /inv\/pod: ports\[0\].protocol: invalid protocol "ICMP"; allowed: TCP, UDP, SCTP/],
    ['a bad label', { labels: { app: 'a/b' } }, /inv\/pod: labels: value "a\/b" of label "app" is invalid/],
    ['an empty image', { image: ' ' }, /inv\/pod: image: empty image/],
  ])('rejects %s', (_what, override, message) => {
    const { chart, node } = world();
    expect(() => new InventoryPod(chart, 'pod', { ...props(node), ...override })).toThrow(message);
  });

  test('the same port number over TCP and UDP is fine', () => {
    const { chart, node } = world();
    expect(() => new InventoryPod(chart, 'pod', {
      ...props(node), ports: [{ containerPort: 53, protocol: PortProtocol.TCP }, { containerPort: 53, protocol: PortProtocol.UDP }],
    })).not.toThrow();
  });
});
