import { Chart } from 'cdk8s';
import {
  FailsafePort, FelixFailsafe, IKS_REQUIRED_SYS_MGMT_CIDRS, WorkerNode, WorkerNodeDefaults, WorkerNodeDefaultsGeneration,
} from '../../../lib/constructs/ibm';
import { IbmRegion } from '../../../lib/constructs/ibm';
import { Manifest, keyOf, newChart, sortManifests, synthChart, warningsOf } from './helpers';
import { inboundVerdict } from './host-policy-oracle';

const PUBLIC_IP = '203.0.113.10';
const PRIVATE_IP = '192.0.2.10';
const OUTSIDE = '198.51.100.7';

function workers(chart: Chart): WorkerNode[] {
  return [
    new WorkerNode(chart, 'w1', { name: 'worker-1', publicIp: PUBLIC_IP, privateIp: PRIVATE_IP }),
    new WorkerNode(chart, 'w2', { name: 'worker-2', publicIp: '203.0.113.11', privateIp: '192.0.2.11' }),
  ];
}

function synthDefaults(generation?: WorkerNodeDefaultsGeneration): Manifest[] {
  const { app, chart } = newChart();
  new WorkerNodeDefaults(chart, 'defaults', { nodes: workers(chart), generation });
  return synthChart(app, chart).filter(m => m.kind !== 'Node');
}

function policy(ms: Manifest[], name: string): { [k: string]: unknown } {
  const m = ms.find(x => x.kind === 'GlobalNetworkPolicy' && (x.metadata as { name: string }).name === name);
  if (!m) throw new Error(`no policy ${name}`);
  return m.spec as { [k: string]: unknown };
}

describe('classic 2018 generation', () => {
  const ms = synthDefaults(WorkerNodeDefaultsGeneration.CLASSIC_2018);

  test('emits the six seed policies, one public host endpoint per worker and the FelixConfiguration', () => {
    expect(ms.map(keyOf).sort()).toEqual([
      'FelixConfiguration//default',
      'GlobalNetworkPolicy//allow-all-outbound',
      'GlobalNetworkPolicy//allow-icmp',
      'GlobalNetworkPolicy//allow-kubelet-port',
      'GlobalNetworkPolicy//allow-node-port-dnat',
      'GlobalNetworkPolicy//allow-sys-mgmt',
      'GlobalNetworkPolicy//allow-vrrp',
      'HostEndpoint//worker-1-worker-public',
      'HostEndpoint//worker-2-worker-public',
    ]);
  });

  test('TCP 10250 (kubelet) is allowed in on the public interface; SSH is not', () => {
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 10250, sourceIp: OUTSIDE })).toBe('allow');
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 22, sourceIp: OUTSIDE })).toBe('deny');
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 52311, sourceIp: OUTSIDE })).toBe('deny');
  });

  test('SSH to the private interface is allowed (no host endpoint polices it)', () => {
    expect(ms.some(m => m.kind === 'HostEndpoint' && (m.spec as { interfaceName: string }).interfaceName === 'eth0')).toBe(false);
    expect(inboundVerdict(ms, 'worker-1', 'eth0', { protocol: 'TCP', port: 22, sourceIp: OUTSIDE })).toBe('allow');
  });
});

