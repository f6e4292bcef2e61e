// Where the tunnel-source view (a host's traffic to another node's pod through an Always IP-in-IP or
// VXLAN pool arrives from the sending node's tunnel address, lib/engine/evaluate/tunnel-source.ts)
// is not followed yet: the connectivity map judges that pair with the node address the flow names,
// so it must say so in its notes whenever a Node carries such a tunnel address; without the
// annotation (or with a CrossSubnet pool) check and the map agree and nothing is said.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { computeConnectivity } from '../../lib/connectivity/compute';
import { felixWorld } from './world';

const IPIP_ADDR = 'projectcalico.org/IPv4IPIPTunnelAddr';
const pool = (mode: string): object => ({ apiVersion: 'projectcalico.org/v3', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '192.0.2.0/24', ipipMode: mode } });
const POLICY = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'only', namespace: 'app' },
  spec: { selector: "app == 'a'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { nets: ['198.51.100.20/32'] } }] } };
const world = (mode: string, annotations?: Record<string, string>, localAnnotations?: Record<string, string>): ReturnType<typeof felixWorld> =>
  felixWorld([{ name: 'a', ip: '192.0.2.11', labels: { app: 'a' } }], [pool(mode), POLICY], undefined, '198.51.100.10',
    [{ name: 'node-2', ip: '198.51.100.20', ...(annotations ? { annotations } : {}) }], undefined, localAnnotations);
/** Both nodes in one subnet (their BGP address annotations), so a CrossSubnet pool's route between them is not encapsulated. */
const BGP = 'projectcalico.org/IPv4Address';

describe('the connectivity map says where it does not follow the tunnel source', () => {
  it('an Always pool and a Node with its tunnel address: check sees the tunnel address, the map notes its limit', () => {
    const m = world('Always', { [IPIP_ADDR]: '192.0.2.1' });
    expect(evaluateFlow(m, buildFlow(m, { from: '198.51.100.20', to: 'app/a', protocol: 'TCP', port: 80 })).allowed).toBe(false);
    const notes = computeConnectivity(m).notes;
    expect(notes.some((n) => n.includes("through tunl0 arrives from the sending node's tunnel address (nodes node-2)") && n.includes('not modelled here yet'))).toBe(true);
  });

  it('no tunnel address, or CrossSubnet between nodes of one subnet: no note, and the map agrees with check', () => {
    for (const m of [world('Always'), world('CrossSubnet', { [IPIP_ADDR]: '192.0.2.1', [BGP]: '198.51.100.20/24' }, { [BGP]: '198.51.100.10/24' })]) {
      expect(evaluateFlow(m, buildFlow(m, { from: '198.51.100.20', to: 'app/a', protocol: 'TCP', port: 80 })).allowed).toBe(true);
      const c = computeConnectivity(m);
      expect(c.notes.filter((n) => n.includes('tunnel address'))).toEqual([]);
      expect(c.lines.find((l) => l.src === '198.51.100.20/32' && l.dst === 'app/a')?.conn).toBe('All Connections');
    }
  });
});
