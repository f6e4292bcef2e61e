import { FelixConfiguration, HostEndpoint, Tier } from '../../../lib/model/resources';
import { messages } from './helpers';

function hep(spec: HostEndpoint['spec']): HostEndpoint {
  return { apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'h' }, spec };
}
function felix(spec: FelixConfiguration['spec']): FelixConfiguration {
  return { apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec };
}

describe('HostEndpoint', () => {
  test('needs a node and an interface name or expected IPs', () => {
    expect(messages(hep({}))).toEqual([
      'r: spec.node: no node has been specified (got nothing; allowed: the Calico node name)',
      'r: spec.interfaceName: no interface or expected IPs have been specified (got nothing; allowed: an interfaceName, expectedIPs, or both)',
    ]);
    expect(messages(hep({ node: 'n1', interfaceName: '*' }))).toEqual([]);
    expect(messages(hep({ node: 'n1', expectedIPs: ['192.0.2.1'] }))).toEqual([]);
  });

  test('interface names and named ports', () => {
    expect(messages(hep({ node: 'n1', interfaceName: 'a-very-long-interface', ports: [{ name: 'web', port: 0, protocol: 'ICMP' }] }))).toEqual([
      "r: spec.interfaceName: invalid interface name (got \"a-very-long-interface\"; allowed: '*' or 1-15 letters, digits, '_', '.' or '-')",
      'r: spec.ports[0].port: port number must be between 1 and 65535 (got 0; allowed: a port number 1-65535)',
      'r: spec.ports[0].protocol: protocol does not support ports (got "ICMP"; allowed: TCP, UDP or SCTP)',
    ]);
  });
});

describe('Tier', () => {
  test('defaultAction Deny or Pass', () => {
    const tier: Tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 't' }, spec: { defaultAction: 'Allow' } };
    expect(messages(tier)).toEqual(['r: spec.defaultAction: invalid Tier defaultAction (got "Allow"; allowed: Deny or Pass)']);
    expect(messages({ ...tier, spec: { defaultAction: 'Pass', order: 100 } })).toEqual([]);
  });
});

describe('FelixConfiguration', () => {
  // port 0 is accepted, as Calico's validator_test says ("should accept ProtoPort.Protocol: UDP")
  test('failsafe entries: protocol tcp/udp/sctp (any case), port 0-65535, net a CIDR', () => {
    expect(messages(felix({
      failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }, { protocol: 'SCTP', port: 9 }, { protocol: 'icmp', port: 0 }],
      failsafeOutboundHostPorts: [{ protocol: 'udp', port: 65536, net: '192.0.2.1/24' }],
    }))).toEqual([
      'r: spec.failsafeInboundHostPorts[2].protocol: invalid failsafe protocol (got "icmp"; allowed: tcp, udp or sctp)',
      'r: spec.failsafeOutboundHostPorts[0].port: port number must be between 0 and 65535 (got 65536; allowed: a port number 0-65535)',
      'r: spec.failsafeOutboundHostPorts[0].net: CIDR has host bits set (got "192.0.2.1/24"; allowed: the network address, 192.0.2.0/24)',
    ]);
  });

  test('enforcement enums', () => {
    expect(messages(felix({ defaultEndpointToHostAction: 'DROP', iptablesFilterDenyAction: 'Deny' }))).toEqual([
      'r: spec.defaultEndpointToHostAction: invalid defaultEndpointToHostAction (got "DROP"; allowed: Drop, Accept or Return)',
      'r: spec.iptablesFilterDenyAction: invalid iptablesFilterDenyAction (got "Deny"; allowed: Drop or Reject)',
    ]);
  });
});