describe('current generation (default)', () => {
  const ms = synthDefaults();

  test('emits bigfix instead of kubelet, plus the private host endpoints and allow-all-private-default', () => {
    expect(ms.map(keyOf).sort()).toEqual([
      'FelixConfiguration//default',
      'GlobalNetworkPolicy//allow-all-outbound',
      'GlobalNetworkPolicy//allow-all-private-default',
      'GlobalNetworkPolicy//allow-bigfix-port',
      'GlobalNetworkPolicy//allow-icmp',
      'GlobalNetworkPolicy//allow-node-port-dnat',
      'GlobalNetworkPolicy//allow-sys-mgmt',
      'GlobalNetworkPolicy//allow-vrrp',
      'HostEndpoint//worker-1-worker-private',
      'HostEndpoint//worker-1-worker-public',
      'HostEndpoint//worker-2-worker-private',
      'HostEndpoint//worker-2-worker-public',
    ]);
  });

  test('public interface: BigFix (TCP 52311), ICMP and VRRP in; kubelet and SSH not', () => {
    const pub = (protocol: string, port?: number) => inboundVerdict(ms, 'worker-1', 'eth1', { protocol, port, sourceIp: OUTSIDE });
    expect(pub('TCP', 52311)).toBe('allow');
    expect(pub('ICMP')).toBe('allow');
    expect(pub('112')).toBe('allow');
    expect(pub('TCP', 10250)).toBe('deny');
    expect(pub('TCP', 22)).toBe('deny');
    expect(pub('UDP', 53)).toBe('deny');
  });

  test('public interface: anything from the IBM management subnets is allowed in', () => {
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 22, sourceIp: '10.0.64.5' })).toBe('allow');
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 22, sourceIp: '10.0.96.5' })).toBe('deny');
  });

  test('private interface: SSH is allowed by allow-all-private-default', () => {
    expect(inboundVerdict(ms, 'worker-1', 'eth0', { protocol: 'TCP', port: 22, sourceIp: OUTSIDE })).toBe('allow');
  });

  test('host endpoints carry IBM\'s names, labels, interfaces and IPs', () => {
    const pub = ms.find(m => keyOf(m) === 'HostEndpoint//worker-1-worker-public');
    expect(pub).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpoint',
      metadata: { name: 'worker-1-worker-public', labels: { 'ibm.role': 'worker_public' } },
      spec: { node: 'worker-1', interfaceName: 'eth1', expectedIPs: [PUBLIC_IP] },
    });
    const priv = ms.find(m => keyOf(m) === 'HostEndpoint//worker-1-worker-private');
    expect(priv).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpoint',
      metadata: { name: 'worker-1-worker-private', labels: { 'ibm.role': 'worker_private' } },
      spec: { node: 'worker-1', interfaceName: 'eth0', expectedIPs: [PRIVATE_IP] },
    });
  });

  test('orders and selectors documented by IBM (calicoctl get gnp -o wide)', () => {
    const both = "ibm.role in { 'worker_public', 'master_public' }";
    expect([policy(ms, 'allow-node-port-dnat').order, policy(ms, 'allow-node-port-dnat').selector]).toEqual([1500, "ibm.role == 'worker_public'"]);
    expect([policy(ms, 'allow-vrrp').order, policy(ms, 'allow-vrrp').selector]).toEqual([1600, "ibm.role == 'worker_public'"]);
    expect([policy(ms, 'allow-icmp').order, policy(ms, 'allow-icmp').selector]).toEqual([1700, both]);
    expect([policy(ms, 'allow-bigfix-port').order, policy(ms, 'allow-bigfix-port').selector]).toEqual([1900, both]);
    expect([policy(ms, 'allow-sys-mgmt').order, policy(ms, 'allow-sys-mgmt').selector]).toEqual([1950, both]);
    expect(policy(ms, 'allow-all-outbound')).toEqual({ order: 1900, selector: both, types: ['Egress'], egress: [{ action: 'Allow' }] });
  });

  test('allow-all-private-default sorts after IBM\'s deny-all-private-default (99900)', () => {
    expect(Number(policy(ms, 'allow-all-private-default').order)).toBeGreaterThan(99900);
  });

  test('allow-node-port-dnat allows forwarded traffic to pods only', () => {
    expect(policy(ms, 'allow-node-port-dnat')).toEqual({
      order: 1500,
      selector: "ibm.role == 'worker_public'",
      applyOnForward: true,
      types: ['Ingress'],
      ingress: [{ action: 'Allow', destination: { selector: "projectcalico.org/orchestrator == 'k8s'" } }],
    });
  });

  test('FelixConfiguration default: Felix\'s inbound failsafe ports without TCP 22, outbound untouched', () => {
    const felix = ms.find(m => keyOf(m) === 'FelixConfiguration//default');
    expect(felix?.spec).toEqual({
      failsafeInboundHostPorts: [
        { protocol: 'udp', port: 68 }, { protocol: 'tcp', port: 179 }, { protocol: 'tcp', port: 2379 },
        { protocol: 'tcp', port: 2380 }, { protocol: 'tcp', port: 5473 }, { protocol: 'tcp', port: 6443 },
        { protocol: 'tcp', port: 6666 }, { protocol: 'tcp', port: 6667 },
      ],
    });
  });
});

describe('snapshots (reviewed)', () => {
  test.each([WorkerNodeDefaultsGeneration.CLASSIC_2018, WorkerNodeDefaultsGeneration.CURRENT])('%s output', (gen) => {
    expect(sortManifests(synthDefaults(gen))).toMatchSnapshot();
  });
});

