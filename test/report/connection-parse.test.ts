// Reading back connectivity's connection sets (lib/connectivity/connection-set.ts writes them) for the
// report's selector; expectations worked out by hand from the texts.
import { connectionDisplayText, parseConnectionText } from '../../lib/report/connection-parse';
import { protocolDisplayName } from '../../lib/model/net';

describe('parseConnectionText', () => {
  test('All and No Connections', () => {
    expect(parseConnectionText('All Connections')).toEqual({ all: true, varies: false, protocols: {}, partial: [], others: [] });
    expect(parseConnectionText('No Connections')).toEqual({ all: false, varies: false, protocols: {}, partial: [], others: [] });
  });

  test('port lists continue after commas until the next protocol name', () => {
    expect(parseConnectionText('TCP 1-79,81,443,UDP 53,SCTP')).toEqual({
      all: false, varies: false, protocols: { 6: [[1, 79], [81, 81], [443, 443]], 17: [[53, 53]], 132: [] }, partial: [], others: [],
    });
  });

  test('ICMP types are partial; named and other protocols are whole', () => {
    expect(parseConnectionText('ICMP 0,8,3/4,protocol 112,protocols 2-3,5')).toEqual({
      all: false, varies: false, protocols: { 112: [] }, partial: [1], others: [[2, 3], [5, 5]],
    });
    expect(parseConnectionText('TCP,ICMPv6').protocols).toEqual({ 6: [], 58: [] });
  });

  test('per IP version: the union, marked as varying', () => {
    const s = parseConnectionText('TCP 80 (IPv4); UDP 53 (IPv6)');
    expect(s.varies).toBe(true);
    expect(s.all).toBe(false);
    expect(s.protocols).toEqual({ 6: [[80, 80]], 17: [[53, 53]] });
  });

  test('an unreadable text is an internal error, never an empty set', () => {
    expect(() => parseConnectionText('FOO 80')).toThrow(/unknown protocol "FOO"/);
    expect(() => parseConnectionText('80')).toThrow(/unreadable part "80"/);
  });
});

describe('protocol names for people', () => {
  test('IANA keywords for protocols Calico names only by number (112 is VRRP)', () => {
    expect(protocolDisplayName(112)).toBe('VRRP');
    expect(protocolDisplayName(4)).toBe('IPIP');
    expect(protocolDisplayName(6)).toBe('TCP');
    expect(protocolDisplayName(200)).toBe('protocol 200');
  });

  test('connectionDisplayText names numbered protocols and keeps the rest', () => {
    expect(connectionDisplayText('TCP 22,UDP 68,ICMP,protocol 112')).toBe('TCP 22,UDP 68,ICMP,VRRP (112)');
    expect(connectionDisplayText('protocol 200,protocols 2-3')).toBe('protocol 200,protocols 2-3');
  });
});
