import { GlobalNetworkSet, HostEndpoint } from '../../../lib/model/resources';
import { knp, messages, withRule } from './helpers';

const CIDR_OR_IP = 'a CIDR like 192.0.2.0/24 or 2001:db8::/32 (prefix 0-32 for IPv4, 0-128 for IPv6), or a plain IP address';

describe('CIDR checks', () => {
  test('nets: syntax and host bits; plain IPs are accepted as Calico does', () => {
    expect(messages(withRule({ action: 'Allow', source: { nets: ['192.0.2.1', '192.0.2.0/24'] } }))).toEqual([]);
    expect(messages(withRule({ action: 'Allow', source: { nets: ['192.0.2.0/33'] } }))).toEqual([
      `r: spec.ingress[0].source.nets[0]: CIDR prefix out of range (got "192.0.2.0/33"; allowed: ${CIDR_OR_IP})`,
    ]);
    expect(messages(withRule({ action: 'Allow', destination: { nets: ['198.51.100.7/24'] } }))).toEqual([
      'r: spec.ingress[0].destination.nets[0]: CIDR has host bits set (got "198.51.100.7/24"; allowed: the network address, 198.51.100.0/24)',
    ]);
  });

  test('notNets host bits and a catch-all in notNets', () => {
    expect(messages(withRule({ action: 'Allow', source: { notNets: ['10.0.0.0/8', '0.0.0.0/0'] } }))).toEqual([
      'r: spec.ingress[0].source.notNets[1]: a catch-all CIDR in notNets matches no traffic (got "0.0.0.0/0"; allowed: a CIDR narrower than /0 (leave the rule out instead))',
    ]);
    expect(messages(withRule({ action: 'Allow', source: { notNets: ['::/0'] } }))).toHaveLength(1);
    expect(messages(withRule({ action: 'Allow', source: { notNets: ['2001:db8::1/32'] } }))).toEqual([
      'r: spec.ingress[0].source.notNets[0]: CIDR has host bits set (got "2001:db8::1/32"; allowed: the network address, 2001:db8::/32)',
    ]);
  });

  test('network set nets', () => {
    const set: GlobalNetworkSet = {
      apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 's' },
      spec: { nets: ['192.0.2.0/24', 'not-a-net', '203.0.113.9/24'] },
    };
    expect(messages(set)).toEqual([
      `r: spec.nets[1]: invalid CIDR (got "not-a-net"; allowed: ${CIDR_OR_IP})`,
      'r: spec.nets[2]: CIDR has host bits set (got "203.0.113.9/24"; allowed: the network address, 203.0.113.0/24)',
    ]);
  });

  test('HostEndpoint expectedIPs must be IPs', () => {
    const hep: HostEndpoint = {
      apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'h' },
      spec: { node: 'n1', expectedIPs: ['192.0.2.10', '192.0.2.0/24'] },
    };
    expect(messages(hep)).toEqual([
      'r: spec.expectedIPs[1]: not an IP address (got "192.0.2.0/24"; allowed: an IPv4 address like 192.0.2.1 or an IPv6 address like 2001:db8::1)',
    ]);
  });

  test('ipBlock: cidr must have a prefix, host bits, except inside cidr', () => {
    const np = knp({
      podSelector: {},
      ingress: [{ from: [{ ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.128/25', '198.51.100.0/24', '192.0.2.0/24', '192.0.2.1/25'] } }] }],
    });
    expect(messages(np)).toEqual([
      'r: spec.ingress[0].from[0].ipBlock.except[1]: except is not inside cidr 192.0.2.0/24 (got "198.51.100.0/24"; allowed: a CIDR strictly inside 192.0.2.0/24)',
      'r: spec.ingress[0].from[0].ipBlock.except[2]: except is not inside cidr 192.0.2.0/24 (got "192.0.2.0/24"; allowed: a CIDR strictly inside 192.0.2.0/24)',
      'r: spec.ingress[0].from[0].ipBlock.except[3]: CIDR has host bits set (got "192.0.2.1/25"; allowed: the network address, 192.0.2.0/25)',
    ]);
    expect(messages(knp({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '192.0.2.1' } }] }] }))).toEqual([
      'r: spec.egress[0].to[0].ipBlock.cidr: invalid CIDR (got "192.0.2.1"; allowed: a CIDR like 192.0.2.0/24 or 2001:db8::/32 (prefix 0-32 for IPv4, 0-128 for IPv6))',
    ]);
    expect(messages(knp({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['192.0.2.0/24'] } }] }] }))).toHaveLength(1);
  });
});