describe('overrides and opt-outs', () => {
  test('default sysMgmtCidrs are the four management subnets IBM requires in every region', () => {
    for (const r of IbmRegion.all()) {
      expect(IbmRegion.tryFacts(r)?.sysMgmtNets.slice(0, 4)).toEqual([...IKS_REQUIRED_SYS_MGMT_CIDRS]);
    }
    expect(policy(synthDefaults(), 'allow-sys-mgmt').ingress).toEqual([
      { action: 'Allow', source: { nets: ['10.0.64.0/19', '10.200.80.0/20', '10.3.160.0/20', '10.201.0.0/20'] } },
    ]);
  });

  test('sysMgmtCidrs replaces the sources of allow-sys-mgmt', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart), sysMgmtCidrs: ['10.3.96.0/20'] });
    const ms = synthChart(app, chart);
    expect(policy(ms, 'allow-sys-mgmt').ingress).toEqual([{ action: 'Allow', source: { nets: ['10.3.96.0/20'] } }]);
  });

  test('dangerouslyOmitDefaultPolicies drops the policy and warns with path, name and consequence', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart), dangerouslyOmitDefaultPolicies: ['allow-icmp'] });
    const ms = synthChart(app, chart);
    expect(ms.some(m => keyOf(m) === 'GlobalNetworkPolicy//allow-icmp')).toBe(false);
    expect(ms.some(m => keyOf(m) === 'GlobalNetworkPolicy//allow-vrrp')).toBe(true);
    const w = warningsOf(app);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^test\/d: dangerouslyOmitDefaultPolicies: .*'allow-icmp'.*ICMP/);
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'ICMP', sourceIp: OUTSIDE })).toBe('deny');
  });

  test('the defaults print no warning', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart) });
    synthChart(app, chart);
    expect(warningsOf(app)).toEqual([]);
  });

  test('failsafe with TCP 22 lets SSH into the public interface, with a warning', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart), failsafe: FelixFailsafe.felixDefaults() });
    const ms = synthChart(app, chart);
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 22, sourceIp: OUTSIDE })).toBe('allow');
    expect(warningsOf(app).join('\n')).toMatch(/test\/d: failsafe: .*TCP 22/);
  });

  test('a custom failsafe is written as given, outbound included', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', {
      nodes: workers(chart),
      failsafe: FelixFailsafe.custom({ inbound: [FailsafePort.tcp(22, '192.0.2.0/24')], outbound: [FailsafePort.udp(53)] }),
    });
    const felix = synthChart(app, chart).find(m => keyOf(m) === 'FelixConfiguration//default');
    expect(felix?.spec).toEqual({
      failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22, net: '192.0.2.0/24' }],
      failsafeOutboundHostPorts: [{ protocol: 'udp', port: 53 }],
    });
  });

  test('dangerouslyOmitFelixConfiguration: no FelixConfiguration, SSH falls back to Felix\'s failsafe, warning', () => {
    const { app, chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart), dangerouslyOmitFelixConfiguration: true });
    const ms = synthChart(app, chart);
    expect(ms.some(m => m.kind === 'FelixConfiguration')).toBe(false);
    expect(inboundVerdict(ms, 'worker-1', 'eth1', { protocol: 'TCP', port: 22, sourceIp: OUTSIDE })).toBe('allow');
    expect(warningsOf(app).join('\n')).toMatch(/test\/d: dangerouslyOmitFelixConfiguration: .*SSH/);
  });
});

describe('bad input', () => {
  function build(props: Partial<ConstructorParameters<typeof WorkerNodeDefaults>[2]>): void {
    const { chart } = newChart();
    new WorkerNodeDefaults(chart, 'd', { nodes: workers(chart), ...props });
  }

  test('unknown opt-out name: path, field, value and the allowed names', () => {
    expect(() => build({ generation: WorkerNodeDefaultsGeneration.CURRENT, dangerouslyOmitDefaultPolicies: ['allow-kubelet-port'] }))
      .toThrow(/^test\/d: dangerouslyOmitDefaultPolicies\[0\]: "allow-kubelet-port" is not a default policy of generation CURRENT; allowed: allow-all-outbound, allow-all-private-default, allow-bigfix-port/);
  });

  test('bad sysMgmtCidrs entry and empty list', () => {
    expect(() => build({ sysMgmtCidrs: ['10.0.64.0/19', '10.0.0.0/33'] }))
      .toThrow(/^test\/d: sysMgmtCidrs\[1\]: invalid CIDR "10.0.0.0\/33"; allowed: a CIDR/);
    expect(() => build({ sysMgmtCidrs: [] })).toThrow(/^test\/d: sysMgmtCidrs: empty list; allowed: at least one CIDR/);
  });

  test('bad failsafe port and net', () => {
    expect(() => build({ failsafe: FelixFailsafe.custom({ inbound: [FailsafePort.tcp(70000)] }) }))
      .toThrow(/^test\/d: failsafe.inbound\[0\]: invalid port 70000; allowed: an integer 0-65535/);
    expect(() => build({ failsafe: FelixFailsafe.custom({ inbound: [FailsafePort.udp(68, 'nowhere')] }) }))
      .toThrow(/^test\/d: failsafe.inbound\[0\].net: invalid CIDR "nowhere"; allowed: a CIDR/);
  });

  test('the same node twice', () => {
    const { chart } = newChart();
    const [w1] = workers(chart);
    expect(() => new WorkerNodeDefaults(chart, 'd', { nodes: [w1, w1] }))
      .toThrow(/^test\/d: nodes\[1\]: duplicate node name "worker-1"; allowed: each node once/);
  });

  test('unknown generation (from JavaScript)', () => {
    expect(() => build({ generation: 'V3' as WorkerNodeDefaultsGeneration }))
      .toThrow(/^test\/d: generation: unknown generation "V3"; allowed: CLASSIC_2018, CURRENT/);
  });
});
