import { Chart } from 'cdk8s';
import { WorkerNode } from '../../../lib/constructs/ibm';
import { INVENTORY_ANNOTATION } from '../../../lib/model/resources';
import { newChart } from './helpers';

test('emits an inventory v1 Node with hostname label, interfaces and addresses, never namespaced', () => {
  const { app } = newChart();
  const chart = new Chart(app, 'ns-chart', { namespace: 'team-a' });
  new WorkerNode(chart, 'w', { name: 'kube-dal10-w1', labels: { zone: 'dal10' }, publicIp: '203.0.113.5', privateIp: '192.0.2.5' });
  expect(chart.toJson()).toEqual([{
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kube-dal10-w1',
      labels: { zone: 'dal10', 'kubernetes.io/hostname': 'kube-dal10-w1' },
      annotations: {
        'netsec.io/inventory': 'true',
        'netsec.io/public-interface': 'eth1',
        'netsec.io/private-interface': 'eth0',
      },
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: '192.0.2.5' },
        { type: 'ExternalIP', address: '203.0.113.5' },
        { type: 'Hostname', address: 'kube-dal10-w1' },
      ],
    },
  }]);
  expect(INVENTORY_ANNOTATION).toBe('netsec.io/inventory');
});

test('interface names can be overridden', () => {
  const { chart } = newChart();
  const w = new WorkerNode(chart, 'w', { name: 'n1', publicIp: '2001:db8::5', privateIp: '192.0.2.5', publicInterface: 'bond1', privateInterface: 'bond0' });
  expect([w.publicInterface, w.privateInterface, w.publicIp]).toEqual(['bond1', 'bond0', '2001:db8::5']);
});

describe('bad input names the construct path, field, value and what is allowed', () => {
  function build(props: Partial<ConstructorParameters<typeof WorkerNode>[2]>): void {
    const { chart } = newChart();
    new WorkerNode(chart, 'w', { name: 'n1', publicIp: '203.0.113.5', privateIp: '192.0.2.5', ...props });
  }

  test('bad public IP', () => {
    expect(() => build({ publicIp: '203.0.113.256' }))
      .toThrow(/^test\/w: publicIp: invalid IP address "203.0.113.256"; allowed: an IPv4 address/);
  });

  test('a CIDR is not an IP', () => {
    expect(() => build({ privateIp: '192.0.2.0/24' }))
      .toThrow(/^test\/w: privateIp: invalid IP address "192.0.2.0\/24"; allowed: /);
  });

  test('bad node name', () => {
    expect(() => build({ name: 'Worker_1' })).toThrow(/^test\/w: name: invalid node name "Worker_1"; allowed: a DNS-1123 subdomain/);
    expect(() => build({ name: '-w1' })).toThrow(/^test\/w: name: invalid node name "-w1"/);
    expect(() => build({ name: 'w1.' })).toThrow(/^test\/w: name: invalid node name "w1."/);
  });

  test('node names are DNS-1123 subdomains of at most 253 characters', () => {
    expect(() => build({ name: '10.0.0.5' })).not.toThrow();
    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'b'.repeat(61)].join('.'); // 63 * 3 + 61 + 3 dots = 253
    expect(longest).toHaveLength(253);
    expect(() => build({ name: longest })).not.toThrow();
    expect(() => build({ name: `${longest}b` })).toThrow(/^test\/w: name: invalid node name "a{63}\./);
  });

  test('bad and clashing interface names', () => {
    expect(() => build({ publicInterface: 'eth 1' })).toThrow(/^test\/w: publicInterface: invalid interface name "eth 1"; allowed: a Linux interface name/);
    expect(() => build({ privateInterface: 'a-very-long-interface' })).toThrow(/^test\/w: privateInterface: invalid interface name/);
    expect(() => build({ publicInterface: 'eth0' })).toThrow(/^test\/w: privateInterface: "eth0" is also the publicInterface; allowed: two different/);
  });
});
