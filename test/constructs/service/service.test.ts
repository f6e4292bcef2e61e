// The Service constructs: KubeService (L1), NodePortService, LoadBalancerService and the
// LoadBalancer's address as inventory. Expected manifests written by hand from the Kubernetes API
// reference (core/v1 Service: spec.type, selector, ports[].name/protocol/port/targetPort/nodePort,
// externalTrafficPolicy, loadBalancerIP; status.loadBalancer.ingress[].ip); the field order is the
// model's renderer's (the schema's), as for every other kind.
import * as yaml from 'js-yaml';
import { Chart, JsonPatch, Testing } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { IntOrString, KubeService } from '../../../lib/constructs/l1';
import { ExternalTrafficPolicy, LoadBalancerService, NodePortService } from '../../../lib/constructs/service';
import { Port } from '../../../lib/constructs/vocabulary';
import { parseEngineInputs } from '../../../lib/engine';

function world(): { app: NetsecApp; chart: Chart } {
  const app = new NetsecApp({ outdir: '/nonexistent/never-written', lint: false });
  return { app, chart: new Chart(app, 'svc', { namespace: 'shop' }) };
}

const fileOf = (app: NetsecApp, path: string): string | undefined => app.synthFiles().find((f) => f.path === path)?.content;
const SELECTOR = { app: 'web' };

describe('NodePortService', () => {
  test('synthesises a v1 NodePort Service: named target port, fixed nodePort, the chart\'s namespace', () => {
    const { app, chart } = world();
    new NodePortService(chart, 'web', {
      name: 'web', selector: SELECTOR, labels: { tier: 'front' },
      ports: [{ name: 'http', port: Port.tcp(80), targetPort: IntOrString.fromString('http'), nodePort: 30080 }],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    });
    expect(fileOf(app, 'kubernetes/svc.k8s.yaml')).toBe([
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  labels:',
      '    tier: front',
      'spec:',
      '  type: NodePort',
      '  selector:',
      '    app: web',
      '  ports:',
      '    - name: http',
      '      protocol: TCP',
      '      port: 80',
      '      targetPort: http',
      '      nodePort: 30080',
      '  externalTrafficPolicy: Local',
      '',
    ].join('\n'));
    expect(fileOf(app, 'inventory/svc.inventory.yaml')).toBeUndefined();
  });

  test('externalTrafficPolicy defaults to Cluster (the API\'s default, written out); a numeric targetPort is a YAML integer; UDP keeps its protocol', () => {
    const { app, chart } = world();
    new NodePortService(chart, 'dns', {
      name: 'dns', namespace: 'infra', selector: { app: 'dns' },
      ports: [{ name: 'dns', port: Port.udp(53), targetPort: IntOrString.fromNumber(5353) }, { name: 'dns-tcp', port: Port.tcp(53) }],
    });
    expect(yaml.load(fileOf(app, 'kubernetes/svc.k8s.yaml') ?? '')).toEqual({
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'dns', namespace: 'infra' },
      spec: {
        type: 'NodePort', selector: { app: 'dns' },
        ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 5353 }, { name: 'dns-tcp', protocol: 'TCP', port: 53 }],
        externalTrafficPolicy: 'Cluster',
      },
    });
  });

  test('ports that are not one TCP, UDP or SCTP port are listed at synth with the construct path and what is allowed', () => {
    const { app, chart } = world();
    new NodePortService(chart, 'bad', { name: 'bad', selector: SELECTOR, ports: [{ port: Port.named('http') }] });
    new NodePortService(chart, 'range', { name: 'range', selector: SELECTOR, ports: [{ port: Port.tcpRange(80, 81) }] });
    new NodePortService(chart, 'icmp', { name: 'icmp', selector: SELECTOR, ports: [{ port: Port.icmp() }] });
    expect(() => app.synthFiles()).toThrow('svc/bad: ports[0].port: Port.named("http") is not a single port number; '
      + 'allowed: a single port: Port.tcp(n), Port.udp(n) or Port.sctp(n)');
    expect(() => app.synthFiles()).toThrow('svc/range: ports[0].port: Port.tcpRange(80, 81) is not a single port number');
    expect(() => app.synthFiles()).toThrow('svc/icmp: ports[0].port: Port.icmp() has no port');
  });

  test('Kubernetes\' Service validation runs at synth: the construct path, field, bad value and what is allowed', () => {
    const { app, chart } = world();
    new NodePortService(chart, 'upper', { name: 'Web', selector: SELECTOR, ports: [{ port: Port.tcp(80) }] });
    new NodePortService(chart, 'two', { name: 'two', selector: SELECTOR, ports: [{ port: Port.tcp(80) }, { port: Port.tcp(81) }] });
    new NodePortService(chart, 'none', { name: 'none', selector: SELECTOR, ports: [] });
    new NodePortService(chart, 'target', { name: 'target', selector: SELECTOR, ports: [{ port: Port.tcp(80), targetPort: IntOrString.fromString('Not_A_Name') }] });
    let message = '';
    try {
      app.synthFiles();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message).toContain('svc/upper/Resource: metadata.name: Service name is not a DNS-1035 label (got "Web"; allowed: a DNS-1035 label');
    expect(message).toContain('svc/two/Resource: spec.ports[0].name: a name is required when there is more than one port (got ""');
    expect(message).toContain('svc/none/Resource: spec.ports: a Service needs at least one port');
    expect(message).toContain('svc/target/Resource: spec.ports[0].targetPort: invalid port name (got "Not_A_Name"');
  });
});

