// `this-host` as the plan fills it from the inventory (lib/iptables/this-host.ts), the members worked
// out by hand: loopback's local routes (`ip route show table local` on any Linux host: 127.0.0.0/8
// and 127.0.0.1 on lo; ::1), the Node's addresses, its tunnel address annotations (libcalico-go
// k8s/resources/node.go) and its own HostEndpoints' expectedIPs; nothing of other nodes.
import * as yaml from 'js-yaml';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { thisHostMembers } from '../../lib/iptables/this-host';

const node = (name: string, addresses: object[], annotations: object = {}): object => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {}, annotations }, status: { addresses },
});
const hep = (name: string, nodeName: string, ips: string[]): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name }, spec: { node: nodeName, interfaceName: 'eth0', expectedIPs: ips },
});
const read = (docs: object[]) => parseEngineInputs([{ file: 'cluster.yaml', text: docs.map((d) => yaml.dump(d)).join('---\n') }]);

describe('this-host members from the inventory', () => {
  const model = buildEngineModel(read([
    node('worker-1', [{ type: 'InternalIP', address: '198.51.100.10' }, { type: 'ExternalIP', address: '203.0.113.10' }, { type: 'Hostname', address: 'worker-1' }], {
      'projectcalico.org/IPv4IPIPTunnelAddr': '192.0.2.129', 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.130',
      'projectcalico.org/IPv6VXLANTunnelAddr': '2001:db8:0:0::1',
    }),
    node('worker-2', [{ type: 'InternalIP', address: '198.51.100.20' }]),
    hep('w1-eth0', 'worker-1', ['198.51.100.10', '2001:db8::10']),
    hep('w2-eth0', 'worker-2', ['198.51.100.20']),
  ]));

  const members = (node: string, version: 4 | 6): string[] =>
    thisHostMembers(model.nodes.find((n) => n.name === node), model.endpoints.filter((e) => e.node === node), version);

  it('IPv4: loopback, the Node\'s addresses, its tunnel addresses, its host endpoints\' expectedIPs', () => {
    expect(members('worker-1', 4)).toEqual(['127.0.0.0', '127.0.0.1', '192.0.2.129', '192.0.2.130', '198.51.100.10', '203.0.113.10']);
  });

  it('IPv6: ::1 and the node\'s IPv6 addresses, compressed', () => {
    expect(members('worker-1', 6)).toEqual(['2001:db8::1', '2001:db8::10', '::1']);
  });

  it('another node: only its own', () => {
    expect(members('worker-2', 4)).toEqual(['127.0.0.0', '127.0.0.1', '198.51.100.20']);
  });

  it('a tunnel annotation that is no address of its version is an input error naming file#document and field', () => {
    expect(() => read([node('w', [], { 'projectcalico.org/IPv4VXLANTunnelAddr': '2001:db8::1' })])).toThrow(
      'cluster.yaml#0: metadata.annotations["projectcalico.org/IPv4VXLANTunnelAddr"]: expected an IPv4 address, got "2001:db8::1"');
  });
});
