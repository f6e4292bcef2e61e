import { NetError, parsePortSpec, portSpecToString, protocolHasPorts, protocolIsIcmp, protocolNumber } from '../../../lib/model/net';

describe('parsePortSpec', () => {
  test('number', () => {
    expect(parsePortSpec('443')).toEqual({ kind: 'number', min: 443, max: 443 });
    expect(parsePortSpec('0')).toEqual({ kind: 'number', min: 0, max: 0 });
    expect(parsePortSpec('65535')).toEqual({ kind: 'number', min: 65535, max: 65535 });
  });
  test('range', () => {
    expect(parsePortSpec('2040:2041')).toEqual({ kind: 'range', min: 2040, max: 2041 });
    expect(parsePortSpec('30000:32767')).toEqual({ kind: 'range', min: 30000, max: 32767 });
    expect(parsePortSpec('80:80')).toEqual({ kind: 'range', min: 80, max: 80 });
  });
  test('named', () => {
    expect(parsePortSpec('http')).toEqual({ kind: 'named', min: 0, max: 65535, name: 'http' });
  });
  test.each(['65536', '1:65536', '2041:2040', '', ':80', '80:', '80-81', '1:2:3', 'http alt', '-1', '999999'])('rejects %p', (text) => {
    expect(() => parsePortSpec(text)).toThrow(NetError);
  });
  test('range with min above max says so', () => {
    expect(() => parsePortSpec('2041:2040')).toThrow(/minimum is above its maximum/);
  });
  test.each(['80', '2040:2041', 'metrics'])('round-trips %p', (text) => {
    expect(portSpecToString(parsePortSpec(text))).toBe(text);
  });
});

describe('protocols', () => {
  test.each([
    ['TCP', 6], ['tcp', 6], ['UDP', 17], ['ICMP', 1], ['ICMPv6', 58], ['icmpv6', 58], ['SCTP', 132], ['UDPLite', 136],
    ['112', 112], ['1', 1], ['255', 255],
  ])('%p is %p', (p, n) => expect(protocolNumber(p)).toBe(n));
  test.each(['0', '256', 'GRE', '', 'tcp6', '-6'])('%p is unknown', (p) => expect(protocolNumber(p)).toBeUndefined());
  test('ports only for TCP, UDP and SCTP, by name or number', () => {
    expect(['TCP', 'udp', 'SCTP', '6', '17', '132'].every(protocolHasPorts)).toBe(true);
    expect(['ICMP', 'UDPLite', '112', '1', 'bogus'].some(protocolHasPorts)).toBe(false);
  });
  test('ICMP family', () => {
    expect(protocolIsIcmp('ICMP')).toBe(true);
    expect(protocolIsIcmp('58')).toBe(true);
    expect(protocolIsIcmp('TCP')).toBe(false);
  });
});