describe('KubeService (L1)', () => {
  test('renders the typed spec; nodePort on a ClusterIP Service is refused at validation, with the path', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const ok = new KubeService(chart, 'ok', { metadata: { name: 'api' }, spec: { selector: { app: 'api' }, ports: [{ port: 9000, targetPort: 'api' }] } });
    expect(ok.toJson()).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' },
      spec: { selector: { app: 'api' }, ports: [{ port: 9000, targetPort: 'api' }] },
    });
    expect(ok.node.validate()).toEqual([]);
    const bad = new KubeService(chart, 'bad', { metadata: { name: 'api2' }, spec: { ports: [{ port: 9000, nodePort: 30090 }] } });
    expect(bad.node.validate()).toEqual(['c/bad: spec.ports[0].nodePort: nodePort may not be used when type is ClusterIP '
      + '(got 30090; allowed: type NodePort or LoadBalancer, or no nodePort)']);
  });

  test('JSON patches and metadata the model cannot carry are refused with the construct path', () => {
    const svc = new KubeService(new Chart(Testing.app(), 'c'), 's', { metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } });
    expect(() => svc.addJsonPatch(JsonPatch.add('/spec/x', 1))).toThrow(/^c\/s: addJsonPatch is not supported on Service 's'/);
    svc.metadata.addFinalizers('example.com/keep');
    expect(svc.node.validate()).toEqual(['c/s: metadata.finalizers is not supported on Service; allowed: name, namespace, labels, annotations']);
  });
});

