// A CrossSubnet pool's tunnel source, as Felix's route resolver decides it (calico v3.32.1
// felix/calc/l3_route_resolver.go: OnResourceUpdate takes a node's address and subnet from its BGP
// spec, i.e. the `projectcalico.org/IPv4Address` / `IPv6Address` annotations (libcalico-go
// k8s/resources/node.go K8sNodeToCalico), else its InternalIP or ExternalIP with no subnet (a /32);
// nodeInOurSubnet: the route to another node's block is not encapsulated only when that node's address
// is inside the sending node's subnet, and is encapsulated when either is unknown). So another node's
// host traffic to a pod of a CrossSubnet pool arrives from its tunnel address exactly when the two
// nodes are not in one subnet; an annotation Calico rejects (getAnnotation with ValidateCIDRv4) is
// ignored as Calico ignores it.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { felixWorld } from '../felix/world';

const IPIP_ADDR = 'projectcalico.org/IPv4IPIPTunnelAddr';
const BGP_V4 = 'projectcalico.org/IPv4Address';
const TUNNEL = '192.0.2.1';
const PEER = '198.51.100.20';
const pool = (key: 'ipipMode' | 'vxlanMode', mode: string): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '192.0.2.0/24', [key]: mode } });
/** Only the tunnel address may reach pod a: the verdict tells which source the pod's policy saw. */
const ONLY_TUNNEL = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'only', namespace: 'app' },
  spec: { selector: "app == 'a'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { nets: [`${TUNNEL}/32`, `192.0.2.2/32`] } }] } };

const world = (poolDoc: object, local: Record<string, string>, peer: Record<string, string>): ReturnType<typeof felixWorld> =>
  felixWorld([{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }], [poolDoc, ONLY_TUNNEL], undefined, '198.51.100.10',
    [{ name: 'node-2', ip: PEER, annotations: { [IPIP_ADDR]: TUNNEL, 'projectcalico.org/IPv4VXLANTunnelAddr': '192.0.2.2', ...peer } }], undefined, local);

const fromPeer = (m: ReturnType<typeof felixWorld>): ReturnType<typeof evaluateFlow> =>
  evaluateFlow(m, buildFlow(m, { from: PEER, to: 'app/a', protocol: 'TCP', port: 80 }));

describe.each(['ipipMode', 'vxlanMode'] as const)('CrossSubnet (%s): the tunnel source only across subnets', (key) => {
  it('both nodes in one subnet (BGP address annotations with /24): no tunnel, the pod sees the node address and denies it', () => {
    const r = fromPeer(world(pool(key, 'CrossSubnet'), { [BGP_V4]: '198.51.100.10/24' }, { [BGP_V4]: `${PEER}/24` }));
    expect(r.allowed).toBe(false);
    expect(JSON.stringify(r)).not.toContain('tunnel address');
  });

  it('the sending node in another subnet: through the tunnel, the pod sees the tunnel address and allows it', () => {
    const r = fromPeer(world(pool(key, 'CrossSubnet'), { [BGP_V4]: '198.51.100.10/28' }, { [BGP_V4]: `${PEER}/28` }));
    expect(r.allowed).toBe(true);
    expect(JSON.stringify(r)).toContain('CrossSubnet: the nodes are not in one subnet');
  });

  it('only the destination node knows the subnet: the sender (node-2, a /32 from its InternalIP) does not hold it, so the tunnel is used', () => {
    expect(fromPeer(world(pool(key, 'CrossSubnet'), { [BGP_V4]: '198.51.100.10/24' }, {})).allowed).toBe(true);
  });

  it('no BGP address annotations at all: a /32 from each InternalIP, never one subnet, so the tunnel is used', () => {
    expect(fromPeer(world(pool(key, 'CrossSubnet'), {}, {})).allowed).toBe(true);
  });

  it('the sender\'s subnet holds the destination node (the relation is the sender\'s, not symmetric)', () => {
    // node-2 (the sender) says 198.51.100.0/24, node-1 a /32: node-1's address is in node-2's subnet
    expect(fromPeer(world(pool(key, 'CrossSubnet'), { [BGP_V4]: '198.51.100.10/32' }, { [BGP_V4]: `${PEER}/24` })).allowed).toBe(false);
  });

  it('an annotation Calico ignores (not an IPv4 address or CIDR) counts as absent: the InternalIP /32, the tunnel', () => {
    expect(fromPeer(world(pool(key, 'CrossSubnet'), { [BGP_V4]: 'not-an-address' }, { [BGP_V4]: 'also/bad' })).allowed).toBe(true);
  });

  it('Always ignores the subnets; Never has no tunnel', () => {
    const same = [{ [BGP_V4]: '198.51.100.10/24' }, { [BGP_V4]: `${PEER}/24` }] as const;
    expect(fromPeer(world(pool(key, 'Always'), same[0], same[1])).allowed).toBe(true);
    expect(fromPeer(world(pool(key, 'Never'), {}, {})).allowed).toBe(false);
  });
});
