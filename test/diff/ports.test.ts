import { parsePortList } from '../../lib/diff/ports';

describe('parsePortList', () => {
  test('parses, canonicalises, de-duplicates and sorts', () => {
    expect(parsePortList('udp/53,TCP/80, TCP/80,icmp,TCP/443')).toEqual([
      { protocol: 'ICMP' }, { protocol: 'TCP', port: 80 }, { protocol: 'TCP', port: 443 }, { protocol: 'UDP', port: 53 },
    ]);
  });

  test.each(['TCP', 'TCP/0', 'HTTP/80', 'TCP/80/1', '', 'ICMP/0'])('rejects %j', (text) => {
    expect(() => parsePortList(text)).toThrow(/--ports: .*expected a comma-separated list/);
  });
});
