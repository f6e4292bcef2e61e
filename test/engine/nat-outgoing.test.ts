// natOutgoing seen from the far side: a pod of a natOutgoing pool (192.0.2.0/24) on node-1 reaching
// node-2's host endpoint (an address outside every pool) is masqueraded by node-1's
// cali-nat-outgoing (felix/rules/nat.go makeNATOutgoingRuleIPTables: source in masq-ipam-pools,
// destination not in network-ip-pools, MASQUERADE), so node-2's host endpoint policy sees node-1's
// address. Expectations by hand from those rules.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { felixWorld } from '../felix/world';

const NODE1 = '198.51.100.10';
const NODE2 = '198.51.100.20';
const pool = (natOutgoing: boolean, cidr = '192.0.2.0/24'): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'pods' }, spec: { cidr, natOutgoing },
});
const HEP2 = {
  apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'node-2-eth0', labels: { role: 'node2' } },
  spec: { node: 'node-2', interfaceName: 'eth0', expectedIPs: [NODE2] },
};
const allowFrom = (net: string): object => ({
  apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'node2-in' },
  spec: { selector: "role == 'node2'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets: [net] }, destination: { ports: [80] } }] },
});

function verdict(manifests: object[]): ReturnType<typeof evaluateFlow> {
  const model = felixWorld([{ name: 'a', ip: '192.0.2.11' }], manifests, undefined, NODE1, [{ name: 'node-2', ip: NODE2 }]);
  return evaluateFlow(model, buildFlow(model, { from: 'app/a', to: NODE2, protocol: 'TCP', port: 80 }));
}

describe('natOutgoing: the far node\'s host endpoint sees the source node\'s address', () => {
  it('a policy allowing only node-1\'s address admits the masqueraded pod, and says why', () => {
    const v = verdict([pool(true), HEP2, allowFrom(`${NODE1}/32`)]);
    expect(v.allowed).toBe(true);
    expect(v.ingress.reason).toContain(`natOutgoing: app/a (192.0.2.11) is masqueraded to its node's address ${NODE1}`);
  });

  it('a policy allowing only the pod network denies it (the pod address never arrives)', () => {
    expect(verdict([pool(true), HEP2, allowFrom('192.0.2.0/24')]).allowed).toBe(false);
  });

  it('without natOutgoing the pod\'s own address arrives: the opposite verdicts, and no note', () => {
    const podNet = verdict([pool(false), HEP2, allowFrom('192.0.2.0/24')]);
    expect(podNet.allowed).toBe(true);
    expect(podNet.ingress.reason).not.toContain('natOutgoing');
    expect(verdict([pool(false), HEP2, allowFrom(`${NODE1}/32`)]).allowed).toBe(false);
  });

  it('no masquerade when the destination is inside a pool (here: a second pool holding node-2\'s address)', () => {
    const inPool = { apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'other' }, spec: { cidr: '198.51.100.0/24' } };
    expect(verdict([pool(true), inPool, HEP2, allowFrom('192.0.2.0/24')]).allowed).toBe(true);
  });

  it('no masquerade for a pod outside every natOutgoing pool', () => {
    expect(verdict([pool(true, '203.0.113.0/24'), HEP2, allowFrom('192.0.2.0/24')]).allowed).toBe(true);
  });
});
