import { messages, withRule } from './helpers';

describe('Calico rule checks', () => {
  test('a valid rule has no issues', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['80', '2040:2041', 'http'] } }))).toEqual([]);
    expect(messages(withRule({ action: 'Deny', protocol: '112', source: {} }))).toEqual([]);
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', icmp: { type: 8, code: 0 } }))).toEqual([]);
  });

  test('unknown action', () => {
    expect(messages(withRule({ action: 'allow' }))).toEqual([
      'r: spec.ingress[0].action: unknown action (got "allow"; allowed: Allow, Deny, Log, Pass)',
    ]);
  });

  test('protocol values: names are case-sensitive, numbers 1-255', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'tcp' }))).toEqual([
      'r: spec.ingress[0].protocol: invalid protocol (got "tcp"; allowed: TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255 (names are case-sensitive))',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: '0' }))).toHaveLength(1);
    expect(messages(withRule({ action: 'Allow', notProtocol: '256' }))).toEqual([
      'r: spec.ingress[0].notProtocol: invalid protocol (got "256"; allowed: TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite or a number 1-255 (names are case-sensitive))',
    ]);
  });

  test('ports need protocol TCP, UDP or SCTP', () => {
    expect(messages(withRule({ action: 'Allow', destination: { ports: ['80'] } }))).toEqual([
      'r: spec.ingress[0].destination.ports: rules that specify ports must set protocol to TCP or UDP or SCTP (got ["80"]; allowed: protocol TCP, UDP or SCTP (or no ports))',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', source: { notPorts: ['1:1024'] } }))).toEqual([
      'r: spec.ingress[0].source.notPorts: rules that specify ports must set protocol to TCP or UDP or SCTP (got ["1:1024"]; allowed: protocol TCP, UDP or SCTP (or no ports))',
    ]);
    // by number: 17 is UDP, 132 is SCTP
    expect(messages(withRule({ action: 'Allow', protocol: '17', destination: { ports: ['53'] } }))).toEqual([]);
    expect(messages(withRule({ action: 'Allow', protocol: 'SCTP', destination: { ports: ['9'] } }))).toEqual([]);
  });

  test('port and range bounds', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['0'] } }))).toEqual([
      'r: spec.ingress[0].destination.ports[0]: port number must be between 1 and 65535 (got "0"; allowed: a port 1-65535, a range "min:max" with min <= max, or a port name)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['65536'] } }))).toEqual([
      'r: spec.ingress[0].destination.ports[0]: port out of range (got "65536"; allowed: a port 1-65535, a range "min:max" with min <= max, or a port name)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['2041:2040'] } }))).toEqual([
      'r: spec.ingress[0].destination.ports[0]: port range minimum is above its maximum (got "2041:2040"; allowed: a port 1-65535, a range "min:max" with min <= max, or a port name)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['Web_Port'] } }))).toEqual([
      "r: spec.ingress[0].destination.ports[0]: invalid port name (got \"Web_Port\"; allowed: at most 15 lower case letters, digits and '-', with at least one letter, no '--', not starting or ending with '-')",
    ]);
  });

  test('ICMP code without type, and ranges', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', icmp: { code: 0 } }))).toEqual([
      'r: spec.ingress[0].icmp.code: ICMP code specified without an ICMP type (got 0; allowed: a code together with a type)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', notICMP: { type: 255 } }))).toEqual([
      'r: spec.ingress[0].notICMP.type: ICMP type out of range (got 255; allowed: an ICMP type 0-254)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMPv6', icmp: { type: 128, code: 256 } }))).toEqual([
      'r: spec.ingress[0].icmp.code: ICMP code out of range (got 256; allowed: an ICMP code 0-255)',
    ]);
  });

  // Typed props from constructs can carry fractions, which no ICMP header (one byte each) can hold.
  test('ICMP type and code must be integers', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', icmp: { type: 8.5, code: 0.5 } }))).toEqual([
      'r: spec.ingress[0].icmp.type: ICMP type out of range (got 8.5; allowed: an ICMP type 0-254)',
      'r: spec.ingress[0].icmp.code: ICMP code out of range (got 0.5; allowed: an ICMP code 0-255)',
    ]);
  });

  test('icmp with a non-ICMP protocol', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'TCP', icmp: { type: 8 } }))).toEqual([
      'r: spec.ingress[0].icmp: rules that specify ICMP fields must set protocol to ICMP or ICMPv6 (got {"type":8}; allowed: protocol ICMP or ICMPv6 on the same rule)',
    ]);
    expect(messages(withRule({ action: 'Allow', notICMP: { type: 8 } }))).toHaveLength(1);
  });

  test('ICMP needs ipVersion 4, ICMPv6 needs 6', () => {
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', ipVersion: 6 }))).toEqual([
      'r: spec.ingress[0].ipVersion: protocol ICMP needs ipVersion 4 (got 6; allowed: 4, or no ipVersion)',
    ]);
    expect(messages(withRule({ action: 'Allow', notProtocol: 'ICMPv6', ipVersion: 4 }))).toEqual([
      'r: spec.ingress[0].ipVersion: notProtocol ICMPv6 needs ipVersion 6 (got 4; allowed: 6, or no ipVersion)',
    ]);
    expect(messages(withRule({ action: 'Allow', protocol: 'ICMP', ipVersion: 4 }))).toEqual([]);
  });

  test('ipVersion must be 4 or 6', () => {
    expect(messages(withRule({ action: 'Allow', ipVersion: 5 }))).toEqual([
      'r: spec.ingress[0].ipVersion: invalid ipVersion (got 5; allowed: 4 or 6)',
    ]);
  });

  test('mixed IPv4 and IPv6 in one rule, across source and destination', () => {
    expect(messages(withRule({ action: 'Allow', source: { nets: ['192.0.2.0/24'] }, destination: { notNets: ['2001:db8::/32'] } }))).toEqual([
      'r: spec.ingress[0]: rule contains both IPv4 and IPv6 CIDRs (got ["192.0.2.0/24","2001:db8::/32"]; allowed: CIDRs of one IP version per rule (split the rule in two))',
    ]);
  });

  test('ipVersion that does not match the CIDRs', () => {
    expect(messages(withRule({ action: 'Allow', ipVersion: 6, source: { nets: ['192.0.2.0/24'] } }))).toEqual([
      "r: spec.ingress[0].ipVersion: rule IP version doesn't match CIDR version (got 6; allowed: 4, or no ipVersion)",
    ]);
  });

  test('services cannot be combined with ports or placed on the wrong side', () => {
    const r = withRule({ action: 'Allow', protocol: 'TCP', destination: { services: { name: 'api', namespace: 'n' }, ports: ['80'] } });
    expect(messages(r)).toEqual([
      'r: spec.ingress[0].destination.ports: cannot specify ports with a service match (got ["80"]; allowed: no ports (the Service ports are used))',
      'r: spec.ingress[0].destination.services: services are not allowed in an ingress rule destination (got {"name":"api","namespace":"n"}; allowed: services in the source)',
    ]);
  });
});