describe('LoadBalancerService and its address as inventory', () => {
  const lb = (chart: Chart, extra: { address?: string; requestAddress?: boolean } = {}): LoadBalancerService =>
    new LoadBalancerService(chart, 'lb', {
      name: 'web-lb', selector: SELECTOR,
      ports: [{ name: 'http', port: Port.tcp(80), targetPort: IntOrString.fromNumber(8080) }], ...extra,
    });

  test('the applied Service has the spec only; the inventory holds it as the cluster reports it, with status.loadBalancer.ingress', () => {
    const { app, chart } = world();
    lb(chart, { address: '203.0.113.50', requestAddress: true });
    const spec = {
      type: 'LoadBalancer', selector: SELECTOR,
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
      externalTrafficPolicy: 'Cluster', loadBalancerIP: '203.0.113.50',
    };
    expect(yaml.load(fileOf(app, 'kubernetes/svc.k8s.yaml') ?? '')).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-lb', namespace: 'shop' }, spec,
    });
    expect(fileOf(app, 'inventory/svc.inventory.yaml')).toBe([
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web-lb',
      '  namespace: shop',
      '  annotations:',
      "    netsec.io/inventory: 'true'",
      'spec:',
      '  type: LoadBalancer',
      '  selector:',
      '    app: web',
      '  ports:',
      '    - name: http',
      '      protocol: TCP',
      '      port: 80',
      '      targetPort: 8080',
      '  externalTrafficPolicy: Cluster',
      '  loadBalancerIP: 203.0.113.50',
      'status:',
      '  loadBalancer:',
      '    ingress:',
      '      - ip: 203.0.113.50',
      '',
    ].join('\n'));
  });

  test('the engine reads the manifest and its inventory copy as one Service, with the address', () => {
    const { app, chart } = world();
    lb(chart, { address: '203.0.113.50' });
    const inputs = parseEngineInputs([
      { file: 'svc.k8s.yaml', text: fileOf(app, 'kubernetes/svc.k8s.yaml') ?? '' },
      { file: 'svc.inventory.yaml', text: fileOf(app, 'inventory/svc.inventory.yaml') ?? '' },
    ]);
    expect(inputs.services?.map((s) => [`${s.namespace}/${s.name}`, s.type, s.loadBalancerIPs, s.location])).toEqual([
      ['shop/web-lb', 'LoadBalancer', ['203.0.113.50'], 'svc.k8s.yaml#0'],
    ]);
  });

  test('without an address nothing is written to the inventory, and no spec.loadBalancerIP', () => {
    const { app, chart } = world();
    lb(chart);
    expect(fileOf(app, 'inventory/svc.inventory.yaml')).toBeUndefined();
    expect(fileOf(app, 'kubernetes/svc.k8s.yaml')).not.toContain('loadBalancerIP');
  });

  test('a bad address, or requestAddress without one, is listed at synth with the construct path', () => {
    const one = world();
    lb(one.chart, { address: '203.0.113.500' });
    expect(() => one.app.synthFiles()).toThrow('svc/lb: address: invalid IP address "203.0.113.500"; allowed: ');
    const two = world();
    lb(two.chart, { requestAddress: true });
    expect(() => two.app.synthFiles()).toThrow('svc/lb: requestAddress: true needs an address to request; allowed: an address, or requestAddress false');
  });
});

describe('a manifest Service and its inventory copy in the engine', () => {
  const manifest = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { type: LoadBalancer, selector: { app: web }, ports: [{ port: 80 }] }
`;
  const copy = (port: number): string => `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop, annotations: { netsec.io/inventory: "true" } }
spec: { type: LoadBalancer, selector: { app: web }, ports: [{ port: ${port} }], clusterIP: 198.51.100.7 }
status: { loadBalancer: { ingress: [{ ip: 203.0.113.60 }] } }
`;

  test('the copy may add what the cluster allocated (clusterIP); its status is the Service\'s', () => {
    const inputs = parseEngineInputs([{ file: 'm.yaml', text: manifest }, { file: 'inv.yaml', text: copy(80) }]);
    expect(inputs.services?.map((s) => [s.name, s.clusterIPs, s.loadBalancerIPs, s.location])).toEqual([['web', ['198.51.100.7'], ['203.0.113.60'], 'm.yaml#0']]);
  });

  test('a copy that differs from the manifest in a field the manifest sets is an error naming both, never one picked', () => {
    expect(() => parseEngineInputs([{ file: 'm.yaml', text: manifest }, { file: 'inv.yaml', text: copy(81) }]))
      .toThrow('inv.yaml#0: spec.ports: the inventory copy of Service shop/web differs from its manifest (got [{"port":81,"protocol":"TCP","targetPort":"81"}]; '
        + 'allowed: [{"port":80,"protocol":"TCP","targetPort":"80"}], as m.yaml#0 declares it)');
  });
});
