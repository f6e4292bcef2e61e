import { Cidr, NetError, ipVersionOf, isIpAddress } from '../../../lib/model/net';

describe('Cidr.parse', () => {
  test('canonical IPv4 network keeps its text and has no host bits', () => {
    const c = Cidr.parse('198.51.100.0/24');
    expect(c.version).toBe(4);
    expect(c.prefixLength).toBe(24);
    expect(c.hasHostBits()).toBe(false);
    expect(c.toString()).toBe('198.51.100.0/24');
  });

  test('host bits are reported for the text as written and cleared in toString', () => {
    const c = Cidr.parse('198.51.100.7/24');
    expect(c.hasHostBits()).toBe(true);
    expect(c.toString()).toBe('198.51.100.0/24');
    // 10.1.2.3/8: the network of 10.x is 10.0.0.0
    expect(Cidr.parse('10.1.2.3/8').toString()).toBe('10.0.0.0/8');
  });

  test('IPv6 is compressed and lower-cased', () => {
    const c = Cidr.parse('2001:DB8:0:0:0:0:0:1/32');
    expect(c.version).toBe(6);
    expect(c.hasHostBits()).toBe(true);
    expect(c.toString()).toBe('2001:db8::/32');
    expect(Cidr.parse('2001:db8::1/128').toString()).toBe('2001:db8::1/128');
    expect(Cidr.parse('2001:db8:0:0:1:0:0:1/128').toString()).toBe('2001:db8::1:0:0:1/128');
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '2001:db8::/129', '10.0.0/8', '10.0.0.0/ 8', ' 10.0.0.0/8', 'fe80::1%eth0/64', '', 'a.b.c.d/8', '256.0.0.0/8'])(
    'rejects %p with a NetError', (text) => {
      expect(() => Cidr.parse(text)).toThrow(NetError);
    });

  test('NetError carries the value and what is allowed', () => {
    let err: unknown;
    try {
      Cidr.parse('10.0.0.0/33');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NetError);
    expect((err as NetError).value).toBe('10.0.0.0/33');
    expect((err as NetError).allowed).toContain('0-32 for IPv4');
    expect((err as NetError).message).toContain('"10.0.0.0/33"');
  });

  test('parseCidrOrIp treats a plain address as a host route', () => {
    expect(Cidr.parseCidrOrIp('192.0.2.1').toString()).toBe('192.0.2.1/32');
    expect(Cidr.parseCidrOrIp('2001:db8::1').toString()).toBe('2001:db8::1/128');
    expect(Cidr.parseCidrOrIp('192.0.2.0/24').prefixLength).toBe(24);
  });

  test('catch-all', () => {
    expect(Cidr.parse('0.0.0.0/0').isCatchAll()).toBe(true);
    expect(Cidr.parse('::/0').isCatchAll()).toBe(true);
    expect(Cidr.parse('0.0.0.0/1').isCatchAll()).toBe(false);
  });

  test('contains: same version only, inclusive of equal networks', () => {
    const ten = Cidr.parse('10.0.0.0/8');
    expect(ten.contains(Cidr.parse('10.200.0.0/16'))).toBe(true);
    expect(ten.contains(Cidr.parse('10.0.0.0/8'))).toBe(true);
    expect(ten.contains(Cidr.parse('11.0.0.0/16'))).toBe(false);
    expect(ten.contains(Cidr.parse('0.0.0.0/0'))).toBe(false);
    expect(Cidr.parse('0.0.0.0/0').contains(Cidr.parse('2001:db8::/32'))).toBe(false);
    expect(Cidr.parse('2001:db8::/32').contains(Cidr.parse('2001:db8:ff::/48'))).toBe(true);
  });

  test('containsAddress', () => {
    const net = Cidr.parse('203.0.113.0/25');
    expect(net.containsAddress('203.0.113.127')).toBe(true);
    expect(net.containsAddress('203.0.113.128')).toBe(false);
    expect(net.containsAddress('2001:db8::1')).toBe(false);
    expect(net.containsAddress('not-an-ip')).toBe(false);
  });
});

describe('addresses', () => {
  test.each([
    ['192.0.2.1', 4], ['::1', 6], ['2001:db8::ff', 6], ['::ffff:192.0.2.1', 6],
  ])('%p is IPv%p', (text, v) => {
    expect(ipVersionOf(text)).toBe(v);
    expect(isIpAddress(text)).toBe(true);
  });
  test.each(['192.0.2.1/32', '192.0.2', '01.2.3.4', 'fe80::1%eth0', '', 'localhost', ' 192.0.2.1'])('%p is not an address', (text) => {
    expect(ipVersionOf(text)).toBeUndefined();
    expect(isIpAddress(text)).toBe(false);
  });
});

describe('Cidr.bounds', () => {
  test('first and last address as numbers, host bits cleared', () => {
    expect(Cidr.parse('192.0.2.77/24').bounds()).toEqual({ first: 3221225984n, last: 3221226239n });
    expect(Cidr.parse('0.0.0.0/0').bounds()).toEqual({ first: 0n, last: 4294967295n });
    expect(Cidr.parse('2001:db8::1/127').bounds()).toEqual({ first: 0x20010db8000000000000000000000000n, last: 0x20010db8000000000000000000000001n });
  });
});
