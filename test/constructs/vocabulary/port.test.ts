import { Port, PortProtocol } from '../../../lib/constructs/vocabulary';

describe('Port', () => {
  test('tcp / udp / sctp single ports', () => {
    expect(Port.tcp(22).toKubernetes()).toEqual({ protocol: 'TCP', port: '22' });
    expect(Port.tcp(22).toCalico()).toEqual({ protocol: 'TCP', ports: ['22'] });
    expect(Port.udp(53).toCalico()).toEqual({ protocol: 'UDP', ports: ['53'] });
    expect(Port.sctp(9000).toKubernetes()).toEqual({ protocol: 'SCTP', port: '9000' });
  });

  test('ranges use endPort in Kubernetes and "min:max" in Calico', () => {
    const p = Port.tcpRange(30000, 32767);
    expect(p.toKubernetes()).toEqual({ protocol: 'TCP', port: '30000', endPort: 32767 });
    expect(p.toCalico()).toEqual({ protocol: 'TCP', ports: ['30000:32767'] });
    expect(Port.udpRange(2040, 2041).toCalico()).toEqual({ protocol: 'UDP', ports: ['2040:2041'] });
    expect(Port.sctpRange(5, 5).toKubernetes()).toEqual({ protocol: 'SCTP', port: '5' });
  });

  test('allTcp / allUdp are a protocol without ports; allTraffic is nothing', () => {
    expect(Port.allTcp().toKubernetes()).toEqual({ protocol: 'TCP' });
    expect(Port.allUdp().toCalico()).toEqual({ protocol: 'UDP' });
    expect(Port.allTraffic().toCalico()).toEqual({});
    expect(Port.allTraffic().isAllTraffic).toBe(true);
    expect(Port.allTraffic().kubernetesExpressible).toBe(true);
  });

  test('named ports, TCP by default, protocol option', () => {
    expect(Port.named('http').toKubernetes()).toEqual({ protocol: 'TCP', port: 'http' });
    expect(Port.named('dns', { protocol: PortProtocol.UDP }).toCalico()).toEqual({ protocol: 'UDP', ports: ['dns'] });
  });

  test('ICMP, ICMPv6 and raw protocols need Calico', () => {
    expect(Port.icmp().toCalico()).toEqual({ protocol: 'ICMP' });
    expect(Port.icmp(8).toCalico()).toEqual({ protocol: 'ICMP', icmp: { type: 8 } });
    expect(Port.icmp(3, 4).toCalico()).toEqual({ protocol: 'ICMP', icmp: { type: 3, code: 4 } });
    expect(Port.icmpv6(128).toCalico()).toEqual({ protocol: 'ICMPv6', icmp: { type: 128 } });
    expect(Port.protocol(112).toCalico()).toEqual({ protocol: '112' });
    for (const p of [Port.icmp(), Port.icmpv6(), Port.protocol(112)]) {
      expect(p.kubernetesExpressible).toBe(false);
      expect(() => p.toKubernetes()).toThrow('cannot be expressed as a Kubernetes NetworkPolicyPort');
    }
    expect(Port.icmp().ipVersion).toBe(4);
    expect(Port.icmpv6().ipVersion).toBe(6);
  });

  test('Port.protocol of a well-known number renders by name (6 is TCP, Kubernetes-expressible)', () => {
    expect(Port.protocol(6).toKubernetes()).toEqual({ protocol: 'TCP' });
    expect(Port.protocol(58).toCalico()).toEqual({ protocol: 'ICMPv6' });
  });

  test('toString names the factory call', () => {
    expect(Port.tcpRange(1, 2).toString()).toBe('Port.tcpRange(1, 2)');
    expect(Port.icmp(3, 4).toString()).toBe('Port.icmp(3, 4)');
  });

  test.each([
    ['port 0', () => Port.tcp(0), 'Port.tcp(0): port 0 is out of range; allowed: an integer 1-65535'],
    ['port 65536', () => Port.udp(65536), 'Port.udp(65536): port 65536 is out of range; allowed: an integer 1-65535'],
    ['fractional port', () => Port.sctp(1.5), 'Port.sctp(1.5): port 1.5 is out of range'],
    ['reversed range', () => Port.tcpRange(32767, 30000), 'Port.tcpRange(32767, 30000): fromPort 32767 is above toPort 30000; allowed: fromPort <= toPort'],
    ['range end out of range', () => Port.udpRange(1, 70000), 'Port.udpRange(1, 70000): toPort 70000 is out of range'],
    ['code without type', () => Port.icmp(undefined, 3), 'Port.icmp(undefined, 3): an ICMP code (3) needs an ICMP type'],
    ['ICMP type 255', () => Port.icmp(255), 'Port.icmp(255): ICMP type 255 is out of range; allowed: an integer 0-254'],
    ['ICMP code 256', () => Port.icmpv6(1, 256), 'Port.icmpv6(1, 256): ICMP code 256 is out of range; allowed: an integer 0-255'],
    ['protocol 0', () => Port.protocol(0), 'Port.protocol(0): IP protocol 0 is out of range; allowed: an integer 1-255'],
    ['protocol 256', () => Port.protocol(256), 'Port.protocol(256): IP protocol 256 is out of range'],
    ['upper-case name', () => Port.named('HTTP'), 'Port.named("HTTP"): port name "HTTP" is invalid; allowed: an IANA service name'],
    ['long name', () => Port.named('a-very-long-port-name'), 'port name "a-very-long-port-name" is invalid'],
    ['digits-only name', () => Port.named('8080'), 'port name "8080" is invalid'],
  ])('rejects %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
